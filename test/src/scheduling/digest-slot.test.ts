import { describe, expect, it } from 'vitest';
import { CronError, parseCron } from '../../../src/scheduling/cron';
import { compileSchedule, latestDueSlot, slotInWeek, type DigestSchedule } from '../../../src/scheduling/digest-slot';

const TZ = 'Europe/Amsterdam';
const MONDAY_9: DigestSchedule = { kind: 'weekly', isoWeekday: 1, hour: 9, minute: 0 };

function due(schedule: DigestSchedule, now: string) {
  const slot = latestDueSlot(compileSchedule(schedule), new Date(now), TZ);
  return slot && { isoWeek: slot.isoWeek, at: slot.at.toISOString() };
}

describe('the weekly slot (default Monday 09:00 in Amsterdam)', () => {
  it('is due from Monday 09:00 local, in winter and in summer time', () => {
    expect(due(MONDAY_9, '2025-01-06T07:59:59Z')).toEqual({ isoWeek: '2025-W01', at: '2024-12-30T08:00:00.000Z' });
    expect(due(MONDAY_9, '2025-01-06T08:00:00Z')).toEqual({ isoWeek: '2025-W02', at: '2025-01-06T08:00:00.000Z' });
    expect(due(MONDAY_9, '2025-06-02T07:00:00Z')).toEqual({ isoWeek: '2025-W23', at: '2025-06-02T07:00:00.000Z' });
  });

  it('stays the latest passed slot until the next one: a bot back on Tuesday still owes Monday’s', () => {
    expect(due(MONDAY_9, '2025-09-09T10:00:00Z')).toEqual({ isoWeek: '2025-W37', at: '2025-09-08T07:00:00.000Z' });
    expect(due(MONDAY_9, '2025-09-14T21:59:00Z')).toMatchObject({ isoWeek: '2025-W37' });
  });

  it('takes another day and time', () => {
    const friday = { kind: 'weekly', isoWeekday: 5, hour: 16, minute: 30 } as const;
    expect(due(friday, '2025-09-10T10:00:00Z')).toEqual({ isoWeek: '2025-W36', at: '2025-09-05T14:30:00.000Z' });
  });
});

describe('a DIGEST_CRON schedule', () => {
  it('fires at the first moment of the week the expression names', () => {
    // Weekdays at 9: Monday is the week's slot, Tuesday–Friday do nothing more.
    expect(due({ kind: 'cron', expression: '0 9 * * 1-5' }, '2025-09-12T10:00:00Z')).toEqual({
      isoWeek: '2025-W37',
      at: '2025-09-08T07:00:00.000Z',
    });
    expect(due({ kind: 'cron', expression: '30 8,17 * * TUE' }, '2025-09-10T10:00:00Z')).toEqual({
      isoWeek: '2025-W37',
      at: '2025-09-09T06:30:00.000Z',
    });
    // Sunday as 0 and as 7.
    expect(due({ kind: 'cron', expression: '0 20 * * 0' }, '2025-09-10T10:00:00Z')).toMatchObject({
      isoWeek: '2025-W36',
    });
    expect(due({ kind: 'cron', expression: '0 20 * * 7' }, '2025-09-10T10:00:00Z')).toMatchObject({
      isoWeek: '2025-W36',
    });
  });

  it('looks back to the week of a monthly or yearly slot', () => {
    expect(due({ kind: 'cron', expression: '0 9 1 * *' }, '2025-09-10T10:00:00Z')).toEqual({
      isoWeek: '2025-W36',
      at: '2025-09-01T07:00:00.000Z',
    });
    expect(due({ kind: 'cron', expression: '0 9 1 1 *' }, '2025-09-10T10:00:00Z')).toMatchObject({
      isoWeek: '2025-W01',
    });
  });

  it('matches either day field when both are restricted, as cron does', () => {
    const spec = compileSchedule({ kind: 'cron', expression: '0 9 15 * 5' });
    // Week 37's first match is Friday the 12th; week 38's is Monday the 15th.
    expect(slotInWeek(spec, '2025-09-08', TZ)?.toISOString()).toBe('2025-09-12T07:00:00.000Z');
    expect(slotInWeek(spec, '2025-09-15', TZ)?.toISOString()).toBe('2025-09-15T07:00:00.000Z');
  });

  it.each([
    '0 24 * * 1',
    '60 9 * * 1',
    '0 9 0 * *',
    '0 9 * 13 *',
    '0 9 * * 8',
    '0 9 * * funday',
    '5-1 9 * * 1',
    '*/0 9 * * 1',
  ])('refuses %s', (expression) => {
    expect(() => parseCron(expression)).toThrow(CronError);
  });

  it('reads steps and lists', () => {
    const spec = parseCron('*/15 9-17/4 1,15 * mon-fri');
    expect(spec.minutes).toEqual([0, 15, 30, 45]);
    expect(spec.hours).toEqual([9, 13, 17]);
    expect([...spec.daysOfMonth]).toEqual([1, 15]);
    expect([...spec.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
  });
});
