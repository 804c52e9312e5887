/**
 * The zod schemas of the nomination card. Everything a card sends is untrusted: inputs arrive as
 * strings (or numbers and booleans from some clients), unknown keys are dropped (so `__proto__`
 * and `constructor` never reach an object we build), lengths are capped, dates must be real ISO
 * dates. Problems come back as language-free codes per field (form-errors.ts), never as a throw.
 *
 * `complete` asks for everything needed to submit; without it (Opslaan) only the shape is
 * checked, so a half-filled step can be kept as a draft. Step 1 is always complete: a draft
 * needs a kind of home, a name and the scope answers to be a draft at all.
 */
import { z } from 'zod';
import { isExceptionItem, NOT_APPLICABLE_ITEMS } from '../../src/eligibility/checklist';
import { MIN_MOTIVATION_LENGTH } from '../../src/eligibility/motivation';
import type { ChecklistItem, ChecklistStatus } from '../../src/nomination/nomination';
import { compareDates, isIsoDate, type IsoDate } from '../../src/time/dates';
import { isFormErrorCode, type FormErrorCode } from './form-errors';
import {
  FIELD_IDS,
  MAX_PEOPLE,
  NAME_MAX,
  RESIDENCY_ROWS,
  residencyFieldIds,
  TEXT_MAX,
  type FieldId,
  type FormStep,
  type FormValues,
} from './form-fields';

// ---- Reading the raw card data ----------------------------------------------------------------

/**
 * One character more than any field allows: enough to say "too long", and an error card that
 * echoes every value back stays well under Teams' card size limit (about 28 KB).
 */
const RAW_VALUE_MAX = TEXT_MAX + 1;
const rawValue = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((v) => String(v).slice(0, RAW_VALUE_MAX))
  .optional()
  .catch(undefined);
const formValuesSchema = z.object(Object.fromEntries(FIELD_IDS.map((id) => [id, rawValue])));

/** The card's input values; anything that is not one of our inputs, or not a plain value, is dropped. */
export function readFormValues(raw: unknown): FormValues {
  const parsed = formValuesSchema.safeParse(raw);
  if (!parsed.success) return {};
  const values: FormValues = {};
  for (const id of FIELD_IDS) {
    const value = parsed.data[id];
    if (value !== undefined) values[id] = value;
  }
  return values;
}

export const FORM_MOVES = ['save', 'next', 'back', 'submit'] as const;
export type FormMove = (typeof FORM_MOVES)[number];

/** Draft ids are made by draft-id.ts; anything else on a card is someone's invention. */
export const DRAFT_ID_PATTERN = /^nom-[0-9a-f]{24}$/;
export const FORM_ID_PATTERN = /^[0-9a-f]{24}$/;

const formActionSchema = z.object({
  move: z.enum(FORM_MOVES),
  step: z.coerce
    .number()
    .int()
    .min(1)
    .max(3)
    .transform((s) => s as FormStep),
  formId: z.string().regex(FORM_ID_PATTERN),
  draftId: z.string().regex(DRAFT_ID_PATTERN).nullish(),
  version: z.coerce.number().int().min(1).max(1_000_000).nullish(),
});
export type FormAction = z.infer<typeof formActionSchema>;

/** The button's own data (move, step, ids); undefined when it is not one of our cards' buttons. */
export function readFormAction(raw: unknown): FormAction | undefined {
  const parsed = formActionSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

const nominationIdSchema = z.object({ nominationId: z.string().min(1).max(100) });

/** The nomination id on an "Open" or "Verder invullen" button. */
export function readNominationId(raw: unknown): string | undefined {
  const parsed = nominationIdSchema.safeParse(raw);
  return parsed.success ? parsed.data.nominationId : undefined;
}

// ---- Building blocks ------------------------------------------------------------------------

/** "" and whitespace mean "not filled in". */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Must be filled in. */
function required<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess(blankToUndefined, schema);
}

/** Must be filled in when `when` holds (submitting, going on); may stay empty otherwise. */
function field<T extends z.ZodTypeAny>(schema: T, when: boolean) {
  return z.preprocess(blankToUndefined, when ? schema : schema.optional()) as z.ZodEffects<
    z.ZodOptional<T>,
    z.output<T> | undefined,
    unknown
  >;
}

function missing(code: FormErrorCode): { errorMap: z.ZodErrorMap } {
  return { errorMap: () => ({ message: code }) };
}

const text = (max: number) => z.string(missing('required')).max(max, 'tooLong');

const anyDate = () => z.string(missing('required')).refine(isIsoDate, 'date');

/** A date of something that happened: not after today. */
const pastDate = (today: IsoDate) =>
  anyDate().refine((d) => !isIsoDate(d) || compareDates(d, today) <= 0, 'dateInFuture');

function choice<const T extends string>(values: readonly [T, ...T[]]) {
  return z.enum(values, {
    errorMap: (issue) => ({ message: issue.code === 'invalid_type' ? 'choose' : 'invalidChoice' }),
  });
}

const yesNo = () => choice(['true', 'false']).transform((v) => v === 'true');

const count = (min: number, tooFew: FormErrorCode) =>
  z
    .string(missing('required'))
    .regex(/^\d{1,3}$/, 'wholeNumber')
    .transform(Number)
    .pipe(z.number().min(min, tooFew).max(MAX_PEOPLE, 'tooMany'));

/** A multi-select's "a,b" as a list of known ids. */
const idList = (allowed: readonly string[]) =>
  z
    .string()
    .transform((s) => [...new Set(s.split(',').map((id) => id.trim()))].filter(Boolean))
    .refine((ids) => ids.every((id) => allowed.includes(id)), 'invalidChoice');

function nonEmpty<T extends string>(values: readonly T[], fallback: T): [T, ...T[]] {
  return values.length > 0 ? [values[0] as T, ...values.slice(1)] : [fallback];
}

// ---- The steps ------------------------------------------------------------------------------

export interface SchemaContext {
  complete: boolean;
  today: IsoDate;
  /** The social landlords taking part today (art. 2, 12.2). */
  landlordIds: readonly string[];
  /** Step 2 asks the noodwoning questions (art. 6) only for a noodwoning. */
  noodwoning: boolean;
  /** Step 3 may keep the 5.6k answer derived earlier from a date that was not stored. */
  hasStoredEvictionAnswer: boolean;
}

export function step1Schema(ctx: SchemaContext) {
  return z.object({
    type: required(choice(['convenantwoning', 'noodwoning'])),
    candidateName: required(text(NAME_MAX)),
    dateOfBirth: field(pastDate(ctx.today), false),
    adults: required(count(1, 'atLeastOneAdult')),
    minorChildren: required(count(0, 'wholeNumber')),
    // 5.3: the expected end lies ahead, as a rule.
    expectedEndOfIntramuralCare: field(anyDate(), false),
    wlzFunded: required(yesNo()),
    expectedToLiveIndependently: required(yesNo()),
    boundaryCrossing: required(yesNo()),
  });
}
export type Step1Input = z.infer<ReturnType<typeof step1Schema>>;

export function step2Schema(ctx: SchemaContext) {
  const { complete, today } = ctx;
  const fields = z.object({
    residency1From: field(pastDate(today), complete),
    residency1To: field(pastDate(today), false),
    residency2From: field(pastDate(today), false),
    residency2To: field(pastDate(today), false),
    residency3From: field(pastDate(today), false),
    residency3To: field(pastDate(today), false),
    residencyMaatwerkMotivation: field(text(TEXT_MAX), false),
    checklistC: field(choice(['met', 'not-met', 'exception']), complete),
    woonnet: field(yesNo(), complete),
    housing: field(text(TEXT_MAX), false),
    neighbourhood: field(text(TEXT_MAX), false),
    targetLandlordIds: field(idList(ctx.landlordIds), false),
    referredByGgd: field(yesNo(), complete && ctx.noodwoning),
    evictingLandlordId: field(choice(nonEmpty(['none', ...ctx.landlordIds], 'none')), false),
  });
  const crossChecks = across(RESIDENCY_FIELDS, (v, issues) => {
    for (const row of RESIDENCY_ROWS) {
      const ids = residencyFieldIds(row);
      const from = v[ids.from];
      const to = v[ids.to];
      if (to !== undefined && from === undefined) add(issues, ids.from, 'periodFromMissing');
      if (to && from && isIsoDate(to) && isIsoDate(from) && compareDates(to, from) < 0) {
        add(issues, ids.to, 'periodEndsBeforeStart');
      }
    }
    // 6.3: a noodwoning without a choice goes to every landlord the route allows.
    if (complete && !ctx.noodwoning && v.targetLandlordIds === undefined) {
      add(issues, 'targetLandlordIds', 'landlordRequired');
    }
  });
  return z.intersection(fields, crossChecks);
}

const RESIDENCY_FIELDS = [
  ...RESIDENCY_ROWS.flatMap((row) => Object.values(residencyFieldIds(row))),
  'targetLandlordIds',
] as const satisfies readonly FieldId[];
export type Step2Input = z.infer<ReturnType<typeof step2Schema>>;

/** What a counsellor may answer per 5.6 item: an exception only where the covenant allows one. */
export function statusChoices(item: ChecklistItem): ChecklistStatus[] {
  return [
    'met',
    'not-met',
    ...(isExceptionItem(item) ? (['exception'] as const) : []),
    ...(NOT_APPLICABLE_ITEMS.includes(item) ? (['not-applicable'] as const) : []),
  ];
}

const status = (item: ChecklistItem, required: boolean) =>
  field(choice(statusChoices(item) as [ChecklistStatus, ...ChecklistStatus[]]), required);

export const EVICTION_ANSWERS = ['no', 'yes', 'keep'] as const;

export function step3Schema(ctx: SchemaContext) {
  const { complete, today } = ctx;
  const evicted = ctx.hasStoredEvictionAnswer ? EVICTION_ANSWERS : (['no', 'yes'] as const);
  const fields = z.object({
    checklistA: status('a', complete),
    checklistD: status('d', complete),
    checklistE: status('e', complete),
    checklistF: status('f', complete),
    checklistG: status('g', complete),
    checklistH: status('h', complete),
    checklistI: status('i', complete),
    checklistJ: status('j', complete),
    budgetMotivation: field(text(TEXT_MAX), false),
    evicted: field(choice<(typeof EVICTION_ANSWERS)[number]>(evicted), complete),
    // Not stored: only the 5.6k answer derived from it is (src/eligibility/eviction.ts).
    lastEvictionOn: field(pastDate(today), false),
    fromNoodwoning: field(yesNo(), false),
    checklistL: status('l', complete),
    viaMayor: field(yesNo(), false),
  });
  const crossChecks = across(['checklistJ', 'budgetMotivation', 'evicted', 'lastEvictionOn'], (v, issues) => {
    if (!complete) return;
    // 5.6j: the covenant allows the deviation only with a motivation.
    if (v.checklistJ === 'exception' && (v.budgetMotivation?.length ?? 0) < MIN_MOTIVATION_LENGTH) {
      add(issues, 'budgetMotivation', 'motivationTooShort');
    }
    if (v.evicted === 'yes' && v.lastEvictionOn === undefined) add(issues, 'lastEvictionOn', 'required');
  });
  return z.intersection(fields, crossChecks);
}
export type Step3Input = z.infer<ReturnType<typeof step3Schema>>;

/**
 * Checks across fields, on the entered text. Beside the field schemas (an intersection) rather than
 * after them, so that they run even when a field has a problem: the card names every problem at once.
 */
function across<const K extends FieldId>(
  ids: readonly K[],
  check: (values: Partial<Record<K, string>>, issues: z.RefinementCtx) => void,
) {
  const raw = z.preprocess(blankToUndefined, z.string().optional()).catch(undefined);
  return z
    .object(Object.fromEntries(ids.map((id) => [id, raw])) as Record<K, typeof raw>)
    .superRefine((v, issues) => check(v as Partial<Record<K, string>>, issues))
    .transform(() => ({}));
}

function add(ctx: z.RefinementCtx, path: FieldId, code: FormErrorCode): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message: code });
}

// ---- Running a schema -----------------------------------------------------------------------

export type FieldErrors = Partial<Record<FieldId, FormErrorCode>>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The first problem per field, as a code; a message zod made up itself reads as "invalid choice". */
export function parseStep<S extends z.ZodTypeAny>(schema: S, values: FormValues): Parsed<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, value: parsed.data as z.output<S> };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const id = issue.path[0];
    if (typeof id !== 'string' || !(FIELD_IDS as readonly string[]).includes(id)) continue;
    errors[id as FieldId] ??= isFormErrorCode(issue.message) ? issue.message : 'invalidChoice';
  }
  return { ok: false, errors };
}

export function schemaForStep(step: FormStep, ctx: SchemaContext) {
  switch (step) {
    case 1:
      return step1Schema(ctx);
    case 2:
      return step2Schema(ctx);
    case 3:
      return step3Schema(ctx);
  }
}
