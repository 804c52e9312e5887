/** Store-backed queue reads (5.4); the ordering rules live in queue.ts. */
import type { NominationStore } from '../storage/ports';
import { localDate, type Clock } from '../time/dates';
import {
  buildLandlordQueue,
  listOverdueNominations,
  WAITING_STATES,
  type OverdueNomination,
  type QueueEntry,
} from './queue';

type NominationsOnly = { nominations: Pick<NominationStore, 'find'> };

export async function landlordQueue(store: NominationsOnly, landlordId: string, clock: Clock): Promise<QueueEntry[]> {
  const waiting = await store.nominations.find({ landlordId, states: [...WAITING_STATES] });
  return buildLandlordQueue(waiting, landlordId, localDate(clock()));
}

export async function queuePositionOf(
  store: NominationsOnly,
  nominationId: string,
  landlordId: string,
  clock: Clock,
): Promise<number | undefined> {
  const queue = await landlordQueue(store, landlordId, clock);
  return queue.find((entry) => entry.nomination.id === nominationId)?.position;
}

export async function overdueNominations(store: NominationsOnly, clock: Clock): Promise<OverdueNomination[]> {
  const waiting = await store.nominations.find({ states: [...WAITING_STATES] });
  return listOverdueNominations(waiting, localDate(clock()));
}
