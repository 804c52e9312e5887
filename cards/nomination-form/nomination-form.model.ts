/**
 * The nomination card (5.3, 5.6, 5.7), one template per step: 1 candidate, household and scope;
 * 2 residency, Woonnet, requirements and landlords; 3 the 5.6 checklist. The bot fills in texts,
 * values and errors; every input's id is its field name (bot/nomination/form-fields.ts).
 */
import { renderCard, type CardAttachment } from '../render';
import { withoutEmptyProperties } from '../without-empty';
import step1Template from './step1.card.json' with { type: 'json' };
import step2Template from './step2.card.json' with { type: 'json' };
import step3Template from './step3.card.json' with { type: 'json' };

/** Every button of the card: Action.Execute, with an Action.Submit fallback carrying the verb. */
export const NOMINATION_FORM_VERB = 'nomination.form';

export interface Choice {
  title: string;
  value: string;
}

export interface FieldData {
  label: string;
  /** What the input shows: the entered or stored value. Null for an empty input. */
  value: string | number | null;
  /** The problem with this field, in the reader's language, shown right under it. */
  error: string | null;
  choices?: Choice[];
}

/** A 5.6 item shown by the checklist's repeated block (step 3). */
export interface ChecklistItemData extends FieldData {
  id: string;
  choices: Choice[];
}

interface Common {
  title: string;
  stepTitle: string;
  note: string;
  choose: string;
  banner: { text: string; color: 'Good' | 'Attention' } | null;
  /** What every button sends besides the inputs. */
  action: { step: 1 | 2 | 3; formId: string; draftId: string | null; version: number | null };
  buttons: { save: string; next: string; back: string; submit: string };
}

export interface Step1Data extends Common {
  step: 1;
  fields: Record<
    | 'type'
    | 'candidateName'
    | 'dateOfBirth'
    | 'adults'
    | 'minorChildren'
    | 'expectedEndOfIntramuralCare'
    | 'wlzFunded'
    | 'expectedToLiveIndependently'
    | 'boundaryCrossing',
    FieldData
  >;
}

export interface Step2Data extends Common {
  step: 2;
  residencyHeading: string;
  residencyHint: string;
  requirementsHeading: string;
  noodwoningHeading: string;
  /** Shows the art. 6 questions. */
  noodwoning: boolean;
  fields: Record<
    | 'residency1From'
    | 'residency1To'
    | 'residency2From'
    | 'residency2To'
    | 'residency3From'
    | 'residency3To'
    | 'residencyMaatwerkMotivation'
    | 'checklistC'
    | 'woonnet'
    | 'housing'
    | 'neighbourhood'
    | 'targetLandlordIds'
    | 'referredByGgd'
    | 'evictingLandlordId',
    FieldData
  >;
}

export interface Step3Data extends Common {
  step: 3;
  checklistIntro: string;
  lastEvictionNote: string;
  /** 5.6 a, d–i: one answer each, no extra fields. */
  simpleItems: ChecklistItemData[];
  fields: Record<
    'checklistJ' | 'budgetMotivation' | 'evicted' | 'lastEvictionOn' | 'fromNoodwoning' | 'checklistL' | 'viaMayor',
    FieldData
  >;
}

export type NominationFormData = Step1Data | Step2Data | Step3Data;

const TEMPLATES = { 1: step1Template, 2: step2Template, 3: step3Template } as const;

export function nominationFormCard(data: NominationFormData): CardAttachment {
  const fields = Object.fromEntries(
    Object.entries(data.fields).map(([id, field]) => [id, { choices: [], ...field }]),
  ) as Record<string, FieldData>;
  // Empty values and ids are left out: an input with value "" is not valid Adaptive Card JSON.
  return withoutEmptyProperties(renderCard(TEMPLATES[data.step], { ...data, fields }));
}
