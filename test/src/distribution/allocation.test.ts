import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocationOf,
  distributionUse,
  DistributionRuleError,
  leasesSignedIn,
  newYearDistribution,
  totalHomes,
  withExchange,
  withHomes,
} from '../../../src/distribution/allocation';
import { covenantYearOf } from '../../../src/distribution/covenant-year';
import type { Exchange, YearDistribution } from '../../../src/distribution/distribution';
import type { Lease } from '../../../src/nomination/nomination';
import { aNomination } from '../../support/nomination-fixture';

function exchange(fromLandlordId: string, toLandlordId: string, homes: number, on = '2025-05-01'): Exchange {
  return { fromLandlordId, toLandlordId, homes, on, recordedBy: 'c-platform' };
}

function leaseBy(landlordId: string, signedOn: string): { lease: Lease; state: 'lease-signed' } {
  return {
    state: 'lease-signed',
    lease: {
      landlordId,
      signedOn,
      temporaryUntil: '2027-01-01',
      guidanceAgreementUntil: '2026-01-01',
      guidanceEndMayBeShared: true,
    },
  };
}

const set2025: YearDistribution = withHomes(withHomes(newYearDistribution(2025), 'vidomes', 6), 'wooninvest', 3);

describe('the year distribution (9, 2b)', () => {
  it('gives Duivenvoorde one home a year by default', () => {
    expect(newYearDistribution(2026).homes).toEqual({ duivenvoorde: 1 });
    expect(allocationOf(newYearDistribution(2026), 'duivenvoorde').effective).toBe(1);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %s homes', (homes) => {
    expect(() => withHomes(newYearDistribution(2025), 'vidomes', homes)).toThrow(DistributionRuleError);
  });

  it('lets the platform change a landlord without touching the others', () => {
    const changed = withHomes(set2025, 'vidomes', 7);
    expect(changed.homes).toEqual({ duivenvoorde: 1, vidomes: 7, wooninvest: 3 });
    expect(set2025.homes.vidomes).toBe(6); // not mutated
  });
});

describe('exchanges during the year (9)', () => {
  it.each<[string, Exchange, Record<string, number>, string | undefined]>([
    ['a valid exchange', exchange('vidomes', 'wooninvest', 2), {}, undefined],
    ['all of the giver’s homes', exchange('vidomes', 'wooninvest', 6), {}, undefined],
    ['more than the giver has', exchange('vidomes', 'wooninvest', 7), {}, 'not-enough-homes'],
    ['homes the giver already let', exchange('vidomes', 'wooninvest', 2), { vidomes: 5 }, 'not-enough-homes'],
    ['from a landlord without homes', exchange('elsewhere', 'vidomes', 1), {}, 'not-enough-homes'],
    ['zero homes', exchange('vidomes', 'wooninvest', 0), {}, 'invalid-homes'],
    ['half a home', exchange('vidomes', 'wooninvest', 0.5), {}, 'invalid-homes'],
    ['with itself', exchange('vidomes', 'vidomes', 1), {}, 'same-landlord'],
    ['in another year', exchange('vidomes', 'wooninvest', 1, '2026-01-02'), {}, 'outside-year'],
    // 31 Dec 23:30 UTC is 1 Jan in Amsterdam: the next year
    ['at new year in Amsterdam', exchange('vidomes', 'wooninvest', 1, '2025-12-31T23:30:00.000Z'), {}, 'outside-year'],
  ])('%s', (_label, ex, used, refusedBecause) => {
    if (refusedBecause) {
      expect(() => withExchange(set2025, ex, used)).toThrow(expect.objectContaining({ rule: refusedBecause }));
      return;
    }
    const next = withExchange(set2025, ex, used);
    expect(next.exchanges).toEqual([ex]);
    expect(allocationOf(next, ex.fromLandlordId)).toMatchObject({ given: ex.homes, effective: 6 - ex.homes });
    expect(allocationOf(next, ex.toLandlordId)).toMatchObject({ received: ex.homes, effective: 3 + ex.homes });
  });

  it('uses homes received earlier to give on', () => {
    const next = withExchange(
      withExchange(set2025, exchange('vidomes', 'duivenvoorde', 2)),
      exchange('duivenvoorde', 'wooninvest', 3),
    );
    expect(allocationOf(next, 'duivenvoorde')).toEqual({ set: 1, given: 3, received: 2, effective: 0 });
  });

  it('keeps the year total whatever valid exchanges happen', () => {
    const landlords = ['vidomes', 'wooninvest', 'duivenvoorde'];
    const attempt = fc.record({
      from: fc.constantFrom(...landlords),
      to: fc.constantFrom(...landlords),
      homes: fc.integer({ min: -1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 15 }), (attempts) => {
        let distribution = set2025;
        for (const { from, to, homes } of attempts) {
          try {
            distribution = withExchange(distribution, exchange(from, to, homes));
          } catch (error) {
            expect(error).toBeInstanceOf(DistributionRuleError);
          }
        }
        const effective = landlords.map((id) => allocationOf(distribution, id).effective);
        expect(effective.reduce((a, b) => a + b, 0)).toBe(totalHomes(set2025));
        expect(effective.every((homes) => homes >= 0)).toBe(true);
      }),
    );
  });
});

describe('use per landlord (9, 11)', () => {
  const nominations = [
    aNomination(leaseBy('vidomes', '2025-02-01')),
    aNomination(leaseBy('vidomes', '2025-12-31T23:30:00.000Z')), // 1 Jan 2026 in Amsterdam
    aNomination(leaseBy('wooninvest', '2025-03-01')),
    aNomination(leaseBy('wooninvest', '2025-04-01')),
    aNomination(leaseBy('wooninvest', '2025-05-01')),
    aNomination(leaseBy('wooninvest', '2025-06-01')),
    aNomination(leaseBy('duivenvoorde', '2024-06-01')),
    aNomination({ state: 'registered' }),
  ];

  it('counts leases by the Amsterdam year they were signed', () => {
    expect(leasesSignedIn(2025, nominations)).toEqual({ vidomes: 1, wooninvest: 4 });
    expect(leasesSignedIn(2026, nominations)).toEqual({ vidomes: 1 });
    expect(covenantYearOf('2025-12-31T22:59:59.000Z')).toBe(2025);
  });

  it('shows under-use, on-target and over-use after exchanges', () => {
    const distribution = withExchange(set2025, exchange('vidomes', 'wooninvest', 1));
    expect(distributionUse(distribution, nominations)).toEqual([
      {
        landlordId: 'duivenvoorde',
        set: 1,
        given: 0,
        received: 0,
        effective: 1,
        used: 0,
        remaining: 1,
        overBy: 0,
        status: 'under',
      },
      {
        landlordId: 'vidomes',
        set: 6,
        given: 1,
        received: 0,
        effective: 5,
        used: 1,
        remaining: 4,
        overBy: 0,
        status: 'under',
      },
      {
        landlordId: 'wooninvest',
        set: 3,
        given: 0,
        received: 1,
        effective: 4,
        used: 4,
        remaining: 0,
        overBy: 0,
        status: 'on-target',
      },
    ]);
    expect(distributionUse(set2025, nominations).find((u) => u.landlordId === 'wooninvest')).toMatchObject({
      effective: 3,
      used: 4,
      remaining: 0,
      overBy: 1,
      status: 'over',
    });
  });

  it('shows a landlord with leases but no allocation as over', () => {
    const use = distributionUse(newYearDistribution(2025), [aNomination(leaseBy('new-landlord', '2025-09-01'))]);
    expect(use.find((u) => u.landlordId === 'new-landlord')).toMatchObject({ effective: 0, used: 1, status: 'over' });
  });
});
