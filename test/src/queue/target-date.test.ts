import { describe, expect, it } from 'vitest';
import { isOfferOverdue, offerTargetDate, registrationDate } from '../../../src/queue/target-date';
import { aNomination } from '../../support/nomination-fixture';

describe('offer target date (5.4: within three months, Amsterdam calendar)', () => {
  it.each([
    // registeredAt (UTC)            local date      target
    ['2025-03-01T10:00:00.000Z', '2025-03-01', '2025-06-01'],
    ['2025-08-31T10:00:00.000Z', '2025-08-31', '2025-11-30'], // clamps: no 31 November
    ['2025-11-30T10:00:00.000Z', '2025-11-30', '2026-02-28'],
    ['2027-11-30T10:00:00.000Z', '2027-11-30', '2028-02-29'], // leap year
    ['2025-08-31T23:30:00.000Z', '2025-09-01', '2025-12-01'], // summer time: already 1 Sep in Amsterdam
    ['2025-08-31T21:59:59.000Z', '2025-08-31', '2025-11-30'], // last second of 31 Aug (UTC+2)
    ['2025-12-31T23:30:00.000Z', '2026-01-01', '2026-04-01'], // winter time: UTC+1
    ['2025-12-31T22:59:59.000Z', '2025-12-31', '2026-03-31'],
  ])('registered %s → local %s → target %s', (registeredAt, local, target) => {
    const nomination = aNomination({ registeredAt });
    expect(registrationDate(nomination)).toBe(local);
    expect(offerTargetDate(nomination)).toBe(target);
  });

  it.each([
    // today        offer?  overdue
    ['2025-11-29', false, false],
    ['2025-11-30', false, false], // the target day itself is still in time
    ['2025-12-01', false, true],
    ['2025-12-01', true, false], // an offer was made: not overdue, however late
  ])('registered 31 Aug, today %s, offer made %s → overdue %s', (today, offerMade, overdue) => {
    const nomination = aNomination({
      registeredAt: '2025-08-31T10:00:00.000Z',
      ...(offerMade ? { offer: { landlordId: 'vidomes', madeOn: '2025-12-01' } } : {}),
    });
    expect(isOfferOverdue(nomination, today)).toBe(overdue);
  });
});
