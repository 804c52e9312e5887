/**
 * The fields a counsellor or casemanager fills in before submitting (5.3, 5.6, 5.7). Only
 * these may change while the nomination is a draft; state, verdict and history never through here.
 */
import { isIsoDate } from '../time/dates';
import type { Nomination } from './nomination';
import { fail } from './payload';
import type { FieldLabel } from './refusals';

export const DRAFT_FIELD_NAMES = [
  'type',
  'candidate',
  'residency',
  'residencyMaatwerkMotivation',
  'expectedEndOfIntramuralCare',
  'requirements',
  'targetLandlordIds',
  'checklist',
  'scope',
  'noodwoning',
  'viaMayor',
] as const satisfies readonly (keyof Nomination)[];
export type DraftFieldName = (typeof DRAFT_FIELD_NAMES)[number];
export type DraftFields = Pick<Nomination, DraftFieldName>;

const NAME_MAX = 200;
const TEXT_MAX = 1000;

/** Keeps only draft fields, so a patch cannot touch state, verdict or history. */
export function pickDraftFields(patch: Partial<DraftFields>): Partial<DraftFields> {
  const picked: Partial<Record<DraftFieldName, unknown>> = {};
  for (const name of DRAFT_FIELD_NAMES) if (patch[name] !== undefined) picked[name] = patch[name];
  return picked as Partial<DraftFields>;
}

/** Format checks only: whether the candidate qualifies is the verdict's business (5.6). */
export function checkDraftFields(fields: Partial<DraftFields>): void {
  const { candidate, residency, requirements, targetLandlordIds, checklist } = fields;
  if (fields.type !== undefined && fields.type !== 'convenantwoning' && fields.type !== 'noodwoning') {
    fail('type', { code: 'choose-type' });
  }
  if (candidate) {
    if (typeof candidate.name !== 'string' || candidate.name.trim() === '') {
      fail('candidate.name', { code: 'required', label: 'name' });
    }
    if (candidate.name.length > NAME_MAX) fail('candidate.name', { code: 'too-long', label: 'name', max: NAME_MAX });
    optionalDate(candidate.dateOfBirth, 'candidate.dateOfBirth', 'date-of-birth');
  }
  residency?.forEach((period, i) => {
    optionalDate(period.from, `residency.${i}.from`, 'residency-from');
    if (period.from === undefined) fail(`residency.${i}.from`, { code: 'required', label: 'residency-from' });
    optionalDate(period.to, `residency.${i}.to`, 'residency-to');
  });
  optionalDate(fields.expectedEndOfIntramuralCare, 'expectedEndOfIntramuralCare', 'expected-end-of-care');
  maxLength(fields.residencyMaatwerkMotivation, 'residencyMaatwerkMotivation', 'motivation');
  maxLength(requirements?.housing, 'requirements.housing', 'housing-requirements');
  maxLength(requirements?.neighbourhood, 'requirements.neighbourhood', 'neighbourhood-requirements');
  if (targetLandlordIds && !targetLandlordIds.every((id) => typeof id === 'string')) {
    fail('targetLandlordIds', { code: 'choose-landlords' });
  }
  for (const [item, answer] of Object.entries(checklist ?? {})) {
    maxLength(answer?.motivation, `checklist.${item}.motivation`, 'motivation');
  }
}

function optionalDate(value: unknown, field: string, label: FieldLabel): void {
  if (value !== undefined && (typeof value !== 'string' || !isIsoDate(value))) {
    fail(field, { code: 'invalid-date', label });
  }
}

function maxLength(value: unknown, field: string, label: FieldLabel): void {
  if (value === undefined) return;
  if (typeof value !== 'string') fail(field, { code: 'not-text', label });
  if (value.length > TEXT_MAX) fail(field, { code: 'too-long', label, max: TEXT_MAX });
}
