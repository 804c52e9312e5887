/**
 * The nomination card's buttons (Opslaan, Volgende, Vorige, Indienen). Each press checks the
 * step with zod; a step with problems comes back as the same card with the values kept and each
 * problem under its field, and nothing is written. A step without problems is saved as a draft
 * (so a half-filled nomination survives), then the card moves on, or the draft is submitted.
 */
import { refusalIn } from '../handlers/nomination-actions/answer';
import type { TurnContext } from 'botbuilder';
import type { CardAttachment } from '../../cards/render';
import type { LifecycleError } from '../../src/nomination/errors';
import type { Nomination } from '../../src/nomination/nomination';
import type { ServiceResult } from '../../src/nomination/service';
import type { BotDeps } from '../deps';
import { auditRead } from './audit-read';
import type { CardReply } from './card-reply';
import { draftIdFor } from './draft-id';
import { formCard } from './form-card';
import { FORM_STEPS, LAST_STEP, STEP_FIELDS, type FormStep, type FormValues } from './form-fields';
import { draftToValues, newDraftFields, step1Patch, step2Patch, step3Patch } from './form-patch';
import {
  parseStep,
  readFormAction,
  readFormValues,
  schemaForStep,
  step1Schema,
  step2Schema,
  step3Schema,
  type FieldErrors,
  type FormAction,
  type SchemaContext,
} from './form-schema';
import { currentLandlords, mayNominate, nominationTurn, type Landlord, type NominationTurn } from './nomination-turn';
import { submitDraft } from './submit-draft';
import { verdictCard } from './verdict-view';

/** What a new card starts with: the usual case, one adult without children, for a convenantwoning. */
const NEW_FORM_VALUES: FormValues = { type: 'convenantwoning', adults: '1', minorChildren: '0' };

interface Form {
  deps: BotDeps;
  turn: NominationTurn;
  landlords: Landlord[];
  formId: string;
}

interface Shown {
  values: FormValues;
  draft?: Nomination;
  errors?: FieldErrors;
  banner?: { text: string; color: 'Good' | 'Attention' };
}

function show(form: Form, step: FormStep, shown: Shown): CardAttachment {
  const { draft } = shown;
  return formCard({
    step,
    values: shown.values,
    errors: shown.errors ?? {},
    texts: form.turn.texts,
    landlords: form.landlords,
    formId: form.formId,
    ...(draft && { draft: { id: draft.id, version: draft.version, storedEvictionAnswer: draft.checklist.k } }),
    ...(shown.banner && { banner: shown.banner }),
  });
}

export async function newFormCard(context: TurnContext, deps: BotDeps, formId: string): Promise<CardAttachment> {
  const turn = nominationTurn(context, deps);
  const form = { deps, turn, formId, landlords: await currentLandlords(deps, turn.today) };
  return show(form, 1, { values: NEW_FORM_VALUES });
}

/** A stored draft on the card, at the first step that is not complete yet. */
export async function draftFormCard(
  context: TurnContext,
  deps: BotDeps,
  draft: Nomination,
  formId: string,
): Promise<CardAttachment> {
  const turn = nominationTurn(context, deps);
  const landlords = await currentLandlords(deps, turn.today);
  const form = { deps, turn, formId, landlords };
  await auditRead(deps, turn, [draft.id], 'organisation-draft');
  const values = draftToValues(draft);
  const ctx = schemaContext(form, draft, { complete: true });
  const step = FORM_STEPS.find((s) => !parseStep(schemaForStep(s, ctx), values).ok) ?? LAST_STEP;
  return show(form, step, { values, draft });
}

export async function answerFormAction(
  context: TurnContext,
  deps: BotDeps,
  data: Record<string, unknown>,
): Promise<CardReply> {
  const turn = nominationTurn(context, deps);
  if (!mayNominate(context, deps)) return turn.allTexts.commandNotAvailable('aanmelden');
  const action = readFormAction(data);
  if (!action) return turn.texts.form.expired;

  const draftId = action.draftId ?? draftIdFor(turn.actor.contactId, action.formId);
  const draft = await deps.store.nominations.get(draftId);
  // Someone else's nomination does not exist for this person; a card without a draft starts at step 1.
  if (draft ? draft.nominatingPartyId !== turn.actor.partyId : action.draftId || action.step !== 1) {
    return turn.texts.form.expired;
  }
  // Submitted already (a retried Indienen, an old card): show where it stands.
  if (draft && draft.state !== 'draft') return (await verdictCard(deps, turn, draft)) ?? turn.texts.form.expired;

  const form: Form = { deps, turn, formId: action.formId, landlords: await currentLandlords(deps, turn.today) };
  const submitted = stepValues(action.step, readFormValues(data));
  const values = { ...(draft && draftToValues(draft)), ...submitted };
  const complete = action.step === 1 || action.move === 'next' || action.move === 'submit';
  const ctx = schemaContext(form, draft, { complete, type: values.type });

  const saved = await saveStep(form, action, draftId, draft, submitted, ctx);
  if (saved.kind === 'invalid') {
    return show(form, action.step, { values, errors: saved.errors, ...(draft && { draft }), banner: notSaved(form) });
  }
  if (!saved.result.ok) return refused(form, action.step, values, draft, saved.result.error);
  const stored = saved.result.nomination;

  switch (action.move) {
    case 'save':
      return show(form, action.step, { values: draftToValues(stored), draft: stored, banner: savedBanner(form) });
    case 'next':
      return show(form, nextStep(action.step, 1), { values: draftToValues(stored), draft: stored });
    case 'back':
      return show(form, nextStep(action.step, -1), { values: draftToValues(stored), draft: stored });
    case 'submit':
      return submit(form, stored);
  }
}

type Saved = { kind: 'invalid'; errors: FieldErrors } | { kind: 'stored'; result: ServiceResult };

async function saveStep(
  form: Form,
  action: FormAction,
  draftId: string,
  draft: Nomination | undefined,
  submitted: FormValues,
  ctx: SchemaContext,
): Promise<Saved> {
  const { service, actor, today } = form.turn;
  const expected = action.version ?? draft?.version ?? 0;
  if (action.step === 1) {
    const parsed = parseStep(step1Schema(ctx), submitted);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const result = draft
      ? await service.saveDraft(draft.id, actor, step1Patch(parsed.value, draft), expected)
      : await service.createDraft(actor, newDraftFields(parsed.value), { id: draftId });
    return { kind: 'stored', result };
  }
  if (!draft) return { kind: 'invalid', errors: {} }; // unreachable: checked by the caller
  if (action.step === 2) {
    const parsed = parseStep(step2Schema(ctx), submitted);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    return {
      kind: 'stored',
      result: await service.saveDraft(draft.id, actor, step2Patch(parsed.value, draft), expected),
    };
  }
  const parsed = parseStep(step3Schema(ctx), submitted);
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
  const patch = step3Patch(parsed.value, draft, today);
  return { kind: 'stored', result: await service.saveDraft(draft.id, actor, patch, expected) };
}

/** Indienen: the earlier steps must be complete too; the one that is not comes back with its problems. */
async function submit(form: Form, draft: Nomination): Promise<CardReply> {
  const values = draftToValues(draft);
  const ctx = schemaContext(form, draft, { complete: true });
  for (const step of FORM_STEPS) {
    const parsed = parseStep(schemaForStep(step, ctx), values);
    if (!parsed.ok) {
      const banner = { text: form.turn.texts.form.completeEarlierStep, color: 'Attention' as const };
      return show(form, step, { values, draft, errors: parsed.errors, banner });
    }
  }
  const outcome = await submitDraft(form.deps, form.turn, draft, form.landlords);
  if (outcome.kind === 'done') return outcome.reply;
  return refused(form, LAST_STEP, values, draft, outcome.result.error);
}

async function refused(
  form: Form,
  step: FormStep,
  values: FormValues,
  draft: Nomination | undefined,
  error: LifecycleError,
): Promise<CardReply> {
  const t = form.turn.texts.form;
  switch (error.kind) {
    case 'not-found':
      return t.expired;
    case 'not-allowed-for-role':
      return t.notAllowed;
    case 'wrong-state': {
      const current = draft && (await form.deps.store.nominations.get(draft.id));
      return (current && (await verdictCard(form.deps, form.turn, current))) ?? t.expired;
    }
    case 'conflict': {
      // The card gets the current version, so the next press can save over it deliberately.
      const current = draft && (await form.deps.store.nominations.get(draft.id));
      return show(form, step, { values, ...(current && { draft: current }), banner: attention(t.conflict) });
    }
    case 'invalid-payload':
      return show(form, step, {
        values,
        ...(draft && { draft }),
        banner: attention(refusalIn(form.turn.allTexts, error)),
      });
  }
}

function schemaContext(
  form: Form,
  draft: Nomination | undefined,
  options: { complete: boolean; type?: string | undefined },
): SchemaContext {
  return {
    complete: options.complete,
    today: form.turn.today,
    landlordIds: form.landlords.map((l) => l.id),
    noodwoning: (draft?.type ?? options.type) === 'noodwoning',
    hasStoredEvictionAnswer: draft?.checklist.k !== undefined,
  };
}

/** Only this step's inputs count; an input the card left out is an empty one, not the stored value. */
function stepValues(step: FormStep, values: FormValues): FormValues {
  const own: FormValues = {};
  for (const id of STEP_FIELDS[step]) own[id] = values[id] ?? '';
  return own;
}

function nextStep(step: FormStep, by: 1 | -1): FormStep {
  return Math.min(LAST_STEP, Math.max(1, step + by)) as FormStep;
}

function notSaved(form: Form) {
  return attention(form.turn.texts.form.notSaved);
}

function savedBanner(form: Form) {
  return { text: form.turn.texts.form.saved, color: 'Good' as const };
}

function attention(text: string) {
  return { text, color: 'Attention' as const };
}
