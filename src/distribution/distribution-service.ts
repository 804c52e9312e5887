/**
 * Store-backed distribution operations (9). Every change is a compare-and-set on the
 * year's document (DistributionStore.save with the version read); on a conflict the
 * change is re-applied to the fresh document, so rules are checked against it.
 */
import type { Store } from '../storage/ports';
import { VersionConflictError } from '../storage/ports';
import { localDate, type Clock } from '../time/dates';
import {
  distributionUse,
  leasesSignedIn,
  newYearDistribution,
  withExchange,
  withHomes,
  type LandlordUse,
} from './allocation';
import { covenantYearOf } from './covenant-year';
import type { YearDistribution } from './distribution';

type DistributionDeps = Pick<Store, 'distributions' | 'nominations' | 'audit'>;

const MAX_ATTEMPTS = 3;

export interface ActorContext {
  /** Contact id of the platform member acting (never a name). */
  actorId: string;
  clock: Clock;
  /** Audit origin, e.g. "teams" or "seed". */
  origin?: string;
}

/** The stored distribution of a year, or the default one (only Duivenvoorde's home, 9). */
export async function yearDistribution(store: Pick<Store, 'distributions'>, year: number): Promise<YearDistribution> {
  return (await store.distributions.get(year)) ?? newYearDistribution(year);
}

/** The platform sets a landlord's homes for a year (3 "vaststelling van de verdeling", 9). */
export function setLandlordHomes(
  store: DistributionDeps,
  change: { year: number; landlordId: string; homes: number },
  context: ActorContext,
): Promise<YearDistribution> {
  return changeDistribution(store, change.year, 'distribution.set-homes', context, async (current) =>
    withHomes(current, change.landlordId, change.homes),
  );
}

/** Records an exchange of homes between landlords in the running year (9). */
export function recordHomeExchange(
  store: DistributionDeps,
  exchange: { fromLandlordId: string; toLandlordId: string; homes: number; note?: string },
  context: ActorContext,
): Promise<YearDistribution> {
  const on = localDate(context.clock());
  const year = covenantYearOf(on);
  return changeDistribution(store, year, 'distribution.exchange', context, async (current) => {
    const used = leasesSignedIn(year, await store.nominations.find({}));
    return withExchange(current, { ...exchange, on, recordedBy: context.actorId }, used);
  });
}

export interface DistributionStatus {
  distribution: YearDistribution;
  landlords: LandlordUse[];
}

/** Set, exchanged, used and remaining homes per landlord for a year (3, 9, 11). */
export async function distributionStatus(
  store: Pick<Store, 'distributions' | 'nominations'>,
  year: number,
): Promise<DistributionStatus> {
  const distribution = await yearDistribution(store, year);
  return { distribution, landlords: distributionUse(distribution, await store.nominations.find({})) };
}

async function changeDistribution(
  store: DistributionDeps,
  year: number,
  action: string,
  context: ActorContext,
  change: (current: YearDistribution) => Promise<YearDistribution>,
): Promise<YearDistribution> {
  for (let attempt = 1; ; attempt++) {
    const current = await yearDistribution(store, year);
    const next = await change(current);
    try {
      const saved = await store.distributions.save(next, current.version);
      await store.audit.append({
        id: `distribution:${year}:v${saved.version}`,
        at: context.clock().toISOString(),
        action,
        object: { type: 'distribution', id: String(year) },
        result: 'success',
        origin: context.origin ?? 'teams',
        actorId: context.actorId,
      });
      return saved;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
