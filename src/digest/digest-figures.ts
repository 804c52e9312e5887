/**
 * The weekly digest's figures for the platform channel (art. 3, 11), built on the platform view.
 * 10.2: counts only. Keys are landlord ids from the view, the nomination types, party kinds and
 * signal types — fixed lists, never a nomination's own strings; nothing names or dates a person.
 */
import type { LandlordUse } from '../distribution/allocation';
import { covenantYearOf } from '../distribution/covenant-year';
import type { NominationType } from '../nomination/nomination';
import { nextEvaluationDueOn } from '../nomination/steps/lease';
import { isActive } from '../parties/party-rules';
import type { Party, PartyKind } from '../parties/party';
import { isWaitingForOffer } from '../queue/queue';
import { isoWeekKey, mondayOf, type IsoWeekKey } from '../scheduling/iso-week';
import { addDays, compareDates, localDate, type IsoDate } from '../time/dates';
import type { CountedNomination } from '../storage/ports';
import { landlordQueueOf, type PlatformView } from '../views/platform-view';
import type { SignalCounts } from './signal-counts';

const NOMINATION_TYPES = ['convenantwoning', 'noodwoning'] as const satisfies readonly NominationType[];
const PARTY_KINDS = [
  'gemeente',
  'zorgorganisatie',
  'reclassering',
  'lokale-kamer',
  'ggd-meldpunt',
  'limor',
  'sociale-verhuurder',
] as const satisfies readonly PartyKind[];

export interface ByType {
  total: number;
  byType: Record<NominationType, number>;
}

export type LandlordFigures = Pick<
  LandlordUse,
  'set' | 'given' | 'received' | 'effective' | 'used' | 'remaining' | 'overBy' | 'status'
> & {
  /** One-time offers (4.5) made this year. `used` counts the leases signed this year. */
  offers: number;
};

export interface DigestFigures {
  audience: 'platform';
  asOf: IsoDate;
  year: number;
  isoWeek: IsoWeekKey;
  previousIsoWeek: IsoWeekKey;
  /** Registered (5.3) in this ISO week so far, and in the whole previous one. */
  newNominations: { week: ByType; previousWeek: ByType };
  /** 5.4: waiting for an offer, and past the three months. A nomination sent to two landlords is in both queues. */
  openQueue: { waiting: ByType; overdue: number; byLandlord: Record<string, { waiting: ByType; overdue: number }> };
  /** 9: homes set and exchanged per landlord against offers and leases this year. */
  distribution: Record<string, LandlordFigures>;
  /** 6.4 */
  noodwoningen: PlatformView['noodwoningen'];
  /** 8.1, 8.2, 10.5, in the same two weeks as newNominations. */
  signals: { week: SignalCounts; previousWeek: SignalCounts };
  /** 5.11: temporary leases whose yearly evaluation falls by the end of this week; overdue: before today. */
  evaluations: { due: number; overdue: number };
  /** 5.1: contacts Teams could not reach (unreachableSince), per kind of party. */
  unreachableContacts: { total: number; byPartyKind: Record<PartyKind, number> };
  /** Messages the bot gave up on. */
  outbox: { failed: number; unreachable: number };
}

export interface DigestInput {
  view: PlatformView;
  /**
   * Only counted. At least the nominations the figures concern (digest-figures-of.ts reads just
   * those, counted fields only): waiting for an offer, offered or let in the view's year, leases
   * running, registered in this or the previous week. More (e.g. all of them) gives the same figures.
   */
  nominations: readonly CountedNomination[];
  parties: readonly Party[];
  outboxCounts: Readonly<Record<string, number>>;
  signals: DigestFigures['signals'];
}

export function digestFigures({ view, nominations, parties, outboxCounts, signals }: DigestInput): DigestFigures {
  const today = view.asOf;
  const isoWeek = isoWeekKey(today);
  const previousIsoWeek = isoWeekKey(addDays(mondayOf(today), -7));
  // The local week of each registration near these two weeks, worked out once: an instant's date in
  // Amsterdam is at most a day from its UTC date, so the ISO-string bounds leave none out.
  const near = { from: addDays(mondayOf(today), -8), before: addDays(mondayOf(today), 8) };
  const weekOf = new Map<CountedNomination, IsoWeekKey>();
  for (const n of nominations) {
    if (n.registeredAt && n.registeredAt >= near.from && n.registeredAt < near.before) {
      weekOf.set(n, isoWeekKey(localDate(new Date(n.registeredAt))));
    }
  }
  const registeredIn = (week: IsoWeekKey) => byType([...weekOf].filter(([, key]) => key === week).map(([n]) => n));

  const waiting = nominations.filter(isWaitingForOffer);
  const byLandlord: DigestFigures['openQueue']['byLandlord'] = {};
  for (const [landlordId, counts] of Object.entries(view.waitingForOffer.byLandlord)) {
    byLandlord[landlordId] = { waiting: byType(landlordQueueOf(waiting, landlordId)), overdue: counts.overdue };
  }

  const offers = offersIn(view.year, nominations);
  const distribution: DigestFigures['distribution'] = {};
  for (const [landlordId, use] of Object.entries(view.distribution)) {
    distribution[landlordId] = { ...use, offers: offers[landlordId] ?? 0 };
  }

  return {
    audience: 'platform',
    asOf: today,
    year: view.year,
    isoWeek,
    previousIsoWeek,
    newNominations: { week: registeredIn(isoWeek), previousWeek: registeredIn(previousIsoWeek) },
    openQueue: { waiting: byType(waiting), overdue: view.waitingForOffer.overdue, byLandlord },
    distribution,
    noodwoningen: { ...view.noodwoningen },
    signals,
    evaluations: evaluationsDue(nominations, today),
    unreachableContacts: unreachableContacts(parties, today),
    outbox: { failed: outboxCounts.failed ?? 0, unreachable: outboxCounts.unreachable ?? 0 },
  };
}

function byType(nominations: readonly Pick<CountedNomination, 'type'>[]): ByType {
  const counts = Object.fromEntries(NOMINATION_TYPES.map((t) => [t, 0])) as Record<NominationType, number>;
  for (const n of nominations) if (n.type in counts) counts[n.type] += 1;
  return { total: counts.convenantwoning + counts.noodwoning, byType: counts };
}

/** 4.5: offers per landlord in the Amsterdam year of offer.madeOn. */
export function offersIn(
  year: number,
  nominations: readonly Pick<CountedNomination, 'offer'>[],
): Record<string, number> {
  const offers: Record<string, number> = {};
  for (const { offer } of nominations) {
    if (!offer || covenantYearOf(offer.madeOn) !== year) continue;
    offers[offer.landlordId] = (offers[offer.landlordId] ?? 0) + 1;
  }
  return offers;
}

function evaluationsDue(nominations: readonly CountedNomination[], today: IsoDate): DigestFigures['evaluations'] {
  const sunday = addDays(mondayOf(today), 6);
  const dueDates = nominations.map(nextEvaluationDueOn).filter((d): d is IsoDate => d !== undefined);
  return {
    due: dueDates.filter((d) => compareDates(d, sunday) <= 0).length,
    overdue: dueDates.filter((d) => compareDates(d, today) < 0).length,
  };
}

function unreachableContacts(parties: readonly Party[], today: IsoDate): DigestFigures['unreachableContacts'] {
  const byPartyKind = Object.fromEntries(PARTY_KINDS.map((k) => [k, 0])) as Record<PartyKind, number>;
  for (const party of parties) {
    if (!isActive(party, today) || !(party.kind in byPartyKind)) continue;
    byPartyKind[party.kind] += party.contacts.filter((c) => c.unreachableSince !== undefined).length;
  }
  return { total: Object.values(byPartyKind).reduce((a, b) => a + b, 0), byPartyKind };
}
