/** The platform view read from the store (10.2: counts only); the picking is in platform-view.ts. */
import { distributionStatus } from '../distribution/distribution-service';
import { noodwoningQuota } from '../distribution/noodwoning-quota';
import { LANDLORD_IDS } from '../parties/party';
import { WAITING_STATES } from '../queue/queue';
import type { Store } from '../storage/ports';
import { localDate, parseIsoDate, type Clock } from '../time/dates';
import { platformView, type PlatformView } from './platform-view';

export async function platformViewOf(
  store: Pick<Store, 'nominations' | 'distributions' | 'parties'>,
  clock: Clock,
): Promise<PlatformView> {
  const today = localDate(clock());
  const { year } = parseIsoDate(today);
  const [landlordIds, allCounts, registeredThisYearCounts, waiting, status, noodwoning] = await Promise.all([
    currentLandlordIds(store),
    store.nominations.countByStateAndType(),
    store.nominations.countByStateAndType({
      registeredFrom: startOfYear(year),
      registeredBefore: startOfYear(year + 1),
    }),
    store.nominations.find({ states: [...WAITING_STATES] }),
    distributionStatus(store, year),
    noodwoningQuota(store, year),
  ]);
  return platformView({
    today,
    year,
    landlordIds,
    allCounts,
    registeredThisYearCounts,
    waiting,
    distribution: status.landlords,
    noodwoning,
  });
}

/** The social landlords in the party registry (13.2: new ones may join); the 2025 three if none. */
export async function currentLandlordIds(store: Pick<Store, 'parties'>): Promise<string[]> {
  const landlords = (await store.parties.list()).filter((p) => p.kind === 'sociale-verhuurder').map((p) => p.id);
  return landlords.length > 0 ? landlords.sort() : Object.values(LANDLORD_IDS).sort();
}

/** 1 January 00:00 in Amsterdam (UTC+1 in winter) as a UTC instant, as the store compares times. */
function startOfYear(year: number): string {
  return new Date(`${String(year).padStart(4, '0')}-01-01T00:00:00+01:00`).toISOString();
}
