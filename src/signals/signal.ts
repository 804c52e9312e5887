/**
 * A signal (signaal) on a tenancy: what landlord and counsellor pass directly to each other.
 * - 8.2: nuisance (overlast) and rent arrears (huurachterstand), both ways;
 * - 8.1: premature end of guidance, and 10.5: refusal of guidance — counsellor to landlord only,
 *   and only where the guidance agreement records that this may be shared.
 *
 * Privacy (DESIGN.md "Who may see what"): only the sending and the receiving side see a signal;
 * the platform counts them by kind (10.2). A signal keeps ids, the kind, dates, the arrears'
 * amount and a short note — never treatment or justice content (10.6), never a name: names are
 * read from the party registry when a card is drawn.
 */
import type { Side } from '../nomination/actor';
import type { NominationState } from '../nomination/nomination';
import type { PendingNotification } from '../outbox/pending';
import type { IsoDate } from '../time/dates';

export const SIGNAL_KINDS = [
  'overlast', // 8.2 nuisance
  'huurachterstand', // 8.2 rent arrears
  'einde-begeleiding', // 8.1 premature end of guidance
  'weigering-begeleiding', // 10.5 guidance refused
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** 8.1, 10.5: the counsellor tells the landlord, where the guidance agreement allows it. */
export const GUIDANCE_SIGNAL_KINDS: readonly SignalKind[] = ['einde-begeleiding', 'weigering-begeleiding'];

/** 8.2 "direct aan elkaar": nuisance and arrears go both ways; the guidance kinds only care → landlord. */
export const SIGNAL_KINDS_BY_SENDER: Readonly<Record<Side, readonly SignalKind[]>> = {
  landlord: ['overlast', 'huurachterstand'],
  care: SIGNAL_KINDS,
};

/** A tenancy: the lease is signed (4.9), temporary or converted to indefinite. */
export const TENANCY_STATES: readonly NominationState[] = ['lease-signed', 'lease-indefinite'];

/** A short note, no more: signals pass facts, not case files (10.6). */
export const NOTE_MAX_LENGTH = 500;

/**
 * Rent arrears, named after the vroegsignalering data a landlord passes on (Besluit gemeentelijke
 * schuldhulpverlening art. 2 "de hoogte van de achterstand", VNG's vroegsignalering signal):
 * - achterstandBedrag: the amount in euros, > 0, at most two decimals (812.5 = € 812,50);
 * - achterstandSinds: the local date the arrears arose.
 * Dutch field names on purpose: they are the terms both sides use in their own systems.
 */
export interface Arrears {
  achterstandBedrag: number;
  achterstandSinds: IsoDate;
}

export interface SignalSide {
  side: Side;
  /** The landlord (lease.landlordId) or the nominating organisation. */
  partyId: string;
}

export interface SignalAcknowledgement {
  /** Contact id of the receiver who confirmed it; the name comes from the registry. */
  contactId: string;
  at: string;
}

export interface Signal {
  id: string;
  /** Optimistic concurrency: the acknowledgement is a compare-and-set on it. */
  version: number;
  nominationId: string;
  kind: SignalKind;
  from: SignalSide & { contactId: string };
  to: SignalSide;
  sentAt: string;
  /** huurachterstand only. */
  arrears?: Arrears;
  /** Control characters stripped, at most NOTE_MAX_LENGTH; never for the guidance kinds (8.1). */
  note?: string;
  acknowledgement?: SignalAcknowledgement;
  /** Personal data erased with the tenancy's nomination (src/retention/erase-signal.ts). */
  erasedAt?: string;
  /** Who must hear of the send or the acknowledgement, until it is in the outbox (src/outbox/pending.ts). */
  pendingNotifications?: PendingSignalNotification[];
}

/** The send tells the receiving side and the sender's own conversation; a change updates every card posted. */
export interface PendingSignalNotification extends PendingNotification {
  event: 'sent' | 'acknowledged';
  /** 'sent': where the sender pressed the button, for their own copy; gone with the entry once relayed. */
  senderConversationKey?: string;
}

export function isGuidanceSignal(kind: SignalKind): boolean {
  return GUIDANCE_SIGNAL_KINDS.includes(kind);
}
