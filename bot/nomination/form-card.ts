/**
 * Fills the nomination card for one step, in the reader's language: labels in the covenant's
 * words, the values entered or stored, and each problem right under its field.
 */
import {
  nominationFormCard,
  type Choice,
  type FieldData,
  type NominationFormData,
} from '../../cards/nomination-form/nomination-form.model';
import type { CardAttachment } from '../../cards/render';
import { isExceptionItem } from '../../src/eligibility/checklist';
import type { ChecklistAnswer, ChecklistItem, ChecklistStatus } from '../../src/nomination/nomination';
import type { NominationTexts } from '../i18n/nomination.nl';
import { LAST_STEP, type FieldId, type FormStep, type FormValues } from './form-fields';
import { statusChoices, type FieldErrors } from './form-schema';

export interface FormCardInput {
  step: FormStep;
  values: FormValues;
  errors: FieldErrors;
  texts: NominationTexts;
  /** The social landlords taking part today, for the multi-select (5.3) and 6.3. */
  landlords: readonly { id: string; name: string }[];
  formId: string;
  draft?: { id: string; version: number; storedEvictionAnswer?: ChecklistAnswer };
  banner?: { text: string; color: 'Good' | 'Attention' };
}

const SIMPLE_ITEMS = ['a', 'd', 'e', 'f', 'g', 'h', 'i'] as const satisfies readonly ChecklistItem[];

export function formCard(input: FormCardInput): CardAttachment {
  return nominationFormCard(formCardData(input));
}

export function formCardData(input: FormCardInput): NominationFormData {
  const { step, values, errors, texts } = input;
  const t = texts.form;
  const common = {
    title: t.title,
    stepTitle: t.step(step, LAST_STEP, t.stepTitles[step - 1] ?? ''),
    note: t.requiredNote,
    choose: t.choose,
    banner: input.banner ?? null,
    action: { step, formId: input.formId, draftId: input.draft?.id ?? null, version: input.draft?.version ?? null },
    buttons: t.buttons,
  };
  const f = (id: FieldId, label: string, choices?: Choice[]): FieldData => ({
    label,
    value: values[id] ?? null,
    error: errors[id] ? texts.errors[errors[id]] : null,
    ...(choices && { choices }),
  });
  const yesNo = [
    { title: t.yes, value: 'true' },
    { title: t.no, value: 'false' },
  ];
  const statusOf = (item: ChecklistItem): Choice[] =>
    statusChoices(item).map((status) => ({ value: status, title: statusTitle(texts, item, status) }));

  switch (step) {
    case 1:
      return {
        ...common,
        step,
        fields: {
          type: f('type', t.type.label, [
            { title: t.type.choices.convenantwoning, value: 'convenantwoning' },
            { title: t.type.choices.noodwoning, value: 'noodwoning' },
          ]),
          candidateName: f('candidateName', t.candidateName),
          dateOfBirth: f('dateOfBirth', t.dateOfBirth),
          adults: { ...f('adults', t.adults), value: wholeNumber(values.adults) },
          minorChildren: { ...f('minorChildren', t.minorChildren), value: wholeNumber(values.minorChildren) },
          expectedEndOfIntramuralCare: f('expectedEndOfIntramuralCare', t.expectedEndOfIntramuralCare),
          wlzFunded: f('wlzFunded', t.wlzFunded, yesNo),
          expectedToLiveIndependently: f('expectedToLiveIndependently', t.expectedToLiveIndependently, yesNo),
          boundaryCrossing: f('boundaryCrossing', t.boundaryCrossing, yesNo),
        },
      };
    case 2: {
      const noodwoning = values.type === 'noodwoning';
      const landlordChoices = input.landlords.map((l) => ({ title: l.name, value: l.id }));
      return {
        ...common,
        step,
        residencyHeading: t.residencyHeading,
        residencyHint: t.residencyHint,
        requirementsHeading: t.requirementsHeading,
        noodwoningHeading: t.noodwoningHeading,
        noodwoning,
        fields: {
          residency1From: f('residency1From', t.residencyFrom(1)),
          residency1To: f('residency1To', t.residencyTo(1)),
          residency2From: f('residency2From', t.residencyFrom(2)),
          residency2To: f('residency2To', t.residencyTo(2)),
          residency3From: f('residency3From', t.residencyFrom(3)),
          residency3To: f('residency3To', t.residencyTo(3)),
          residencyMaatwerkMotivation: f('residencyMaatwerkMotivation', t.residencyMaatwerkMotivation),
          checklistC: f('checklistC', t.checklistItem('c', t.checklistTexts.c), [
            { value: 'met', title: t.status.met },
            { value: 'not-met', title: t.status.notMet },
            { value: 'exception', title: t.cException },
          ]),
          woonnet: f('woonnet', t.woonnet, [
            { title: t.yes, value: 'true' },
            { title: t.woonnetNo, value: 'false' },
          ]),
          housing: f('housing', t.housing),
          neighbourhood: f('neighbourhood', t.neighbourhood),
          targetLandlordIds: f('targetLandlordIds', noodwoning ? t.landlordsNoodwoning : t.landlords, landlordChoices),
          referredByGgd: f('referredByGgd', t.referredByGgd, yesNo),
          evictingLandlordId: f('evictingLandlordId', t.evictingLandlord, [
            { title: t.noEvictingLandlord, value: 'none' },
            ...landlordChoices,
          ]),
        },
      };
    }
    case 3: {
      const stored = input.draft?.storedEvictionAnswer;
      return {
        ...common,
        step,
        checklistIntro: t.checklistIntro,
        lastEvictionNote: t.lastEvictionNote,
        simpleItems: SIMPLE_ITEMS.map((item) => {
          const id = checklistFieldId(item);
          return { id, ...f(id, t.checklistItem(item, t.checklistTexts[item])), choices: statusOf(item) };
        }),
        fields: {
          checklistJ: f('checklistJ', t.checklistItem('j', t.checklistTexts.j), statusOf('j')),
          budgetMotivation: f('budgetMotivation', t.budgetMotivation),
          evicted: f('evicted', t.evicted, [
            { title: t.evictedNo, value: 'no' },
            { title: t.evictedYes, value: 'yes' },
            ...(stored ? [{ title: t.evictedKeep(statusTitle(texts, 'k', stored.status)), value: 'keep' }] : []),
          ]),
          lastEvictionOn: f('lastEvictionOn', t.lastEvictionOn),
          fromNoodwoning: f('fromNoodwoning', t.fromNoodwoning),
          checklistL: f('checklistL', t.checklistItem('l', t.checklistTexts.l), statusOf('l')),
          viaMayor: f('viaMayor', t.viaMayor),
        },
      };
    }
  }
}

function checklistFieldId(item: ChecklistItem): FieldId {
  return `checklist${item.toUpperCase()}` as FieldId;
}

function statusTitle(texts: NominationTexts, item: ChecklistItem, status: ChecklistStatus): string {
  const t = texts.form;
  switch (status) {
    case 'met':
      return t.status.met;
    case 'not-met':
      return t.status.notMet;
    case 'not-applicable':
      return t.status.notApplicable;
    case 'exception':
      return isExceptionItem(item) ? t.status.exception(t.exceptions[item]) : t.status.notMet;
  }
}

/** An Input.Number holds a number only; anything else shows empty, with its error beside it. */
function wholeNumber(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : null;
}
