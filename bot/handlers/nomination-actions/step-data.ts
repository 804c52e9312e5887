/**
 * One thin reader per card verb: zod checks the shape of what the card sent back (its data plus
 * the form's inputs, named as in status.model.ts INPUT_IDS) and maps it to the step's payload.
 * Whether the values make sense (dates, 4.9's two years, 5.10) is the lifecycle's to say.
 */
import { z } from 'zod';
import type { CardStep } from '../../../cards/nomination-status/status.model';

const card = z.object({
  nominationId: z.string().min(1).max(200),
  version: z.coerce.number().int().nonnegative(),
});

// Teams sends an empty input as "": that is "not filled in", as the lifecycle reads a missing field.
const input = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));
const date = input(10);
// Input.Toggle answers "true"/"false" as text; an older client may send a boolean.
const toggle = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === true || v === 'true'));

type Reader = { schema: z.ZodTypeAny; payload(data: Record<string, unknown>): Record<string, unknown> };

const none: Reader = { schema: card, payload: () => ({}) };

export const STEP_READERS: Record<CardStep, Reader> = {
  acknowledge: none,
  'confirm-suitable': none,
  'reject-suitable': none,
  'confirm-evaluation': none,
  withdraw: none,
  'propose-home': {
    schema: card.extend({ homeDescription: input(1000) }),
    payload: (d) => ({ description: d.homeDescription }),
  },
  'make-offer': {
    schema: card.extend({ offerMadeOn: date }),
    payload: (d) => ({ madeOn: d.offerMadeOn }),
  },
  'record-offer-answer': {
    schema: card.extend({ offerAnswer: input(20), offerAnsweredOn: date }),
    payload: (d) => ({ answer: d.offerAnswer, answeredOn: d.offerAnsweredOn }),
  },
  'plan-intake': {
    schema: card.extend({ intakeOn: date }),
    payload: (d) => ({ on: d.intakeOn }),
  },
  'record-credit-check': {
    schema: card.extend({
      creditCheckOn: date,
      creditOutcome: input(20),
      creditExtraConditions: input(2000),
      creditAgreedWithCareProvider: toggle,
    }),
    payload: (d) => ({
      on: d.creditCheckOn,
      outcome: d.creditOutcome,
      extraConditions: d.creditExtraConditions,
      agreedWithCareProvider: d.creditAgreedWithCareProvider,
    }),
  },
  'sign-lease': {
    schema: card.extend({
      leaseSignedOn: date,
      leaseTemporaryUntil: date,
      leaseGuidanceUntil: date,
      leaseCounsellorPresent: toggle,
      leaseGuidanceEndMayBeShared: toggle,
    }),
    payload: (d) => ({
      signedOn: d.leaseSignedOn,
      temporaryUntil: d.leaseTemporaryUntil,
      guidanceAgreementUntil: d.leaseGuidanceUntil,
      counsellorPresent: d.leaseCounsellorPresent,
      guidanceEndMayBeShared: d.leaseGuidanceEndMayBeShared,
    }),
  },
  'record-evaluation': {
    schema: card.extend({ evaluationOn: date, evaluationOutcome: input(20) }),
    // The card's choice as the lifecycle's yes/no; anything else goes on for the lifecycle to refuse.
    payload: (d) => ({ on: d.evaluationOn, positive: outcomeAsPositive(d.evaluationOutcome) }),
  },
  'convert-lease': {
    schema: card.extend({ leaseConvertedOn: date }),
    payload: (d) => ({ convertedOn: d.leaseConvertedOn }),
  },
  refuse: {
    schema: card.extend({ refusalReason: input(2000) }),
    payload: (d) => ({ reason: d.refusalReason }),
  },
};

function outcomeAsPositive(outcome: unknown): unknown {
  if (outcome === 'positive') return true;
  if (outcome === 'negative') return false;
  return outcome;
}

export interface StepRequestData {
  nominationId: string;
  version: number;
  payload: Record<string, unknown>;
}

/** Undefined when the card's data cannot be read (a broken or tampered card). */
export function readStepData(step: CardStep, raw: unknown): StepRequestData | undefined {
  const reader = STEP_READERS[step];
  const parsed = reader.schema.safeParse(raw);
  if (!parsed.success) return undefined;
  const data = parsed.data as Record<string, unknown> & { nominationId: string; version: number };
  const payload = Object.fromEntries(Object.entries(reader.payload(data)).filter(([, v]) => v !== undefined));
  return { nominationId: data.nominationId, version: data.version, payload };
}

const openSchema = z.object({ nominationId: z.string().min(1).max(200) });

export function readOpenData(raw: unknown): { nominationId: string } | undefined {
  const parsed = openSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
