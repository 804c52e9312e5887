/**
 * The nomination card in every state it can be in — each step empty, filled, and with a problem
 * at every field, a noodwoning and not, with an eviction answer kept from before, in Dutch and
 * English — is fully bound and passes the Adaptive Card checker.
 */
import { describe, expect, it } from 'vitest';
import step1Template from '../../cards/nomination-form/step1.card.json' with { type: 'json' };
import step2Template from '../../cards/nomination-form/step2.card.json' with { type: 'json' };
import step3Template from '../../cards/nomination-form/step3.card.json' with { type: 'json' };
import { NOMINATION_FORM_VERB } from '../../cards/nomination-form/nomination-form.model';
import { nominationEn } from '../../bot/i18n/nomination.en';
import { nominationNl } from '../../bot/i18n/nomination.nl';
import { formCard, type FormCardInput } from '../../bot/nomination/form-card';
import { FORM_ERROR_CODES } from '../../bot/nomination/form-errors';
import { STEP_FIELDS, type FieldId, type FormStep, type FormValues } from '../../bot/nomination/form-fields';
import type { FieldErrors } from '../../bot/nomination/form-schema';
import { expectValidAdaptiveCard } from '../support/adaptive-card';

const LANDLORDS = [
  { id: 'duivenvoorde', name: 'Stichting Duivenvoorde' },
  { id: 'vidomes', name: 'Stichting Vidomes' },
  { id: 'wooninvest', name: 'Stichting WoonInvest' },
];

const FILLED: FormValues = {
  type: 'noodwoning',
  candidateName: 'Jan Jansen',
  dateOfBirth: '1990-01-01',
  adults: '2',
  minorChildren: '1',
  expectedEndOfIntramuralCare: '2026-01-01',
  wlzFunded: 'false',
  expectedToLiveIndependently: 'true',
  boundaryCrossing: 'false',
  residency1From: '2010-01-01',
  residency1To: '2015-01-01',
  residency2From: '2016-01-01',
  residency3From: '2020-01-01',
  residency3To: '2021-01-01',
  residencyMaatwerkMotivation: 'Lang verhaal',
  checklistC: 'exception',
  woonnet: 'true',
  housing: 'Gelijkvloers',
  neighbourhood: 'Dicht bij de begeleiding',
  targetLandlordIds: 'vidomes,wooninvest',
  referredByGgd: 'true',
  evictingLandlordId: 'none',
  checklistA: 'met',
  checklistD: 'met',
  checklistE: 'met',
  checklistF: 'met',
  checklistG: 'met',
  checklistH: 'not-applicable',
  checklistI: 'met',
  checklistJ: 'exception',
  budgetMotivation: 'Zelf goed met geld',
  evicted: 'keep',
  lastEvictionOn: '2020-01-01',
  fromNoodwoning: 'true',
  checklistL: 'met',
  viaMayor: 'false',
};

function input(step: FormStep, overrides: Partial<FormCardInput> = {}): FormCardInput {
  return {
    step,
    values: {},
    errors: {},
    texts: nominationNl,
    landlords: LANDLORDS,
    formId: 'a'.repeat(24),
    ...overrides,
  };
}

/** Every field of the step with a problem, and a value that does not fit it (kept as typed). */
function everythingWrong(step: FormStep): { values: FormValues; errors: FieldErrors } {
  const values: FormValues = {};
  const errors: FieldErrors = {};
  STEP_FIELDS[step].forEach((id: FieldId, i) => {
    values[id] = `onzin ${i}`;
    errors[id] = FORM_ERROR_CODES[i % FORM_ERROR_CODES.length];
  });
  return { values, errors };
}

function bodyText(card: Record<string, unknown>): string {
  return JSON.stringify(card.body);
}

const STEPS: FormStep[] = [1, 2, 3];

describe('nomination card', () => {
  it('is an Adaptive Card 1.5 template per step', () => {
    for (const template of [step1Template, step2Template, step3Template]) expect(template.version).toBe('1.5');
  });

  describe.each(STEPS)('step %i', (step) => {
    it('renders empty, as a new card shows it', () => {
      expectValidAdaptiveCard(formCard(input(step)));
    });

    it('renders filled, with a draft and a saved banner, in Dutch and English', () => {
      for (const texts of [nominationNl, nominationEn]) {
        const card = expectValidAdaptiveCard(
          formCard(
            input(step, {
              texts,
              values: FILLED,
              draft: { id: `nom-${'b'.repeat(24)}`, version: 3, storedEvictionAnswer: { status: 'not-met' } },
              banner: { text: texts.form.saved, color: 'Good' },
            }),
          ),
        );
        expect(flatten(card.body)).toContainEqual(expect.objectContaining({ text: texts.form.saved, color: 'Good' }));
      }
    });

    it('renders with a problem at every field, each right under its input', () => {
      const { values, errors } = everythingWrong(step);
      const card = expectValidAdaptiveCard(
        formCard(input(step, { values, errors, banner: { text: 'x', color: 'Attention' } })),
      );
      const flat = flatten(card.body);
      for (const id of STEP_FIELDS[step]) {
        if (step === 2 && (id === 'referredByGgd' || id === 'evictingLandlordId')) continue; // noodwoning only
        const at = flat.findIndex((element) => element.id === id);
        expect(at, id).toBeGreaterThanOrEqual(0);
        const message = flat.slice(at + 1).find((element) => element.type === 'TextBlock');
        expect(message, id).toMatchObject({ color: 'Attention', text: nominationNl.errors[errors[id]!] });
      }
    });

    it('sends every button as Action.Execute with the form verb, step and ids, and an Action.Submit fallback', () => {
      const card = expectValidAdaptiveCard(
        formCard(input(step, { draft: { id: `nom-${'c'.repeat(24)}`, version: 2 } })),
      );
      const actions = card.actions as { verb: string; data: Record<string, unknown> }[];
      expect(actions.map((a) => a.data.move)).toEqual(
        { 1: ['save', 'next'], 2: ['back', 'save', 'next'], 3: ['back', 'save', 'submit'] }[step],
      );
      for (const action of actions) {
        expect(action.verb).toBe(NOMINATION_FORM_VERB);
        expect(action.data).toMatchObject({
          step,
          formId: 'a'.repeat(24),
          draftId: `nom-${'c'.repeat(24)}`,
          version: 2,
        });
      }
    });
  });

  it('asks the art. 6 questions on step 2 only for a noodwoning', () => {
    const convenant = bodyText(expectValidAdaptiveCard(formCard(input(2, { values: { type: 'convenantwoning' } }))));
    const nood = bodyText(expectValidAdaptiveCard(formCard(input(2, { values: { type: 'noodwoning' } }))));
    expect(convenant).not.toContain('referredByGgd');
    expect(nood).toContain('referredByGgd');
    expect(nood).toContain(nominationNl.form.landlordsNoodwoning);
  });

  it('offers an exception only where the covenant allows one, and "not applicable" only for 5.6h', () => {
    const card = expectValidAdaptiveCard(formCard(input(3)));
    const choicesOf = (id: string) =>
      (flatten(card.body).find((e) => e.id === id)?.choices as { value: string }[]).map((c) => c.value);
    expect(choicesOf('checklistA')).toEqual(['met', 'not-met']);
    expect(choicesOf('checklistH')).toEqual(['met', 'not-met', 'not-applicable']);
    expect(choicesOf('checklistJ')).toEqual(['met', 'not-met', 'exception']);
    expect(choicesOf('checklistL')).toEqual(['met', 'not-met', 'exception']);
    expect(choicesOf('evicted')).toEqual(['no', 'yes']);
  });

  it('says on the card that the eviction date is not stored, and offers to keep an answer derived before', () => {
    const card = expectValidAdaptiveCard(
      formCard(
        input(3, { draft: { id: `nom-${'d'.repeat(24)}`, version: 4, storedEvictionAnswer: { status: 'exception' } } }),
      ),
    );
    expect(bodyText(card)).toContain(nominationNl.form.lastEvictionNote);
    const evicted = flatten(card.body).find((e) => e.id === 'evicted');
    expect(evicted?.choices).toContainEqual({
      title: nominationNl.form.evictedKeep(`Uitzondering: ${nominationNl.form.exceptions.k}`),
      value: 'keep',
    });
  });

  it('lists the landlords it is given as a multi-select, with the chosen ones selected', () => {
    const card = expectValidAdaptiveCard(formCard(input(2, { values: { targetLandlordIds: 'vidomes,wooninvest' } })));
    expect(flatten(card.body).find((e) => e.id === 'targetLandlordIds')).toMatchObject({
      isMultiSelect: true,
      value: 'vidomes,wooninvest',
      choices: LANDLORDS.map((l) => ({ title: l.name, value: l.id })),
    });
  });
});

/** Every element of a card body in reading order, containers and columns opened up. */
function flatten(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value === null || typeof value !== 'object') return [];
  const element = value as Record<string, unknown>;
  const children = [element.items, element.columns].filter(Array.isArray).flatMap(flatten);
  return element.type ? [element, ...children] : children;
}
