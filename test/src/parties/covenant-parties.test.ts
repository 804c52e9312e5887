import { describe, expect, it } from 'vitest';
import {
  COVENANT_PARTY_ENTRIES,
  COVENANT_START,
  covenantParties,
  LOKALE_KAMER_ID,
  RECLASSERING_ID,
} from '../../../src/parties/covenant-parties';
import { GEMEENTE_ID, GGD_ID, LANDLORD_IDS, LIMOR_ID } from '../../../src/parties/party';

const ZORGORGANISATIES = [
  'Stichting Anton Constandse',
  'Brijder B.V.',
  'Exodus',
  'Fivoor',
  'Geerlings en Benard',
  'GGZ Rivierduinen',
  'Humanitas DMH',
  'Impegno',
  'Stichting Jess',
  'KesslerPerspektief',
  'Leger des Heils',
  'Middin',
  'Parnassia Haaglanden',
  'RIBW Fonteynenburg',
  'Stichting Jeugdformaat',
  'Wmo Maatwerk',
];

describe('the 2025 covenant parties', () => {
  const parties = covenantParties();
  const byId = new Map(parties.map((p) => [p.id, p]));

  it('has every signatory sub 1–23 exactly once, plus the Lokale Kamer', () => {
    const subs = COVENANT_PARTY_ENTRIES.map((e) => e.signatorySub).filter((s) => s !== undefined);
    expect(subs.sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(COVENANT_PARTY_ENTRIES.filter((e) => e.signatorySub === undefined).map((e) => e.id)).toEqual([
      LOKALE_KAMER_ID,
    ]);
  });

  it('has unique ids', () => {
    expect(byId.size).toBe(parties.length);
  });

  it.each([
    [GEMEENTE_ID, 'gemeente'],
    [LIMOR_ID, 'limor'],
    [GGD_ID, 'ggd-meldpunt'],
    [RECLASSERING_ID, 'reclassering'],
    [LOKALE_KAMER_ID, 'lokale-kamer'],
    [LANDLORD_IDS.vidomes, 'sociale-verhuurder'],
    [LANDLORD_IDS.wooninvest, 'sociale-verhuurder'],
    [LANDLORD_IDS.duivenvoorde, 'sociale-verhuurder'],
  ])('%s is a %s', (id, kind) => {
    expect(byId.get(id)?.kind).toBe(kind);
  });

  it('has exactly the three social landlords (sub 19, 21, 22)', () => {
    const landlords = parties.filter((p) => p.kind === 'sociale-verhuurder').map((p) => p.id);
    expect(landlords.sort()).toEqual(Object.values(LANDLORD_IDS).sort());
  });

  it('has every zorgorganisatie signatory', () => {
    const names = parties.filter((p) => p.kind === 'zorgorganisatie').map((p) => p.name);
    expect(names.sort()).toEqual([...ZORGORGANISATIES].sort());
  });

  it('starts every party on the covenant start, without contacts', () => {
    for (const party of parties) {
      expect(party.joinedOn).toBe(COVENANT_START);
      expect(party.contacts).toEqual([]);
      expect(party.leavesOn).toBeUndefined();
    }
  });

  it('hands out fresh copies', () => {
    covenantParties()[0]?.contacts.push({ id: 'x', name: 'x', email: 'x@example.org', role: 'counsellor' });
    expect(covenantParties()[0]?.contacts).toEqual([]);
  });
});
