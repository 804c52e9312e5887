/** The digest's figures for a known data set (known-data-set.ts), on each store: every number, and nothing personal (10.2). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestFiguresOf } from '../../../src/digest/digest-figures-of';
import type { DigestFigures } from '../../../src/digest/digest-figures';
import { storeFactories, type TestStore } from '../../support/stores';
import { keysAtAnyDepth, stringsAtAnyDepth, type DeepKeys, type Equal, type Expect } from '../views/leak-check';
import { KNOWN_NOW, KNOWN_SECRETS, knownSignals, seedKnownDataSet } from './known-data-set';

type IdentifyingKey = 'id' | 'nominationId' | 'candidate' | 'name' | 'dateOfBirth' | 'email' | 'note' | 'nominations';
export type NoIdentifyingKeys = Expect<Equal<Extract<DeepKeys<DigestFigures>, IdentifyingKey>, never>>;

const byType = (convenantwoning: number, noodwoning: number) => ({
  total: convenantwoning + noodwoning,
  byType: { convenantwoning, noodwoning },
});

describe.each(storeFactories)('digest figures ($name)', ({ create }) => {
  let store: TestStore;
  let figures: DigestFigures;
  // Seeded once per store: every test only reads.
  beforeAll(async () => {
    store = await create();
    await seedKnownDataSet(store);
    knownSignals.calls.length = 0;
    figures = await digestFiguresOf(store, () => KNOWN_NOW, { signals: knownSignals });
  });
  afterAll(() => store.close());

  it('dates the figures and names the ISO weeks in Amsterdam', () => {
    expect(figures).toMatchObject({ asOf: '2025-09-10', year: 2025, isoWeek: '2025-W37', previousIsoWeek: '2025-W36' });
  });

  it('counts new nominations by registration week: this week so far and the whole week before', () => {
    // A, and D registered Sunday 22:30 UTC = Monday 00:30 in Amsterdam; not the draft K.
    expect(figures.newNominations.week).toEqual(byType(2, 0));
    // B (noodwoning) and L (withdrawn since, but registered that week).
    expect(figures.newNominations.previousWeek).toEqual(byType(1, 1));
  });

  it('counts the open queue per landlord and type, and what is past three months (5.4)', () => {
    expect(figures.openQueue).toEqual({
      waiting: byType(3, 1), // A, B, C, D
      overdue: 1, // C: target 1 August
      byLandlord: {
        duivenvoorde: { waiting: byType(0, 0), overdue: 0 },
        vidomes: { waiting: byType(2, 1), overdue: 1 }, // A, B, C
        wooninvest: { waiting: byType(2, 1), overdue: 0 }, // A, B, D (wooninvest proposed D's home, 5.5)
      },
    });
  });

  it('sets offers and leases of this year against each landlord’s distribution, with over and under (9)', () => {
    expect(figures.distribution).toEqual({
      duivenvoorde: {
        set: 1,
        given: 0,
        received: 0,
        effective: 1,
        used: 2,
        remaining: 0,
        overBy: 1,
        status: 'over',
        offers: 2,
      },
      vidomes: {
        set: 3,
        given: 0,
        received: 1,
        effective: 4,
        used: 1,
        remaining: 3,
        overBy: 0,
        status: 'under',
        offers: 3,
      },
      wooninvest: {
        set: 3,
        given: 1,
        received: 0,
        effective: 2,
        used: 2,
        remaining: 0,
        overBy: 0,
        status: 'on-target',
        offers: 2,
      },
    });
  });

  it('counts the noodwoningen offered this year against the two of 6.4', () => {
    // I (declined, still made available) and J; B still waits.
    expect(figures.noodwoningen).toEqual({ used: 2, of: 2, waiting: 1, nextNeedsConsultation: true });
  });

  it('counts signals by type through the fixed list, in this week and the week before', () => {
    expect(knownSignals.calls).toEqual(
      expect.arrayContaining([
        ['2025-09-07T22:00:00.000Z', '2025-09-10T10:00:00.000Z'],
        ['2025-08-31T22:00:00.000Z', '2025-09-07T22:00:00.000Z'],
      ]),
    );
    expect(figures.signals).toEqual({
      week: {
        counted: true,
        byType: { overlast: 2, huurachterstand: 1, 'einde-begeleiding': 0, 'weigering-begeleiding': 0 },
      },
      previousWeek: {
        counted: true,
        byType: { overlast: 0, huurachterstand: 0, 'einde-begeleiding': 1, 'weigering-begeleiding': 0 },
      },
    });
  });

  it('says signals are not counted when there is no signal store', async () => {
    const without = await digestFiguresOf(store, () => KNOWN_NOW);
    expect(without.signals).toEqual({ week: { counted: false }, previousWeek: { counted: false } });
  });

  it('counts the 5.11 evaluations due by Sunday, and those already late', () => {
    // F: due 1 September (late); H: due Sunday 14 September.
    expect(figures.evaluations).toEqual({ due: 2, overdue: 1 });
  });

  it('counts unreachable contacts per kind of party, and undelivered messages', () => {
    expect(figures.unreachableContacts.total).toBe(3);
    expect(figures.unreachableContacts.byPartyKind).toMatchObject({
      zorgorganisatie: 2,
      'sociale-verhuurder': 1,
      gemeente: 0,
    });
    expect(figures.outbox).toEqual({ failed: 1, unreachable: 1 });
  });

  it('holds no name, id, contact, note or date of birth: not as a value, not as a key', () => {
    const strings = [...stringsAtAnyDepth(figures), ...keysAtAnyDepth(figures)];
    for (const secret of KNOWN_SECRETS) {
      expect(
        strings.filter((s) => s.includes(secret)),
        secret,
      ).toEqual([]);
    }
    expect(JSON.stringify(figures)).not.toMatch(/SECRET|MARKER/);
  });
});
