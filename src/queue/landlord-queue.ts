/**
 * Store-backed queue reads (5.4); the ordering rules live in queue.ts.
 *
 * The order needs only a few fields of each waiting nomination, so the reads take those alone
 * (NominationStore.findCounted: a projection, on MongoDB through the index on targetLandlordIds +
 * state), and load whole nominations only for the entries a card shows.
 */
import type { Nomination } from '../nomination/nomination';
import type { CountedNomination, NominationStore } from '../storage/ports';
import { localDate, type Clock } from '../time/dates';
import { isLandlordStillSearching } from './addressed-to';
import {
  buildLandlordQueue,
  compareQueueOrder,
  isWaitingForOffer,
  listOverdueNominations,
  WAITING_STATES,
  type OverdueNomination,
  type QueueEntry,
} from './queue';

type NominationsOnly = { nominations: Pick<NominationStore, 'find' | 'findCounted' | 'getMany'> };

/** The landlord's whole queue, every entry with its whole nomination. */
export async function landlordQueue(store: NominationsOnly, landlordId: string, clock: Clock): Promise<QueueEntry[]> {
  const waiting = await store.nominations.find({ landlordId, states: [...WAITING_STATES] });
  return buildLandlordQueue(waiting, landlordId, localDate(clock()));
}

export interface LandlordQueuePage {
  /** The first `limit` entries, with their whole nominations. */
  entries: QueueEntry[];
  /** Entries in the whole queue. */
  total: number;
}

/**
 * The first `limit` entries of the landlord's queue (the `wachtrij` card), and how long it is: the
 * order from the counted fields of the waiting nominations, whole nominations for the shown ones only.
 */
export async function landlordQueuePage(
  store: NominationsOnly,
  landlordId: string,
  clock: Clock,
  limit: number,
): Promise<LandlordQueuePage> {
  const today = localDate(clock());
  const order = buildLandlordQueue(await waitingFor(store, [landlordId]), landlordId, today);
  const shown = order.slice(0, Math.max(0, limit));
  const whole = new Map(
    (await store.nominations.getMany(shown.map((entry) => entry.nomination.id))).map((n) => [n.id, n]),
  );
  const entries: QueueEntry[] = [];
  for (const { nomination: counted, position } of shown) {
    const nomination = whole.get(counted.id);
    // Changed since the order was read (an offer made, withdrawn, deleted): left out, as a later read would.
    const queued = nomination && buildLandlordQueue([nomination], landlordId, today)[0];
    if (queued) entries.push({ ...queued, position });
  }
  return { entries, total: order.length };
}

export async function queuePositionOf(
  store: NominationsOnly,
  nominationId: string,
  landlordId: string,
  _clock?: Clock,
): Promise<number | undefined> {
  return (await queuePositionsOf(store, nominationId, [landlordId]))[landlordId];
}

/**
 * The nomination's place in each of these landlords' queues (those it is in), from one read of the
 * counted fields of their waiting nominations: what a verdict or status card shows (5.4).
 */
export async function queuePositionsOf(
  store: NominationsOnly,
  nominationId: string,
  landlordIds: readonly string[],
): Promise<Record<string, number>> {
  const positions: Record<string, number> = {};
  if (landlordIds.length === 0) return positions;
  const waiting = await waitingFor(store, landlordIds);
  const own = waiting.find((n) => n.id === nominationId);
  if (!own) return positions;
  // In the landlord's queue: addressed to it (as landlordQueue reads), waiting, and still searched for by it.
  const inQueue = (n: CountedNomination, landlordId: string) =>
    n.targetLandlordIds.includes(landlordId) && isWaitingForOffer(n) && isLandlordStillSearching(n, landlordId);
  for (const landlordId of landlordIds) {
    if (!inQueue(own, landlordId)) continue;
    // 1 + those ahead of it: the same as its index in buildLandlordQueue, without sorting the queue.
    let ahead = 0;
    for (const n of waiting) if (inQueue(n, landlordId) && compareQueueOrder(n, own) < 0) ahead++;
    positions[landlordId] = ahead + 1;
  }
  return positions;
}

export async function overdueNominations(
  store: NominationsOnly,
  clock: Clock,
): Promise<OverdueNomination<Nomination>[]> {
  const waiting = await store.nominations.find({ states: [...WAITING_STATES] });
  return listOverdueNominations(waiting, localDate(clock()));
}

/** The counted fields of the nominations waiting in any of these landlords' queues (5.4). */
function waitingFor(store: NominationsOnly, landlordIds: readonly string[]): Promise<CountedNomination[]> {
  return store.nominations.findCounted(landlordIds.map((landlordId) => ({ landlordId, states: [...WAITING_STATES] })));
}
