/**
 * The covenant's parties and their fixed contacts (5.1).
 * Kept as editable data: parties join (13.2) and leave with six months' notice (12.2).
 */

/** What a party is in the covenant (see "Ondergetekenden" and art. 2). */
export type PartyKind =
  'gemeente' | 'zorgorganisatie' | 'reclassering' | 'lokale-kamer' | 'ggd-meldpunt' | 'limor' | 'sociale-verhuurder';

/**
 * What a contact does in the bot. A party's kind mostly decides it, but a care
 * organisation has counsellors (begeleiders) and the Lokale Kamer casemanagers (1a).
 */
export type ContactRole =
  | 'counsellor' // begeleider of a zorgorganisatie / Reclassering / LIMOR (5.2, 5.3)
  | 'casemanager' // casemanager of the Lokale Kamer (1a)
  | 'landlord-contact' // vaste contactpersoon of a sociale verhuurder (5.1)
  | 'ggd-contact' // Meldpunt Zorgwekkend gedrag (6.1)
  | 'platform-coordinator'; // gemeente: organises the platform (2 Gemeente e, 3)

export interface Contact {
  id: string;
  name: string;
  email: string;
  role: ContactRole;
  /** Entra (AAD) object id, known once the person has used the bot (5.1). */
  aadObjectId?: string;
  /** Set when a Teams send to this contact failed with 403/404. */
  unreachableSince?: string;
}

export interface Party {
  id: string;
  name: string;
  kind: PartyKind;
  contacts: Contact[];
  /** ISO date the party joined the covenant (13.2). */
  joinedOn: string;
  /** ISO date notice to leave was given (12.2). */
  noticeGivenOn?: string;
  /** ISO date participation ends: at least six months after notice (12.2). */
  leavesOn?: string;
  /** Teams channel of a landlord's team, where contacts without the app can be reached (issue 4). */
  teamChannelId?: string;
  version: number;
}

/** The well-known party ids of the 2025 covenant's social landlords (art. 2, sub 19, 21, 22). */
export const LANDLORD_IDS = {
  vidomes: 'vidomes',
  wooninvest: 'wooninvest',
  duivenvoorde: 'duivenvoorde',
} as const;
export type LandlordId = string;

export const LIMOR_ID = 'limor';
export const GGD_ID = 'ggd-haaglanden';
export const GEMEENTE_ID = 'gemeente-leidschendam-voorburg';
