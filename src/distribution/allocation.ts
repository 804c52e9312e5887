/**
 * Art. 9 (and 2 "Sociale verhuurders" b): the platform sets per landlord and year the
 * number of homes; landlords may exchange homes during the year. Pure functions; the
 * store-backed operations are in distribution-service.ts.
 */
import type { Nomination } from '../nomination/nomination';
import { LANDLORD_IDS } from '../parties/party';
import { covenantYearOf } from './covenant-year';
import type { Exchange, YearDistribution } from './distribution';

// 2b, 9: "Voor Stichting Duivenvoorde is dat 1 woning per jaar."
export const DUIVENVOORDE_HOMES_PER_YEAR = 1;

export class DistributionRuleError extends Error {
  constructor(
    readonly rule: 'invalid-homes' | 'same-landlord' | 'not-enough-homes' | 'outside-year',
    message: string,
  ) {
    super(message);
    this.name = 'DistributionRuleError';
  }
}

/** A year before the platform set anything: only Duivenvoorde's one home (9). */
export function newYearDistribution(year: number): YearDistribution {
  return { year, homes: { [LANDLORD_IDS.duivenvoorde]: DUIVENVOORDE_HOMES_PER_YEAR }, exchanges: [], version: 0 };
}

/** The platform sets a landlord's number of homes for the year (3, 9). */
export function withHomes(distribution: YearDistribution, landlordId: string, homes: number): YearDistribution {
  if (!Number.isInteger(homes) || homes < 0) {
    throw new DistributionRuleError('invalid-homes', `homes must be a whole number ≥ 0, got ${homes}`);
  }
  return { ...distribution, homes: { ...distribution.homes, [landlordId]: homes } };
}

export interface LandlordAllocation {
  set: number;
  given: number;
  received: number;
  /** set − given + received */
  effective: number;
}

export function allocationOf(distribution: YearDistribution, landlordId: string): LandlordAllocation {
  const set = distribution.homes[landlordId] ?? 0;
  const given = sum(distribution.exchanges.filter((e) => e.fromLandlordId === landlordId).map((e) => e.homes));
  const received = sum(distribution.exchanges.filter((e) => e.toLandlordId === landlordId).map((e) => e.homes));
  return { set, given, received, effective: set - given + received };
}

/**
 * 9: "Gedurende het lopende jaar bestaat de mogelijkheid tot uitwisseling van de
 * verdeelde woningen." The giver must still have the homes: its effective allocation
 * minus the homes it already let this year. The year's total does not change.
 */
export function withExchange(
  distribution: YearDistribution,
  exchange: Exchange,
  usedByLandlord: Readonly<Record<string, number>> = {},
): YearDistribution {
  if (!Number.isInteger(exchange.homes) || exchange.homes < 1) {
    throw new DistributionRuleError(
      'invalid-homes',
      `an exchange moves at least one whole home, got ${exchange.homes}`,
    );
  }
  if (exchange.fromLandlordId === exchange.toLandlordId) {
    throw new DistributionRuleError('same-landlord', 'a landlord cannot exchange homes with itself');
  }
  if (covenantYearOf(exchange.on) !== distribution.year) {
    throw new DistributionRuleError('outside-year', `exchange on ${exchange.on} is outside ${distribution.year}`);
  }
  const available =
    allocationOf(distribution, exchange.fromLandlordId).effective - (usedByLandlord[exchange.fromLandlordId] ?? 0);
  if (exchange.homes > available) {
    throw new DistributionRuleError(
      'not-enough-homes',
      `${exchange.fromLandlordId} has ${Math.max(0, available)} home(s) left to give, not ${exchange.homes}`,
    );
  }
  return { ...distribution, exchanges: [...distribution.exchanges, exchange] };
}

export function totalHomes(distribution: YearDistribution): number {
  return sum(Object.values(distribution.homes));
}

/** What the lease counts read of a nomination: a whole one, or its counted fields (storage ports). */
export type LeaseFacts = { lease?: Pick<NonNullable<Nomination['lease']>, 'landlordId' | 'signedOn'> };

/** Leases signed in the year (Amsterdam date of lease.signedOn), per landlord. */
export function leasesSignedIn(year: number, nominations: readonly LeaseFacts[]): Record<string, number> {
  const used: Record<string, number> = {};
  for (const { lease } of nominations) {
    if (!lease || covenantYearOf(lease.signedOn) !== year) continue;
    used[lease.landlordId] = (used[lease.landlordId] ?? 0) + 1;
  }
  return used;
}

export type UseStatus = 'under' | 'on-target' | 'over';

export interface LandlordUse extends LandlordAllocation {
  landlordId: string;
  /** Leases signed that year. */
  used: number;
  /** Homes still to let: max(0, effective − used). */
  remaining: number;
  /** Homes let beyond the allocation: max(0, used − effective). */
  overBy: number;
  status: UseStatus;
}

/**
 * Use per landlord: the covenant's three landlords always, plus any landlord with homes,
 * exchanges or leases that year (a lease without allocation shows as over-use).
 */
export function distributionUse(distribution: YearDistribution, nominations: readonly LeaseFacts[]): LandlordUse[] {
  const used = leasesSignedIn(distribution.year, nominations);
  const landlordIds = new Set<string>([
    ...Object.values(LANDLORD_IDS),
    ...Object.keys(distribution.homes),
    ...distribution.exchanges.flatMap((e) => [e.fromLandlordId, e.toLandlordId]),
    ...Object.keys(used),
  ]);
  return [...landlordIds].sort().map((landlordId) => {
    const allocation = allocationOf(distribution, landlordId);
    const usedHomes = used[landlordId] ?? 0;
    return {
      landlordId,
      ...allocation,
      used: usedHomes,
      remaining: Math.max(0, allocation.effective - usedHomes),
      overBy: Math.max(0, usedHomes - allocation.effective),
      status: statusOf(usedHomes, allocation.effective),
    };
  });
}

function statusOf(used: number, effective: number): UseStatus {
  return used < effective ? 'under' : used === effective ? 'on-target' : 'over';
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
