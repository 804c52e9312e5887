/** What is due when (src/reminders/): 09:00 in Amsterdam on the day, a week's catch-up, and only while it applies. */
import { describe, expect, it } from 'vitest';
import type { Nomination } from '../../../src/nomination/nomination';
import { dueNominationReminders, isDue, remindersOf, sendInstant } from '../../../src/reminders/due-reminders';
import { aNomination } from '../../support/nomination-fixture';

const tenancy = (overrides: Partial<Nomination> = {}) =>
  aNomination({
    id: 'n-t',
    state: 'lease-signed',
    offer: { landlordId: 'vidomes', madeOn: '2025-02-01', answer: 'accepted', answeredOn: '2025-02-02' },
    lease: {
      landlordId: 'vidomes',
      signedOn: '2025-03-01',
      temporaryUntil: '2027-03-01',
      guidanceAgreementUntil: '2026-03-01',
      guidanceEndMayBeShared: true,
    },
    ...overrides,
  });

describe('due reminders', () => {
  it('go out at 09:00 in Amsterdam, summer and winter time alike', () => {
    expect(sendInstant('2025-05-20').toISOString()).toBe('2025-05-20T07:00:00.000Z');
    expect(sendInstant('2026-02-15').toISOString()).toBe('2026-02-15T08:00:00.000Z');
  });

  it('stay due for a week after their day (a bot that was down catches up), then are left', () => {
    const reminder = { sendOn: '2025-05-20' };
    expect(isDue(reminder, new Date('2025-05-20T06:59:59Z'))).toBe(false);
    expect(isDue(reminder, new Date('2025-05-20T07:00:00Z'))).toBe(true);
    expect(isDue(reminder, new Date('2025-05-27T21:59:59Z'))).toBe(true); // 23:59 on the 27th in Amsterdam
    expect(isDue(reminder, new Date('2025-05-27T22:00:00Z'))).toBe(false);
  });

  it('"approaching" is moot once the target has passed', () => {
    const registered = aNomination({ id: 'n-r', registeredAt: '2025-03-03T09:00:00.000Z' });
    const kinds = (at: string) => dueNominationReminders([registered], new Date(at)).map((r) => r.kind);
    expect(kinds('2025-05-25T10:00:00Z')).toEqual(['offer-target-approaching']);
    expect(kinds('2025-06-04T10:00:00Z')).toEqual(['offer-target-passed']);
  });

  it('follow the nomination: a recorded evaluation moves the next one on; a converted or erased lease has none', () => {
    expect(remindersOf(tenancy()).map((r) => `${r.kind}@${r.dueDate}`)).toEqual([
      'evaluation-due@2026-03-01',
      'temporary-lease-ending@2027-03-01',
    ]);
    const evaluated = tenancy({ evaluations: [{ on: '2026-02-20', positive: true, recordedBy: 'c' }] });
    expect(remindersOf(evaluated)[0]).toMatchObject({ kind: 'evaluation-due', dueDate: '2027-02-20' });
    expect(remindersOf(tenancy({ state: 'lease-indefinite' }))).toEqual([]);
    expect(remindersOf(tenancy({ erasedAt: '2026-01-01T00:00:00.000Z' }))).toEqual([]);
  });

  it('tell the landlord still searching, not one that dropped out (5.5)', () => {
    const proposed = aNomination({
      id: 'n-p',
      state: 'home-proposed',
      proposedHome: { landlordId: 'wooninvest', description: 'x', proposedAt: '2025-03-10T09:00:00Z', proposedBy: 'c' },
    });
    expect(remindersOf(proposed).map((r) => r.landlordIds)).toEqual([['wooninvest'], ['wooninvest']]);
  });
});
