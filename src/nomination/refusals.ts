/**
 * Every refusal the lifecycle gives, as a stable code with the values its sentence needs: the
 * bot words it in the reader's language (bot/i18n/lifecycle-refusals.*.ts), src/ knows no Teams.
 * The Dutch wording is here too (refusal-texts.nl.ts): it is the covenant's language, the
 * `message` of a LifecycleError, and the bot's Dutch text.
 */
import type { IsoDate } from '../time/dates';
import type { NominationState } from './nomination';

/** What a sentence like "Vul … in." is about: a field, or (for a yes/no) what is asserted. */
export const FIELD_LABELS = [
  // The draft (draft.ts)
  'name',
  'date-of-birth',
  'residency-from',
  'residency-to',
  'expected-end-of-care',
  'motivation',
  'housing-requirements',
  'neighbourhood-requirements',
  // The steps (steps/)
  'home',
  'offer-date',
  'answer-date',
  'intake-date',
  'credit-check-date',
  'extra-conditions',
  'conditions-agreed',
  'signing-date',
  'temporary-lease-end',
  'guidance-agreement-end',
  'guidance-end-may-be-shared',
  'counsellor-present',
  'evaluation-date',
  'evaluation-positive',
  'conversion-date',
  'refusal-reason',
] as const;
export type FieldLabel = (typeof FIELD_LABELS)[number];

type None = Record<never, never>;
interface Labelled {
  label: FieldLabel;
}

/** Each code and the values its sentence needs. */
export interface RefusalParams {
  // ---- who may (not-allowed-for-role) ----
  'draft-roles-only': None;
  'care-roles-only': None;
  'landlord-role-only': None;
  'care-or-landlord-roles-only': None;
  'not-nominating-organisation': None;
  'not-addressed': None;
  'other-landlord-leads': None;
  /** 4.9: the side that recorded a positive evaluation does not confirm it itself. */
  'evaluation-by-other-side': None;
  // ---- the nomination as it stands ----
  'not-found': None;
  'wrong-state': { state: NominationState };
  conflict: None;
  'unknown-step': None;
  // ---- what was filled in (invalid-payload) ----
  'payload-unreadable': None;
  required: Labelled;
  'not-text': Labelled;
  'too-long': Labelled & { max: number };
  'invalid-date': Labelled;
  'date-in-future': Labelled;
  'yes-or-no': Labelled;
  'choose-type': None;
  'choose-landlords': None;
  'no-landlord': None;
  'verdict-unreadable': None;
  'offer-once': None;
  'no-offer': None;
  'choose-offer-answer': None;
  'answer-before-offer': None;
  'choose-credit-outcome': None;
  'conditions-not-agreed': None;
  'signing-before-credit-check': None;
  'lease-end-not-after-signing': None;
  'lease-too-long': { latestEnd: IsoDate };
  'guidance-too-short': { earliestEnd: IsoDate };
  'counsellor-not-present': None;
  'evaluation-before-signing': None;
  'no-pending-evaluation': None;
  'no-joint-evaluation': None;
  'conversion-before-evaluation': None;
}

export type RefusalCode = keyof RefusalParams;

/** Every code, for the texts' completeness checks (the bot's tests). */
export const REFUSAL_CODES = [
  'draft-roles-only',
  'care-roles-only',
  'landlord-role-only',
  'care-or-landlord-roles-only',
  'not-nominating-organisation',
  'not-addressed',
  'other-landlord-leads',
  'evaluation-by-other-side',
  'not-found',
  'wrong-state',
  'conflict',
  'unknown-step',
  'payload-unreadable',
  'required',
  'not-text',
  'too-long',
  'invalid-date',
  'date-in-future',
  'yes-or-no',
  'choose-type',
  'choose-landlords',
  'no-landlord',
  'verdict-unreadable',
  'offer-once',
  'no-offer',
  'choose-offer-answer',
  'answer-before-offer',
  'choose-credit-outcome',
  'conditions-not-agreed',
  'signing-before-credit-check',
  'lease-end-not-after-signing',
  'lease-too-long',
  'guidance-too-short',
  'counsellor-not-present',
  'evaluation-before-signing',
  'no-pending-evaluation',
  'no-joint-evaluation',
  'conversion-before-evaluation',
] as const satisfies readonly RefusalCode[];

/** Compiles only while REFUSAL_CODES lists every code of RefusalParams. */
export const REFUSAL_CODES_COMPLETE: [Exclude<RefusalCode, (typeof REFUSAL_CODES)[number]>] extends [never]
  ? true
  : never = true;

/** The codes of "not yours to do": who may take a step (a LifecycleError of kind not-allowed-for-role). */
export const WHO_MAY_CODES = [
  'draft-roles-only',
  'care-roles-only',
  'landlord-role-only',
  'care-or-landlord-roles-only',
  'not-nominating-organisation',
  'not-addressed',
  'other-landlord-leads',
  'evaluation-by-other-side',
] as const satisfies readonly RefusalCode[];
export type Refusal = { [K in RefusalCode]: { code: K } & RefusalParams[K] }[RefusalCode];
export type RefusalOf<K extends RefusalCode> = Extract<Refusal, { code: K }>;

/** One sentence per code, in one language. */
export type RefusalTexts = { [K in RefusalCode]: (refusal: RefusalOf<K>) => string };

/** The sentence for a refusal, from one language's table. */
export function refusalText(texts: RefusalTexts, refusal: Refusal): string {
  const sentence = texts[refusal.code] as (r: Refusal) => string;
  return sentence(refusal);
}
