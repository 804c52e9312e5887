/**
 * 6.4: "Er is een afspraak voor 2 noodwoningen per jaar. Indien de twee noodwoningen al
 * beschikbaar zijn gesteld (...), treden partijen in overleg en zoeken de sociale
 * verhuurders een extra woning."
 *
 * A noodwoning counts as "beschikbaar gesteld" when a landlord made the offer (4.5),
 * in the Amsterdam year of offer.madeOn. Not at registration: a registered family has
 * no home yet. A declined offer still counts: the home was made available and the
 * one-time offer (4.5) is spent. Erased nominations keep offer.madeOn, so they count.
 */
import type { Nomination } from '../nomination/nomination';
import { isWaitingForOffer } from '../queue/queue';
import type { NominationStore } from '../storage/ports';
import { covenantYearOf } from './covenant-year';

// 6.4
export const NOODWONINGEN_PER_YEAR = 2;

export interface NoodwoningQuota {
  year: number;
  /** Noodwoningen offered in the year. */
  used: number;
  of: typeof NOODWONINGEN_PER_YEAR;
  /** Noodwoning nominations still waiting for an offer (informative: they will need homes too). */
  waiting: number;
  /** The two were made available: parties consult before the next one (6.4). */
  nextNeedsConsultation: boolean;
}

/** What the quota reads of a nomination: a whole one, or its counted fields (storage ports). */
export type QuotaFacts = Pick<Nomination, 'type' | 'state'> & { offer?: { madeOn: string } };

export function countNoodwoningQuota(nominations: readonly QuotaFacts[], year: number): NoodwoningQuota {
  const noodwoningen = nominations.filter((n) => n.type === 'noodwoning');
  const used = noodwoningen.filter((n) => n.offer && covenantYearOf(n.offer.madeOn) === year).length;
  return {
    year,
    used,
    of: NOODWONINGEN_PER_YEAR,
    waiting: noodwoningen.filter(isWaitingForOffer).length,
    nextNeedsConsultation: used >= NOODWONINGEN_PER_YEAR,
  };
}

export async function noodwoningQuota(
  store: { nominations: Pick<NominationStore, 'find'> },
  year: number,
): Promise<NoodwoningQuota> {
  return countNoodwoningQuota(await store.nominations.find({ type: 'noodwoning' }), year);
}
