/**
 * What the platform channel sees (10.2: "De gemeente ontvangt en deelt geen
 * persoonsgegevens"; DESIGN.md "Who may see what"): counts only. No id, name, date of
 * birth, free text or nomination number. Every key and label comes from a fixed list
 * (states, types, statuses) or from the landlord ids the caller passes, never from a
 * nomination's strings.
 */
import type { LandlordUse, UseStatus } from '../distribution/allocation';
import type { NoodwoningQuota } from '../distribution/noodwoning-quota';
import type { NominationState, NominationType } from '../nomination/nomination';
import { NOMINATION_STATES } from '../nomination/states';
import type { CountedNomination, NominationCounts } from '../storage/ports';
import { isLandlordStillSearching } from '../queue/addressed-to';
import { isWaitingForOffer } from '../queue/queue';
import type { IsoDate } from '../time/dates';
import { isOfferOverdue } from '../queue/target-date';

const NOMINATION_TYPES = ['convenantwoning', 'noodwoning'] as const satisfies readonly NominationType[];

export interface PlatformView {
  audience: 'platform';
  asOf: IsoDate;
  year: number;
  /** All nominations by their current state and type. */
  counts: { total: number; byState: Record<NominationState, number>; byType: Record<NominationType, number> };
  /** Registered in `year` (11: demand). */
  registeredThisYear: { total: number; byType: Record<NominationType, number> };
  /** 5.4: waiting for an offer, and past the three months. */
  waitingForOffer: { total: number; overdue: number; byLandlord: Record<string, { waiting: number; overdue: number }> };
  /** 9: homes per landlord for `year`. */
  distribution: Record<
    string,
    {
      set: number;
      given: number;
      received: number;
      effective: number;
      used: number;
      remaining: number;
      overBy: number;
      status: UseStatus;
    }
  >;
  /** 6.4 */
  noodwoningen: { used: number; of: number; waiting: number; nextNeedsConsultation: boolean };
}

export interface PlatformFigures {
  today: IsoDate;
  year: number;
  /** The landlords to report on, from the party registry: the only ids a platform view contains. */
  landlordIds: readonly string[];
  allCounts: NominationCounts;
  registeredThisYearCounts: NominationCounts;
  /** At least the nominations in a waiting state (others are ignored); only counted, never shown. */
  waiting: readonly CountedNomination[];
  distribution: readonly LandlordUse[];
  noodwoning: NoodwoningQuota;
}

export function platformView(figures: PlatformFigures): PlatformView {
  const all = tally(figures.allCounts);
  const thisYear = tally(figures.registeredThisYearCounts);
  const waiting = figures.waiting.filter(isWaitingForOffer);
  // Once per nomination: a date in Amsterdam is the costly part of counting 100,000 of them.
  const overdue = new Set(waiting.filter((n) => isOfferOverdue(n, figures.today)));
  const byLandlord: PlatformView['waitingForOffer']['byLandlord'] = {};
  for (const landlordId of figures.landlordIds) {
    const queue = landlordQueueOf(waiting, landlordId);
    byLandlord[landlordId] = {
      waiting: queue.length,
      overdue: queue.filter((n) => overdue.has(n)).length,
    };
  }
  const distribution: PlatformView['distribution'] = {};
  for (const use of figures.distribution) {
    if (!figures.landlordIds.includes(use.landlordId)) continue;
    distribution[use.landlordId] = {
      set: use.set,
      given: use.given,
      received: use.received,
      effective: use.effective,
      used: use.used,
      remaining: use.remaining,
      overBy: use.overBy,
      status: use.status,
    };
  }
  return {
    audience: 'platform',
    asOf: figures.today,
    year: figures.year,
    counts: { total: all.total, byState: all.byState, byType: all.byType },
    registeredThisYear: { total: thisYear.total, byType: thisYear.byType },
    waitingForOffer: {
      total: waiting.length,
      overdue: overdue.size,
      byLandlord,
    },
    distribution,
    noodwoningen: {
      used: figures.noodwoning.used,
      of: figures.noodwoning.of,
      waiting: figures.noodwoning.waiting,
      nextNeedsConsultation: figures.noodwoning.nextNeedsConsultation,
    },
  };
}

/** Reads `${state}|${type}` counts through the fixed lists, so an unknown key never becomes a label. */
function tally(counts: NominationCounts): {
  total: number;
  byState: Record<NominationState, number>;
  byType: Record<NominationType, number>;
} {
  const byState = Object.fromEntries(NOMINATION_STATES.map((s) => [s, 0])) as Record<NominationState, number>;
  const byType = Object.fromEntries(NOMINATION_TYPES.map((t) => [t, 0])) as Record<NominationType, number>;
  let total = 0;
  for (const state of NOMINATION_STATES) {
    for (const type of NOMINATION_TYPES) {
      const count = counts.byStateAndType[`${state}|${type}`] ?? 0;
      byState[state] += count;
      byType[type] += count;
      total += count;
    }
  }
  return { total, byState, byType };
}

/**
 * The nominations in the landlord's queue (5.4), as buildLandlordQueue picks them: waiting for an
 * offer, and still searched for by this landlord (5.5). Only counted, so not sorted.
 */
export function landlordQueueOf<N extends CountedNomination>(waiting: readonly N[], landlordId: string): N[] {
  return waiting.filter((n) => isWaitingForOffer(n) && isLandlordStillSearching(n, landlordId));
}
