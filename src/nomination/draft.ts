/**
 * The fields a counsellor or casemanager fills in before submitting (5.3, 5.6, 5.7). Only
 * these may change while the nomination is a draft; state, verdict and history never through here.
 */
import { isIsoDate } from '../time/dates';
import type { Nomination } from './nomination';
import { fail } from './payload';

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
    fail('type', 'Kies convenantwoning of noodwoning.');
  }
  if (candidate) {
    if (typeof candidate.name !== 'string' || candidate.name.trim() === '') fail('candidate.name', 'Vul de naam in.');
    if (candidate.name.length > NAME_MAX) fail('candidate.name', `De naam is te lang (maximaal ${NAME_MAX} tekens).`);
    optionalDate(candidate.dateOfBirth, 'candidate.dateOfBirth', 'De geboortedatum');
  }
  residency?.forEach((period, i) => {
    optionalDate(period.from, `residency.${i}.from`, 'De begindatum van de inschrijving');
    if (period.from === undefined) fail(`residency.${i}.from`, 'Vul de begindatum van de inschrijving in.');
    optionalDate(period.to, `residency.${i}.to`, 'De einddatum van de inschrijving');
  });
  optionalDate(fields.expectedEndOfIntramuralCare, 'expectedEndOfIntramuralCare', 'De verwachte einddatum');
  maxLength(fields.residencyMaatwerkMotivation, 'residencyMaatwerkMotivation', 'De motivering');
  maxLength(requirements?.housing, 'requirements.housing', 'De woonwensen');
  maxLength(requirements?.neighbourhood, 'requirements.neighbourhood', 'De wensen voor de woonomgeving');
  if (targetLandlordIds && !targetLandlordIds.every((id) => typeof id === 'string')) {
    fail('targetLandlordIds', 'Kies de verhuurders uit de lijst.');
  }
  for (const [item, answer] of Object.entries(checklist ?? {})) {
    maxLength(answer?.motivation, `checklist.${item}.motivation`, 'De motivering');
  }
}

function optionalDate(value: unknown, field: string, label: string): void {
  if (value !== undefined && (typeof value !== 'string' || !isIsoDate(value))) {
    fail(field, `${label} is geen geldige datum (JJJJ-MM-DD).`);
  }
}

function maxLength(value: unknown, field: string, label: string): void {
  if (value === undefined) return;
  if (typeof value !== 'string') fail(field, `${label} moet tekst zijn.`);
  if (value.length > TEXT_MAX) fail(field, `${label} is te lang (maximaal ${TEXT_MAX} tekens).`);
}
