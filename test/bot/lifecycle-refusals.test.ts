/**
 * The lifecycle's refusals by code (src/nomination/refusals.ts) in both languages: every code the
 * lifecycle uses has a Dutch and an English text (and no text is left without a code); the Dutch
 * is the lifecycle's own wording; and through the real bot, someone whose Teams runs in English
 * gets the English sentence — not the Dutch one — for a step that is not theirs or a value the
 * covenant does not allow.
 */
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../bot/i18n/en';
import { nl } from '../../bot/i18n/nl';
import { refusalNl } from '../../src/nomination/refusal-texts.nl';
import {
  FIELD_LABELS,
  REFUSAL_CODES,
  refusalText,
  type RefusalCode,
  type RefusalOf,
} from '../../src/nomination/refusals';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import {
  nominationIn,
  press,
  startAccessWorld,
  STEP_SETUP,
  stepData,
  type AccessWorld,
  type Answer,
} from '../support/access-world';
import { TestClock } from '../support/status-flow';

/** One refusal per code, with values: typed, so a new code without a sample does not compile. */
const SAMPLES: { [K in RefusalCode]: RefusalOf<K> } = {
  'draft-roles-only': { code: 'draft-roles-only' },
  'care-roles-only': { code: 'care-roles-only' },
  'landlord-role-only': { code: 'landlord-role-only' },
  'care-or-landlord-roles-only': { code: 'care-or-landlord-roles-only' },
  'not-nominating-organisation': { code: 'not-nominating-organisation' },
  'not-addressed': { code: 'not-addressed' },
  'other-landlord-leads': { code: 'other-landlord-leads' },
  'evaluation-by-other-side': { code: 'evaluation-by-other-side' },
  'not-found': { code: 'not-found' },
  'wrong-state': { code: 'wrong-state', state: 'offer-made' },
  conflict: { code: 'conflict' },
  'unknown-step': { code: 'unknown-step' },
  'payload-unreadable': { code: 'payload-unreadable' },
  required: { code: 'required', label: 'refusal-reason' },
  'not-text': { code: 'not-text', label: 'home' },
  'too-long': { code: 'too-long', label: 'extra-conditions', max: 1000 },
  'invalid-date': { code: 'invalid-date', label: 'evaluation-date' },
  'date-in-future': { code: 'date-in-future', label: 'offer-date' },
  'yes-or-no': { code: 'yes-or-no', label: 'evaluation-positive' },
  'choose-type': { code: 'choose-type' },
  'choose-landlords': { code: 'choose-landlords' },
  'no-landlord': { code: 'no-landlord' },
  'verdict-unreadable': { code: 'verdict-unreadable' },
  'offer-once': { code: 'offer-once' },
  'no-offer': { code: 'no-offer' },
  'choose-offer-answer': { code: 'choose-offer-answer' },
  'answer-before-offer': { code: 'answer-before-offer' },
  'choose-credit-outcome': { code: 'choose-credit-outcome' },
  'conditions-not-agreed': { code: 'conditions-not-agreed' },
  'signing-before-credit-check': { code: 'signing-before-credit-check' },
  'lease-end-not-after-signing': { code: 'lease-end-not-after-signing' },
  'lease-too-long': { code: 'lease-too-long', latestEnd: '2027-06-16' },
  'guidance-too-short': { code: 'guidance-too-short', earliestEnd: '2026-06-16' },
  'counsellor-not-present': { code: 'counsellor-not-present' },
  'evaluation-before-signing': { code: 'evaluation-before-signing' },
  'no-pending-evaluation': { code: 'no-pending-evaluation' },
  'no-joint-evaluation': { code: 'no-joint-evaluation' },
  'conversion-before-evaluation': { code: 'conversion-before-evaluation' },
};

const LANGUAGES = { nl, en } as const;

/** The refusal codes the lifecycle's source names (`code: '…'`), outside the list of codes itself. */
async function codesInSource(): Promise<Set<string>> {
  const dir = new URL('../../src/nomination/', import.meta.url);
  const files = (await readdir(dir, { recursive: true })).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('refusals.ts'),
  );
  const codes = new Set<string>();
  for (const file of files) {
    for (const [, code] of (await readFile(new URL(file, dir), 'utf8')).matchAll(/code: '([a-z-]+)'/g))
      codes.add(code!);
  }
  return codes;
}

describe('every refusal code has its text', () => {
  it.each(Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[])(
    'in %s: one per code, and none without a code',
    (language) => {
      const refusals = LANGUAGES[language].nominationStatus.refusals as Record<string, unknown>;
      const missing = REFUSAL_CODES.filter((code) => typeof refusals[code] !== 'function');
      expect(missing, `codes without a ${language} text (bot/i18n/lifecycle.${language}.ts)`).toEqual([]);
      expect(Object.keys(refusals).sort()).toEqual([...REFUSAL_CODES].sort());
      for (const code of REFUSAL_CODES) {
        const sentence = refusalText(LANGUAGES[language].nominationStatus.refusals, SAMPLES[code]);
        expect(sentence, code).toMatch(/\S/);
        expect(sentence, code).not.toMatch(/undefined|\[object/);
      }
    },
  );

  it('lists every code the lifecycle uses, and none it does not', async () => {
    const used = await codesInSource();
    expect([...used].filter((code) => !(REFUSAL_CODES as readonly string[]).includes(code))).toEqual([]);
    expect(REFUSAL_CODES.filter((code) => !used.has(code))).toEqual([]);
  });

  it('has every field label in both languages', () => {
    for (const texts of [nl, en]) {
      // The labels reach the reader through the sentences: one that names a field, for each.
      for (const label of FIELD_LABELS) {
        const sentence = refusalText(texts.nominationStatus.refusals, { code: 'required', label });
        expect(sentence).not.toMatch(/undefined/);
      }
    }
  });

  it('words the Dutch as the lifecycle does, and the English in English', () => {
    for (const code of REFUSAL_CODES) {
      const dutch = refusalText(nl.nominationStatus.refusals, SAMPLES[code]);
      const english = refusalText(en.nominationStatus.refusals, SAMPLES[code]);
      expect(dutch, code).toBe(refusalNl(SAMPLES[code]));
      expect(english, `${code} is not translated`).not.toBe(dutch);
    }
    expect(refusalText(en.nominationStatus.refusals, SAMPLES['lease-too-long'])).toBe(
      '4.9: the temporary lease lasts at most 2 years (until 16 Jun 2027 at the latest).',
    );
    expect(refusalText(en.nominationStatus.refusals, SAMPLES['wrong-state'])).toBe(
      'This step is not possible now: the nomination is "home offered".',
    );
  });
});

describe('through the bot, in the reader’s language', () => {
  let world: AccessWorld;
  const store = createMemoryStore();

  beforeAll(async () => {
    world = await startAccessWorld(store, new TestClock());
  });
  afterAll(async () => {
    await world.stop();
    await store.close();
  });

  const inEnglish = { locale: 'en-US' };
  const noteOn = (answer: Answer) => {
    expect(answer.texts).toEqual([]);
    expect(answer.cards).toHaveLength(1);
    return JSON.stringify(answer.cards[0]);
  };

  it('a step that is not theirs: the English sentence, not the Dutch one', async () => {
    const registered = await nominationIn(store, world.time, 'registered');
    const recorded = await nominationIn(store, world.time, 'evaluation-recorded');
    const cases = [
      // not-addressed: Duivenvoorde presses a Vidomes card.
      ['landlord-other', 'acknowledge', registered, 'not-addressed'],
      // evaluation-by-other-side (4.9): the landlord that recorded the evaluation confirms it itself.
      ['landlord-addressed', 'confirm-evaluation', recorded, 'evaluation-by-other-side'],
      // landlord-role-only: the counsellor presses the landlord's "refuse".
      ['counsellor', 'refuse', registered, 'landlord-role-only'],
      // not-nominating-organisation: another organisation's casemanager records an evaluation.
      [
        'casemanager',
        'record-evaluation',
        await nominationIn(store, world.time, 'lease-signed'),
        'not-nominating-organisation',
      ],
    ] as const;
    for (const [column, step, nomination, code] of cases) {
      const data = stepData(step, nomination);
      const english = await press(world, column, 'personal', `nomination.${step}`, data, inEnglish);
      const dutch = await press(world, column, 'personal', `nomination.${step}`, data);
      expect(english.texts, code).toEqual([refusalText(en.nominationStatus.refusals, { code })]);
      expect(dutch.texts, code).toEqual([refusalText(nl.nominationStatus.refusals, { code })]);
      expect(english.texts[0]).not.toBe(dutch.texts[0]);
    }
  });

  it('a value the covenant does not allow: the card with the rule in English', async () => {
    const checked = await nominationIn(store, world.time, 'credit-checked');
    const tooLong = { ...stepData('sign-lease', checked), leaseTemporaryUntil: '2028-01-01' };
    const lease = noteOn(
      await press(world, 'landlord-addressed', 'personal', 'nomination.sign-lease', tooLong, inEnglish),
    );
    expect(lease).toContain(
      'Not saved: 4.9: the temporary lease lasts at most 2 years (until 16 Jun 2027 at the latest).',
    );
    expect(lease).not.toContain('maximaal 2 jaar');

    const registered = await nominationIn(store, world.time, 'registered');
    const noReason = { ...stepData('refuse', registered), refusalReason: '' };
    const refusal = noteOn(
      await press(world, 'landlord-addressed', 'personal', 'nomination.refuse', noReason, inEnglish),
    );
    expect(refusal).toContain('Not saved: Please fill in the reason.');

    // A card of before the joint evaluation (4.9), pressed anyway.
    const signed = await nominationIn(store, world.time, 'lease-signed');
    const convert = { ...stepData('convert-lease', signed), ...STEP_SETUP['convert-lease'].inputs };
    const early = noteOn(
      await press(world, 'landlord-addressed', 'personal', 'nomination.convert-lease', convert, inEnglish),
    );
    expect(early).toContain('Not saved: 4.9: the lease can be made indefinite only after a joint positive evaluation');
    const dutch = noteOn(await press(world, 'landlord-addressed', 'personal', 'nomination.convert-lease', convert));
    expect(dutch).toContain(
      'Niet opgeslagen: 4.9: omzetten naar onbepaalde tijd kan pas na een gezamenlijke positieve evaluatie',
    );
    for (const n of [checked, registered, signed]) {
      expect((await store.nominations.get(n.id))!.version, 'a refusal changed the nomination').toBe(n.version);
    }
  });
});
