/**
 * The digest card from the known data set: a valid Adaptive Card 1.5 that reads at a glance, in
 * Dutch and English, and carries no personal data at all (10.2) — no name, nomination id, contact,
 * note or date of birth.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../bot/i18n/en';
import { nl } from '../../bot/i18n/nl';
import { digestCardFor, useText } from '../../bot/platform/digest-card';
import { landlordNamesOf, type LandlordNames } from '../../bot/platform/landlord-names';
import { textBar } from '../../cards/digest/text-bar';
import type { CardAttachment } from '../../cards/render';
import type { DigestFigures } from '../../src/digest/digest-figures';
import { digestFiguresOf } from '../../src/digest/digest-figures-of';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import { KNOWN_NOW, KNOWN_SECRETS, knownSignals, seedKnownDataSet } from '../src/digest/known-data-set';

let figures: DigestFigures;
let names: LandlordNames;

beforeAll(async () => {
  const store = createMemoryStore();
  await seedKnownDataSet(store);
  figures = await digestFiguresOf(store, () => KNOWN_NOW, { signals: knownSignals });
  names = await landlordNamesOf(store);
});

/** Every text the card shows (TextBlocks and facts), in order. */
function textsOf(card: CardAttachment): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (['text', 'title', 'value'].includes(key) && typeof value === 'string') found.push(value);
        else walk(value);
      }
    }
  };
  walk(card.content);
  return found;
}

describe('text bars', () => {
  it.each([
    [4, 6, '■■■■□□ 4/6'],
    [0, 2, '□□ 0/2'],
    [2, 1, '■■ 2/1'],
    [0, 0, '– 0/0'],
    [12, 24, '■■■■■■□□□□□□ 12/24'],
  ])('%i of %i reads %s', (used, of, bar) => {
    expect(textBar(used, of)).toBe(bar);
  });
});

describe("a landlord's homes in words (9)", () => {
  it.each([
    [{ effective: 0, status: 'on-target', remaining: 0, overBy: 0 }, 'nog geen woningen vastgesteld voor dit jaar (9)'],
    [{ effective: 0, status: 'over', remaining: 0, overBy: 1 }, 'nog geen woningen vastgesteld voor dit jaar (9)'],
    [{ effective: 4, status: 'under', remaining: 3, overBy: 0 }, 'nog 3 te gaan'],
    [{ effective: 2, status: 'on-target', remaining: 0, overBy: 0 }, 'verdeling gehaald'],
    [{ effective: 1, status: 'over', remaining: 0, overBy: 1 }, '1 boven de verdeling'],
  ] as const)('%o reads %s', (use, words) => {
    expect(useText(use, nl.platform.digest.landlords)).toBe(words);
  });

  it('says so in English too', () => {
    const unset = { effective: 0, status: 'on-target', remaining: 0, overBy: 0 } as const;
    expect(useText(unset, en.platform.digest.landlords)).toBe('no homes set for this year (9)');
  });
});

describe('the digest card', () => {
  it('is a valid Adaptive Card 1.5 with the week, the bars per landlord and the 6.4 remark', () => {
    const card = digestCardFor(figures, nl.platform, names, 'weekly');
    expectValidAdaptiveCard(card);
    const texts = textsOf(card);
    expect(texts[0]).toBe('Weekoverzicht convenant — week 37, 2025');
    expect(texts[1]).toBe('Stand per 10 september 2025. Alleen aantallen, geen persoonsgegevens (10.2).');
    expect(texts).toEqual(
      expect.arrayContaining([
        'Nieuw deze week (week 37)',
        '2 (2 convenantwoning, 0 noodwoning)',
        '4 (3 convenantwoning, 1 noodwoning)',
        'Stichting Vidomes',
        '■□□□ 1/4',
        'nog 3 te gaan · 3 aanbiedingen · vastgesteld 3, 1 ontvangen · wachtrij 3 (2 convenantwoning, 1 noodwoning), 1 over de termijn',
        'Stichting Duivenvoorde',
        '■■ 2/1',
        '1 boven de verdeling · 2 aanbiedingen · wachtrij 0',
        '■■ 2/2',
        nl.platform.digest.noodwoningen.consultation,
        'overlast 2 · huurachterstand 1 · einde begeleiding 0 · begeleiding geweigerd 0',
        '2 (waarvan te laat 1)',
        '3 (2 zorgorganisatie, 1 corporatie)',
        '2 (1 mislukt, 1 ontvanger onbereikbaar)',
      ]),
    );
  });

  it('answers "status" with the same card under another title, and speaks English', () => {
    const card = digestCardFor(figures, en.platform, names, 'status');
    expectValidAdaptiveCard(card);
    const texts = textsOf(card);
    expect(texts[0]).toBe('Where the covenant stands');
    expect(texts[1]).toBe('As of 10 September 2025. Counts only, no personal data (10.2).');
    expect(texts).toEqual(
      expect.arrayContaining([
        '3 to go · 3 offers · set 3, 1 received · queue 3 (2 covenant home, 1 emergency home), 1 past the target',
      ]),
    );
  });

  it('says so when signals are not tracked yet', async () => {
    const card = digestCardFor(
      { ...figures, signals: { week: { counted: false }, previousWeek: { counted: false } } },
      nl.platform,
      names,
      'weekly',
    );
    expect(textsOf(card).filter((t) => t.startsWith('Nog niet bijgehouden'))).toEqual([
      nl.platform.digest.signals.notCounted,
    ]);
  });

  it.each([
    ['nl', nl],
    ['en', en],
  ])('carries no personal data (%s)', (_locale, texts) => {
    for (const occasion of ['weekly', 'status'] as const) {
      const json = JSON.stringify(digestCardFor(figures, texts.platform, names, occasion));
      for (const secret of KNOWN_SECRETS) expect(json, secret).not.toContain(secret);
      expect(json).not.toMatch(/SECRET|MARKER|@example\.org/);
    }
  });
});
