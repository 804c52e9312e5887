/**
 * The queue per landlord (5.4): nominations still waiting for an offer, noodwoning
 * nominations before convenantwoning nominations, then in order of registration.
 * A nomination for which one landlord proposed a home stays only in that landlord's
 * queue (5.5: that landlord leads the allocation from then on).
 * Pure functions over a list; see landlord-queue.ts for the store-backed ones.
 */
import type { Nomination, NominationState } from '../nomination/nomination';
import { daysBetween, type IsoDate } from '../time/dates';
import { involvedLandlordIds, type AddressFacts, type CommitFacts } from '../nomination/actor';
import { isLandlordStillSearching } from './addressed-to';
import { isOfferOverdue, offerTargetDate, registrationDate, registrationInstant } from './target-date';

/**
 * What the queue reads of a nomination: a whole one, or only its counted fields
 * (CountedNomination, NominationStore.findCounted), which is how the store-backed reads load it.
 */
export type QueueFacts = Pick<Nomination, 'id' | 'type' | 'state' | 'createdAt' | 'registeredAt'> &
  AddressFacts &
  CommitFacts;

/** Registered but no offer yet (4.5: the offer ends the wait). */
export const WAITING_STATES = [
  'registered',
  'acknowledged',
  'home-proposed',
  'suitability-confirmed',
] as const satisfies readonly NominationState[];

export function isWaitingForOffer(nomination: Pick<Nomination, 'state'> & { offer?: unknown }): boolean {
  return (WAITING_STATES as readonly NominationState[]).includes(nomination.state) && !nomination.offer;
}

export interface QueueEntry<N extends QueueFacts = Nomination> {
  nomination: N;
  /** 1-based place in this landlord's queue. */
  position: number;
  registeredOn: IsoDate;
  offerTargetDate: IsoDate;
  overdue: boolean;
}

// 5.4: noodwoning first, then registration order; the id breaks ties so the order is total.
export function compareQueueOrder(a: QueueFacts, b: QueueFacts): number {
  const byType = priorityOf(a) - priorityOf(b);
  if (byType !== 0) return byType;
  const byTime = Date.parse(registrationInstant(a)) - Date.parse(registrationInstant(b));
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function priorityOf(nomination: Pick<Nomination, 'type'>): number {
  return nomination.type === 'noodwoning' ? 0 : 1;
}

/** The landlord's queue, first in line first. */
export function buildLandlordQueue<N extends QueueFacts>(
  nominations: readonly N[],
  landlordId: string,
  today: IsoDate,
): QueueEntry<N>[] {
  return nominations
    .filter((n) => isWaitingForOffer(n) && isLandlordStillSearching(n, landlordId))
    .sort(compareQueueOrder)
    .map((nomination, index) => ({
      nomination,
      position: index + 1,
      registeredOn: registrationDate(nomination),
      offerTargetDate: offerTargetDate(nomination),
      overdue: isOfferOverdue(nomination, today),
    }));
}

/** The nomination's 1-based position in the landlord's queue, or undefined if it is not in it. */
export function positionInQueue(
  nominations: readonly QueueFacts[],
  nominationId: string,
  landlordId: string,
  today: IsoDate,
): number | undefined {
  return buildLandlordQueue(nominations, landlordId, today).find((e) => e.nomination.id === nominationId)?.position;
}

export interface OverdueNomination<N extends QueueFacts = Nomination> {
  nomination: N;
  offerTargetDate: IsoDate;
  daysOverdue: number;
  /** Every landlord still searching a home for it (see queue rules above), with its position there. */
  landlords: { landlordId: string; position: number }[];
}

/** Nominations past their three-month target without an offer (5.4), most overdue first. */
export function listOverdueNominations<N extends QueueFacts>(
  nominations: readonly N[],
  today: IsoDate,
): OverdueNomination<N>[] {
  const landlordIds = [...new Set(nominations.flatMap(involvedLandlordIds))].sort();
  const queues = new Map(landlordIds.map((id) => [id, buildLandlordQueue(nominations, id, today)]));
  const overdue = new Map<string, OverdueNomination<N>>();
  for (const [landlordId, queue] of queues) {
    for (const entry of queue) {
      if (!entry.overdue) continue;
      const found = overdue.get(entry.nomination.id) ?? {
        nomination: entry.nomination,
        offerTargetDate: entry.offerTargetDate,
        daysOverdue: daysBetween(entry.offerTargetDate, today),
        landlords: [],
      };
      found.landlords.push({ landlordId, position: entry.position });
      overdue.set(entry.nomination.id, found);
    }
  }
  return [...overdue.values()].sort(
    (a, b) => b.daysOverdue - a.daysOverdue || compareQueueOrder(a.nomination, b.nomination),
  );
}
