import type { ContactRole, PartyKind } from '../../../src/parties/party';

export const KINDS: PartyKind[] = [
  'gemeente',
  'zorgorganisatie',
  'reclassering',
  'lokale-kamer',
  'ggd-meldpunt',
  'limor',
  'sociale-verhuurder',
];
export const ROLES: ContactRole[] = [
  'counsellor',
  'casemanager',
  'landlord-contact',
  'ggd-contact',
  'platform-coordinator',
];

/** The one role each kind allows (5.1, 1a, 6.1, 2 Gemeente e), written out independently of the code. */
const ALLOWED_ROLE: Record<PartyKind, ContactRole> = {
  gemeente: 'platform-coordinator',
  zorgorganisatie: 'counsellor',
  reclassering: 'counsellor',
  'lokale-kamer': 'casemanager',
  'ggd-meldpunt': 'ggd-contact',
  limor: 'counsellor',
  'sociale-verhuurder': 'landlord-contact',
};

/** Every kind × every role. */
export const KIND_ROLE_TABLE = KINDS.flatMap((kind) =>
  ROLES.map((role) => ({ kind, role, allowed: ALLOWED_ROLE[kind] === role })),
);
