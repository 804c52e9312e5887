/**
 * A nomination (aanmelding, 5.3) of a candidate tenant (kandidaat huurder, 1j)
 * by a counsellor or casemanager to the landlords' fixed contacts.
 *
 * Privacy (10.6, DESIGN.md "Who may see what"): the checklist holds the counsellor's
 * confirmations and short motivations, never the facts behind them (no diagnosis,
 * offence, eviction file). Fields marked "never to landlords" must not appear in a
 * landlord view; see src/views/.
 */
import type { Verdict } from '../eligibility/verdict';
import type { PendingNominationNotification } from './notifications';

export type NominationType = 'convenantwoning' | 'noodwoning'; // 1c, 1l

export const CHECKLIST_ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

/**
 * The counsellor's answer to one 5.6 item.
 * - met: the candidate meets the criterion;
 * - not-met: does not;
 * - exception: does not, but an exception the covenant allows applies (b, c, j, k, l only);
 * - not-applicable: only for h ("indien nodig": no debt arrangement needed).
 */
export type ChecklistStatus = 'met' | 'not-met' | 'exception' | 'not-applicable';
export interface ChecklistAnswer {
  status: ChecklistStatus;
  /** Short motivation, required where the exception asks for one (1c maatwerk, 5.6j). */
  motivation?: string;
}
export type Checklist = Partial<Record<ChecklistItem, ChecklistAnswer>>;

/** A period of residence in Leidschendam-Voorburg (1c); `to` absent = still resident. ISO dates. */
export interface ResidencyPeriod {
  from: string;
  to?: string;
}

export interface Household {
  adults: number;
  minorChildren: number; // 1l, 4.2: families with minors living in
}

export interface Candidate {
  name: string;
  /** ISO date. */
  dateOfBirth?: string;
  household: Household;
}

/** Confirmations outside 5.6 that decide whether the covenant applies at all. */
export interface ScopeConfirmations {
  /** Preamble: housing financed under the Wlz is outside the covenant. */
  wlzFunded: boolean;
  /** 4.1: the candidate is expected to be able to live independently. */
  expectedToLiveIndependently: boolean;
  /** 4.2: a family member shows boundary-crossing behaviour (fraud, undermining). Never to landlords. */
  boundaryCrossingBehaviourInFamily: boolean;
}

/** Art. 6: the noodwoning route. */
export interface NoodwoningDetails {
  /** 6.1: the family was referred by the GGD Meldpunt Zorgwekkend gedrag. */
  referredByGgdMeldpunt: boolean;
  /** 6.3: the landlord that evicted the family, if a social landlord did. Never to other landlords. */
  evictingLandlordId?: string;
  /** 6.4: the year's two noodwoningen were used; parties consulted before this one. */
  consultationFlagged?: boolean;
}

export type NominationState =
  | 'draft'
  | 'registered' // 5.3 nominated to the landlords' fixed contacts
  | 'acknowledged' // a landlord contact confirmed receipt
  | 'home-proposed' // 5.3 a suitable home is available, consultation follows
  | 'suitability-confirmed' // 4.5 the care organisation says the home is suitable
  | 'offer-made' // 4.5 the one-time offer
  | 'offer-accepted'
  | 'intake-planned' // 4.4, 5.3 intake with the counsellor present
  | 'credit-checked' // 5.8, 5.9
  | 'lease-signed' // 4.9 temporary lease, 4.10 guidance agreement, 5.10
  | 'lease-indefinite' // 4.9 converted after a joint positive evaluation
  // exits
  | 'not-eligible'
  | 'withdrawn'
  | 'refused' // the landlord refuses the candidate (e.g. 5.8 credit check)
  | 'offer-declined'; // 4.5 the one-time offer was declined

export interface Acknowledgement {
  landlordId: string;
  contactId: string;
  contactName: string;
  at: string;
}

export interface ProposedHome {
  landlordId: string;
  /** Address or description of the home, as the landlord writes it. */
  description: string;
  proposedAt: string;
  proposedBy: string;
}

export interface Lease {
  landlordId: string;
  signedOn: string;
  /** 4.9: end of the temporary lease, at most two years after signing. */
  temporaryUntil: string;
  /** 4.10: end of the guidance agreement, at least one year after signing. */
  guidanceAgreementUntil: string;
  /** 8.1, 10.5: the guidance agreement allows telling the landlord of an early end or refusal. */
  guidanceEndMayBeShared: boolean;
  convertedOn?: string;
}

/** 5.11: at least yearly, with tenant and landlord. */
export interface Evaluation {
  on: string;
  positive: boolean;
  recordedBy: string;
  /** 4.9: which side recorded it; the other side confirms, making a positive evaluation joint. */
  recordedBySide?: 'care' | 'landlord';
  /** Contact id of the other side that confirmed it. */
  confirmedBy?: string;
  confirmedAt?: string;
}

export interface HistoryEntry {
  at: string;
  actorId: string;
  action: string;
  from: NominationState;
  to: NominationState;
  /** The version this change produced. */
  version: number;
  /** Hash of the request's payload, so a retried request (same actor, payload, version) is recognised. */
  requestHash?: string;
}

export interface Nomination {
  id: string;
  /** Optimistic concurrency: every update matches and increments it. */
  version: number;
  type: NominationType;
  nominatingPartyId: string;
  nominatedByContactId: string;
  state: NominationState;
  createdAt: string;
  /** Order of registration (5.4). */
  registeredAt?: string;
  closedAt?: string;

  // Personal data: erased by retention (src/retention) after closing.
  candidate: Candidate;
  residency: ResidencyPeriod[];
  /** 1c maatwerk motivation when residency is shorter. */
  residencyMaatwerkMotivation?: string;
  /** 5.3: expected end of intramural care, where known. ISO date. */
  expectedEndOfIntramuralCare?: string;
  /** 5.7: housing and neighbourhood requirements. */
  requirements: { housing?: string; neighbourhood?: string };
  targetLandlordIds: string[];
  checklist: Checklist;
  scope: ScopeConfirmations;
  noodwoning?: NoodwoningDetails;
  /** 5.6l: nominated via the mayor. Never to landlords. */
  viaMayor?: boolean;

  verdict?: Verdict;
  acknowledgements: Acknowledgement[];
  proposedHome?: ProposedHome;
  suitabilityConfirmedAt?: string;
  offer?: { landlordId: string; madeOn: string; answer?: 'accepted' | 'declined'; answeredOn?: string };
  intake?: { on: string };
  creditCheck?: {
    on: string;
    outcome: 'ok' | 'elevated-risk' | 'refused';
    extraConditions?: string;
    /** 5.9: extra conditions are set in consultation with the care provider. */
    agreedWithCareProvider?: boolean;
  };
  lease?: Lease;
  evaluations: Evaluation[];
  /** Why a landlord refused the candidate (state 'refused' by the refuse step). Personal data. */
  refusal?: { landlordId: string; on: string; reason: string };
  history: HistoryEntry[];
  /** Set when personal data was erased (retention or request); aggregates stay. */
  erasedAt?: string;
  /**
   * Who must hear of a change, stored with the change and taken off once the messages are in the
   * outbox (src/outbox/pending.ts). Ids, states and versions only.
   */
  pendingNotifications?: PendingNominationNotification[];
}
