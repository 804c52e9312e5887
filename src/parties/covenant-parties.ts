/**
 * The parties of the 2025 covenant as data, seeded into the store by the registry.
 * Source: "Ondergetekenden" sub 1–23 of convenant-2025.txt, plus the Lokale Kamer (1k, 2).
 * No contacts: the platform coordinator adds them (5.1), so no real names or e-mails live here.
 */
import type { IsoDate } from '../time/dates';
import { GEMEENTE_ID, GGD_ID, LANDLORD_IDS, LIMOR_ID, type Party, type PartyKind } from './party';

/**
 * The covenant starts on signature by all parties (12.1), a date the text does not give; the
 * college decision of 14 January 2025 (Ondergetekenden sub 1) is the only date it names.
 */
export const COVENANT_START: IsoDate = '2025-01-14';

export const RECLASSERING_ID = 'reclassering-nederland';
export const LOKALE_KAMER_ID = 'lokale-kamer-leidschendam-voorburg';
export const PARNASSIA_ID = 'parnassia-haaglanden';

export interface CovenantPartyEntry {
  id: string;
  name: string;
  kind: PartyKind;
  /** Number under "Ondergetekenden"; absent for the Lokale Kamer, which is not a signatory. */
  signatorySub?: number;
}

export const COVENANT_PARTY_ENTRIES: readonly CovenantPartyEntry[] = [
  { signatorySub: 1, id: GEMEENTE_ID, name: 'Gemeente Leidschendam-Voorburg', kind: 'gemeente' },
  { signatorySub: 2, id: 'anton-constandse', name: 'Stichting Anton Constandse', kind: 'zorgorganisatie' },
  { signatorySub: 3, id: 'brijder', name: 'Brijder B.V.', kind: 'zorgorganisatie' },
  { signatorySub: 4, id: 'exodus', name: 'Exodus', kind: 'zorgorganisatie' },
  { signatorySub: 5, id: 'fivoor', name: 'Fivoor', kind: 'zorgorganisatie' },
  { signatorySub: 6, id: 'geerlings-en-benard', name: 'Geerlings en Benard', kind: 'zorgorganisatie' },
  // 2, 6.1: the party in the bot is GGD Haaglanden's Meldpunt Zorgwekkend gedrag.
  { signatorySub: 7, id: GGD_ID, name: 'GGD Haaglanden, Meldpunt Zorgwekkend gedrag', kind: 'ggd-meldpunt' },
  { signatorySub: 8, id: 'ggz-rivierduinen', name: 'GGZ Rivierduinen', kind: 'zorgorganisatie' },
  { signatorySub: 9, id: 'humanitas-dmh', name: 'Humanitas DMH', kind: 'zorgorganisatie' },
  { signatorySub: 10, id: 'impegno', name: 'Impegno', kind: 'zorgorganisatie' },
  { signatorySub: 11, id: 'jess', name: 'Stichting Jess', kind: 'zorgorganisatie' },
  { signatorySub: 12, id: 'kesslerperspektief', name: 'KesslerPerspektief', kind: 'zorgorganisatie' },
  { signatorySub: 13, id: 'leger-des-heils', name: 'Leger des Heils', kind: 'zorgorganisatie' },
  // 6.1: LIMOR is a zorgorganisatie with its own role in the noodwoning route.
  { signatorySub: 14, id: LIMOR_ID, name: 'LIMOR', kind: 'limor' },
  { signatorySub: 15, id: 'middin', name: 'Middin', kind: 'zorgorganisatie' },
  { signatorySub: 16, id: PARNASSIA_ID, name: 'Parnassia Haaglanden', kind: 'zorgorganisatie' },
  { signatorySub: 17, id: RECLASSERING_ID, name: 'Reclassering Nederland', kind: 'reclassering' },
  { signatorySub: 18, id: 'ribw-fonteynenburg', name: 'RIBW Fonteynenburg', kind: 'zorgorganisatie' },
  { signatorySub: 19, id: LANDLORD_IDS.duivenvoorde, name: 'Stichting Duivenvoorde', kind: 'sociale-verhuurder' },
  { signatorySub: 20, id: 'jeugdformaat', name: 'Stichting Jeugdformaat', kind: 'zorgorganisatie' },
  { signatorySub: 21, id: LANDLORD_IDS.vidomes, name: 'Stichting Vidomes', kind: 'sociale-verhuurder' },
  { signatorySub: 22, id: LANDLORD_IDS.wooninvest, name: 'Stichting WoonInvest', kind: 'sociale-verhuurder' },
  { signatorySub: 23, id: 'wmo-maatwerk', name: 'Wmo Maatwerk', kind: 'zorgorganisatie' },
  // 1k, 2 (Gemeente d): run by the gemeente, not a signatory, but its casemanagers nominate (4.1).
  { id: LOKALE_KAMER_ID, name: 'Lokale Kamer Leidschendam-Voorburg (gemeente)', kind: 'lokale-kamer' },
];

/** Fresh party documents (without version) for seeding; callers may mutate them freely. */
export function covenantParties(): Omit<Party, 'version'>[] {
  return COVENANT_PARTY_ENTRIES.map(({ id, name, kind }) => ({
    id,
    name,
    kind,
    contacts: [],
    joinedOn: COVENANT_START,
  }));
}
