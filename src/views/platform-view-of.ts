/**
 * The platform view read from the store (10.2: counts only); the picking is in platform-view.ts.
 *
 * Counted in the database where it can: nominations by state and type are two `$group`
 * aggregations. What needs the covenant's rules in code (the queues of 5.4 and 5.5, the offers of
 * 6.4, the leases of 9) reads only the nominations concerned (waiting; offered or let this year),
 * and of those only the counted fields (NominationStore.findCounted), never a whole nomination.
 */
import { distributionUse } from '../distribution/allocation';
import { yearDistribution } from '../distribution/distribution-service';
import { countNoodwoningQuota } from '../distribution/noodwoning-quota';
import { LANDLORD_IDS } from '../parties/party';
import type { Party } from '../parties/party';
import { WAITING_STATES } from '../queue/queue';
import type { CountedCondition, CountedNomination, Store } from '../storage/ports';
import { addDays, localDate, parseIsoDate, type Clock, type IsoDate } from '../time/dates';
import { platformView, type PlatformFigures, type PlatformView } from './platform-view';

export type PlatformStore = Pick<Store, 'nominations' | 'distributions' | 'parties'>;

export async function platformViewOf(store: PlatformStore, clock: Clock): Promise<PlatformView> {
  const { figures } = await platformFiguresOf(store, localDate(clock()));
  return platformView(figures);
}

export interface PlatformRead {
  figures: PlatformFigures;
  /** The nominations read for the figures (counted fields only): those of `platformConditions` and `extra`. */
  counted: CountedNomination[];
  /** The party registry as read for the figures. */
  parties: Party[];
}

/**
 * Which nominations the platform figures of `year` count beyond the state and type totals: those
 * waiting for an offer (5.4, 6.4), and those offered (4.5, 6.4) or let (9) in the year. The date
 * ranges are a day wider on each side: offer and lease dates are local ISO dates, but
 * covenantYearOf also takes instants, so the exact year is decided in code, never by the query.
 */
export function platformConditions(year: number): CountedCondition[] {
  const around = { from: addDays(`${pad(year)}-01-01`, -1), before: addDays(`${pad(year + 1)}-01-01`, 1) };
  return [{ states: [...WAITING_STATES] }, { offerMadeOn: around }, { leaseSignedOn: around }];
}

/** The platform figures for `today`, reading in the same pass the nominations of `extra` (for the digest). */
export async function platformFiguresOf(
  store: PlatformStore,
  today: IsoDate,
  extra: readonly CountedCondition[] = [],
): Promise<PlatformRead> {
  const { year } = parseIsoDate(today);
  const [parties, allCounts, registeredThisYearCounts, counted, distribution] = await Promise.all([
    store.parties.list(),
    store.nominations.countByStateAndType(),
    store.nominations.countByStateAndType({
      registeredFrom: startOfYear(year),
      registeredBefore: startOfYear(year + 1),
    }),
    store.nominations.findCounted([...platformConditions(year), ...extra]),
    yearDistribution(store, year),
  ]);
  const figures: PlatformFigures = {
    today,
    year,
    landlordIds: landlordIdsOf(parties),
    allCounts,
    registeredThisYearCounts,
    waiting: counted,
    distribution: distributionUse(distribution, counted),
    noodwoning: countNoodwoningQuota(counted, year),
  };
  return { figures, counted, parties };
}

/** The social landlords in the party registry (13.2: new ones may join); the 2025 three if none. */
export async function currentLandlordIds(store: Pick<Store, 'parties'>): Promise<string[]> {
  return landlordIdsOf(await store.parties.list());
}

function landlordIdsOf(parties: readonly Party[]): string[] {
  const landlords = parties.filter((p) => p.kind === 'sociale-verhuurder').map((p) => p.id);
  return landlords.length > 0 ? landlords.sort() : Object.values(LANDLORD_IDS).sort();
}

/** 1 January 00:00 in Amsterdam (UTC+1 in winter) as a UTC instant, as the store compares times. */
function startOfYear(year: number): string {
  return new Date(`${pad(year)}-01-01T00:00:00+01:00`).toISOString();
}

function pad(year: number): string {
  return String(year).padStart(4, '0');
}
