/**
 * Who may send which signal on which tenancy, and who may acknowledge it — decided without
 * storage (signal-service.ts stores the outcome). Refusals are codes; the bot words them in the
 * reader's language (bot/i18n/signals.*.ts).
 */
import { addressedLandlordIds, sideOf, type Actor, type Side } from '../nomination/actor';
import type { Nomination } from '../nomination/nomination';
import { compareDates, isIsoDate, localDate, type IsoDate } from '../time/dates';
import {
  isGuidanceSignal,
  SIGNAL_KINDS,
  SIGNAL_KINDS_BY_SENDER,
  TENANCY_STATES,
  type Arrears,
  type Signal,
  type SignalKind,
  type SignalSide,
} from './signal';
import { cleanNote, isNoteTooLong } from './signal-note';

/** What the sender filled in, as the card sent it. */
export interface SignalInput {
  kind: string;
  /** Euros as typed: "812,50", "812.5" or "812". */
  achterstandBedrag?: string;
  /** ISO date. */
  achterstandSinds?: string;
  note?: string;
}

/** Refused because of who asks: the answer shows nothing of the tenancy or the signal. */
export const DENIED_CODES = ['not-found', 'not-your-tenancy', 'not-receiver'] as const;
/** Refused because of what was asked: the card says what to change. */
export const INVALID_CODES = [
  'not-a-tenancy',
  'unknown-kind',
  'kind-not-for-landlord', // 8.1, 10.5: the counsellor's to tell
  'guidance-not-shareable', // 8.1, 10.4, 10.5: the guidance agreement does not allow it
  'note-not-allowed', // 8.1: no content with an end or refusal of guidance
  'note-too-long',
  'arrears-amount-missing',
  'arrears-amount-invalid',
  'arrears-since-missing',
  'arrears-since-invalid',
  'arrears-since-before-lease',
] as const;
export type SignalErrorCode = (typeof DENIED_CODES)[number] | (typeof INVALID_CODES)[number];

export interface SignalError {
  code: SignalErrorCode;
  /** For arrears-since-before-lease: the signing date. */
  date?: IsoDate;
}

export function isDenied(error: SignalError): boolean {
  return (DENIED_CODES as readonly string[]).includes(error.code);
}

export type SignalDecision = { ok: true; signal: Omit<Signal, 'version'> } | { ok: false; error: SignalError };

// Rent arrears beyond this are a typing error, not a signal.
const AMOUNT = /^(\d{1,5})(?:[.,](\d{1,2}))?$/;

export function decideSignal(
  n: Nomination,
  actor: Actor,
  input: SignalInput,
  options: { id: string; now: Date; timeZone?: string },
): SignalDecision {
  const refuse = (code: SignalErrorCode, date?: IsoDate): SignalDecision => ({
    ok: false,
    error: { code, ...(date && { date }) },
  });
  const side = sideOf(actor.role);
  if (!side || !isOfTenancy(n, actor.partyId, side)) return refuse('not-your-tenancy');
  const lease = n.lease;
  if (!lease || !TENANCY_STATES.includes(n.state) || n.erasedAt) return refuse('not-a-tenancy');
  if (side === 'landlord' && lease.landlordId !== actor.partyId) return refuse('not-your-tenancy');

  const kind = SIGNAL_KINDS.find((k) => k === input.kind);
  if (!kind) return refuse('unknown-kind');
  if (!SIGNAL_KINDS_BY_SENDER[side].includes(kind)) return refuse('kind-not-for-landlord');
  if (isGuidanceSignal(kind) && !lease.guidanceEndMayBeShared) return refuse('guidance-not-shareable');

  const note = cleanNote(input.note);
  if (note && isGuidanceSignal(kind)) return refuse('note-not-allowed');
  if (isNoteTooLong(note)) return refuse('note-too-long');

  let arrears: Arrears | undefined;
  if (kind === 'huurachterstand') {
    const read = readArrears(input, lease.signedOn, localDate(options.now, options.timeZone));
    if ('code' in read) return refuse(read.code, read.date);
    arrears = read;
  }
  const to: SignalSide =
    side === 'landlord'
      ? { side: 'care', partyId: n.nominatingPartyId }
      : { side: 'landlord', partyId: lease.landlordId };
  return {
    ok: true,
    signal: {
      id: options.id,
      nominationId: n.id,
      kind,
      from: { side, partyId: actor.partyId, contactId: actor.contactId },
      to,
      sentAt: options.now.toISOString(),
      ...(arrears && { arrears }),
      ...(note && { note }),
    },
  };
}

/** The nominating organisation, or a landlord the nomination went to (which one leases is checked after). */
function isOfTenancy(n: Nomination, partyId: string, side: Side): boolean {
  if (side === 'care') return partyId === n.nominatingPartyId;
  return partyId === n.lease?.landlordId || addressedLandlordIds(n).includes(partyId);
}

function readArrears(input: SignalInput, signedOn: IsoDate, today: IsoDate): Arrears | SignalError {
  const typed = input.achterstandBedrag?.trim();
  if (!typed) return { code: 'arrears-amount-missing' };
  const match = AMOUNT.exec(typed);
  const cents = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : 0;
  if (cents <= 0) return { code: 'arrears-amount-invalid' };
  const since = input.achterstandSinds?.trim();
  if (!since) return { code: 'arrears-since-missing' };
  if (!isIsoDate(since) || compareDates(since, today) > 0) return { code: 'arrears-since-invalid' };
  // Arrears on this tenancy arise after its lease was signed.
  if (compareDates(since, signedOn) < 0) return { code: 'arrears-since-before-lease', date: signedOn };
  return { achterstandBedrag: cents / 100, achterstandSinds: since };
}

/** Which side of the signal a party is on: the sender's, the receiver's, or neither (who sees nothing). */
export function signalRoleOf(signal: Signal, viewer: SignalSide): 'sender' | 'receiver' | undefined {
  if (viewer.side === signal.from.side && viewer.partyId === signal.from.partyId) return 'sender';
  if (viewer.side === signal.to.side && viewer.partyId === signal.to.partyId) return 'receiver';
  return undefined;
}

export type AcknowledgeDecision =
  | { kind: 'change'; next: Signal }
  /** Acknowledged before (by this or another receiver): the first acknowledgement stands. */
  | { kind: 'unchanged' }
  | { kind: 'error'; error: SignalError };

/** Any contact of the receiving side may confirm receipt, once. */
export function decideAcknowledge(signal: Signal, actor: Actor, now: Date): AcknowledgeDecision {
  const side = sideOf(actor.role);
  if (!side || signalRoleOf(signal, { side, partyId: actor.partyId }) !== 'receiver') {
    return { kind: 'error', error: { code: 'not-receiver' } };
  }
  if (signal.acknowledgement) return { kind: 'unchanged' };
  return {
    kind: 'change',
    next: { ...signal, acknowledgement: { contactId: actor.contactId, at: now.toISOString() } },
  };
}

/** The kinds a side may send on this tenancy now; empty when it is no tenancy of theirs. */
export function sendableKinds(n: Nomination, viewer: SignalSide): SignalKind[] {
  const lease = n.lease;
  if (!lease || !TENANCY_STATES.includes(n.state) || n.erasedAt) return [];
  const ours = viewer.side === 'care' ? viewer.partyId === n.nominatingPartyId : viewer.partyId === lease.landlordId;
  if (!ours) return [];
  return SIGNAL_KINDS_BY_SENDER[viewer.side].filter((k) => !isGuidanceSignal(k) || lease.guidanceEndMayBeShared);
}
