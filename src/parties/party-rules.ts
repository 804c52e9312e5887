/**
 * The covenant's rules about parties and their contacts, as pure functions: which role fits which
 * kind of party, what a valid contact looks like, and when a party takes part (12.2, 13.2).
 */
import { addMonths, compareDates, type IsoDate } from '../time/dates';
import type { ContactRole, Party, PartyKind } from './party';

/** The roles a contact may have at each kind of party. */
export const ROLES_BY_KIND: Readonly<Record<PartyKind, readonly ContactRole[]>> = {
  gemeente: ['platform-coordinator'], // 2 Gemeente e, 3: the gemeente organises the platform
  zorgorganisatie: ['counsellor'], // 5.2, 5.3: the begeleider nominates
  reclassering: ['counsellor'], // 4.1, 1j: Reclassering nominates like a zorgorganisatie
  limor: ['counsellor'], // 6.1, 6.2: LIMOR guides and nominates the noodwoning family
  'lokale-kamer': ['casemanager'], // 1a, 2 Lokale Kamer c
  'ggd-meldpunt': ['ggd-contact'], // 6.1: the Meldpunt refers families to LIMOR
  'sociale-verhuurder': ['landlord-contact'], // 5.1, 5.3: the landlords' vaste contactpersonen
};

export function roleFitsKind(kind: PartyKind, role: ContactRole): boolean {
  return ROLES_BY_KIND[kind].includes(role);
}

const MAX_NAME_LENGTH = 200;
// RFC 5321 caps an address at 254 characters.
const MAX_EMAIL_LENGTH = 254;
// Deliberately loose: one @, no spaces, a dot in the domain. Delivery is the real test.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// eslint-disable-next-line no-control-regex -- we look for control characters on purpose
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** The name as stored (trimmed, single spaces), or undefined when it is not a usable name. */
export function normalizeContactName(name: string): string | undefined {
  const normalized = name.trim().replace(/\s+/g, ' ');
  if (normalized.length === 0 || normalized.length > MAX_NAME_LENGTH) return undefined;
  if (CONTROL_CHARACTERS.test(normalized)) return undefined;
  return normalized;
}

/** The e-mail address as stored (trimmed), or undefined when it does not look like one (5.1). */
export function normalizeEmail(email: string): string | undefined {
  const trimmed = email.trim();
  if (trimmed.length > MAX_EMAIL_LENGTH || !EMAIL_SHAPE.test(trimmed)) return undefined;
  return trimmed;
}

/** E-mail addresses are compared case-insensitively, as mail systems in practice do. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** 12.2: notice of at least six months. */
export const NOTICE_MONTHS = 6;

/** 12.2: the first date a party may stop taking part after giving notice (31 Aug → 28/29 Feb). */
export function earliestLeaveDate(noticeGivenOn: IsoDate): IsoDate {
  return addMonths(noticeGivenOn, NOTICE_MONTHS);
}

/**
 * A party takes part from joinedOn (13.2) until leavesOn (12.2). leavesOn is the day participation
 * has ended: from that day its contacts no longer have access.
 */
export function isActive(party: Pick<Party, 'joinedOn' | 'leavesOn'>, today: IsoDate): boolean {
  if (compareDates(today, party.joinedOn) < 0) return false;
  return party.leavesOn === undefined || compareDates(today, party.leavesOn) < 0;
}
