import { describe, expect, it } from 'vitest';
import { isoWeekday, isoWeekKey, mondayOf, mondayOfWeek } from '../../../src/scheduling/iso-week';
import { zonedInstant } from '../../../src/scheduling/zoned-time';
import { addDays } from '../../../src/time/dates';

describe('ISO weeks', () => {
  it.each([
    ['2025-09-01', '2025-W36'],
    ['2025-09-07', '2025-W36'],
    ['2025-09-08', '2025-W37'],
    ['2024-12-30', '2025-W01'], // Monday: the week of Thursday 2 January 2025
    ['2027-01-01', '2026-W53'], // a Friday in the long week of 2026
    ['2021-01-03', '2020-W53'],
    ['2025-12-28', '2025-W52'],
  ])('%s is in %s', (date, key) => {
    expect(isoWeekKey(date)).toBe(key);
  });

  it('finds the Monday of a date and of a week key', () => {
    expect(isoWeekday('2025-09-10')).toBe(3);
    expect(mondayOf('2025-09-14')).toBe('2025-09-08');
    expect(mondayOfWeek('2025-W01')).toBe('2024-12-30');
    expect(mondayOfWeek('2026-W53')).toBe('2026-12-28');
    expect(() => mondayOfWeek('2025-W53')).toThrow(RangeError);
  });

  it('agrees with itself over four years of days', () => {
    let date = '2024-01-01';
    for (let i = 0; i < 4 * 366; i++) {
      expect(isoWeekKey(mondayOfWeek(isoWeekKey(date)))).toBe(isoWeekKey(date));
      date = addDays(date, 1);
    }
  });
});

describe('local time in Amsterdam as an instant', () => {
  it('is an hour ahead of UTC in winter and two in summer', () => {
    expect(zonedInstant('2025-01-06', 9, 0, 'Europe/Amsterdam').toISOString()).toBe('2025-01-06T08:00:00.000Z');
    expect(zonedInstant('2025-06-02', 9, 0, 'Europe/Amsterdam').toISOString()).toBe('2025-06-02T07:00:00.000Z');
    // The days the clocks change.
    expect(zonedInstant('2025-03-30', 9, 0, 'Europe/Amsterdam').toISOString()).toBe('2025-03-30T07:00:00.000Z');
    expect(zonedInstant('2025-10-26', 9, 0, 'Europe/Amsterdam').toISOString()).toBe('2025-10-26T08:00:00.000Z');
    expect(zonedInstant('2025-10-26', 0, 0, 'Europe/Amsterdam').toISOString()).toBe('2025-10-25T22:00:00.000Z');
  });
});
