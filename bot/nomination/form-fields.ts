/**
 * The inputs of the nomination card, by step. A card input's id is its name here; Teams sends
 * each back as a string ("" when empty, "true"/"false" for a toggle, "a,b" for a multi-select).
 */
export const STEP_FIELDS = {
  1: [
    'type',
    'candidateName',
    'dateOfBirth',
    'adults',
    'minorChildren',
    'expectedEndOfIntramuralCare',
    'wlzFunded',
    'expectedToLiveIndependently',
    'boundaryCrossing',
  ],
  2: [
    'residency1From',
    'residency1To',
    'residency2From',
    'residency2To',
    'residency3From',
    'residency3To',
    'residencyMaatwerkMotivation',
    'checklistC',
    'woonnet',
    'housing',
    'neighbourhood',
    'targetLandlordIds',
    'referredByGgd',
    'evictingLandlordId',
  ],
  3: [
    'checklistA',
    'checklistD',
    'checklistE',
    'checklistF',
    'checklistG',
    'checklistH',
    'checklistI',
    'checklistJ',
    'budgetMotivation',
    'evicted',
    'lastEvictionOn',
    'fromNoodwoning',
    'checklistL',
    'viaMayor',
  ],
} as const;

export type FormStep = keyof typeof STEP_FIELDS;
export const FORM_STEPS: readonly FormStep[] = [1, 2, 3];
export const LAST_STEP: FormStep = 3;

export type FieldId = (typeof STEP_FIELDS)[FormStep][number];
export const FIELD_IDS: readonly FieldId[] = [...STEP_FIELDS[1], ...STEP_FIELDS[2], ...STEP_FIELDS[3]];

/** What the card holds: one string per input, absent when the card had none. */
export type FormValues = Partial<Record<FieldId, string>>;

/** Up to three residency periods (1c) fit on the card; more rarely matter for the six years. */
export const RESIDENCY_ROWS = [1, 2, 3] as const;
export function residencyFieldIds(row: (typeof RESIDENCY_ROWS)[number]): { from: FieldId; to: FieldId } {
  return { from: `residency${row}From`, to: `residency${row}To` } as { from: FieldId; to: FieldId };
}

export const NAME_MAX = 200;
export const TEXT_MAX = 1000;
export const MAX_PEOPLE = 20;
