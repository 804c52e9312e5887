/**
 * Reading a step's payload as it arrives from a card (unknown JSON). The first problem stops
 * the reading with the field and the refusal (refusals.ts) the card can show beside that field.
 */
import { compareDates, isIsoDate, type IsoDate } from '../time/dates';
import { refusalNl } from './refusal-texts.nl';
import type { FieldLabel, Refusal } from './refusals';

export class PayloadError extends Error {
  constructor(
    readonly field: string,
    readonly refusal: Refusal,
  ) {
    super(refusalNl(refusal));
    this.name = 'PayloadError';
  }
}

export function fail(field: string, refusal: Refusal): never {
  throw new PayloadError(field, refusal);
}

export type Fields = Record<string, unknown>;

/** A missing payload reads as an empty one: most steps need none. */
export function fieldsOf(raw: unknown): Fields {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('payload', { code: 'payload-unreadable' });
  return raw as Fields;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Trimmed text of at most `max` characters. */
export function requiredText(p: Fields, field: string, label: FieldLabel, max: number): string {
  const value = p[field];
  if (isBlank(value)) fail(field, { code: 'required', label });
  return text(value, field, label, max);
}

function text(value: unknown, field: string, label: FieldLabel, max: number): string {
  if (typeof value !== 'string') fail(field, { code: 'not-text', label });
  const trimmed = value.trim();
  if (trimmed.length > max) fail(field, { code: 'too-long', label, max });
  return trimmed;
}

export function requiredDate(p: Fields, field: string, label: FieldLabel): IsoDate {
  const value = p[field];
  if (isBlank(value)) fail(field, { code: 'required', label });
  if (typeof value !== 'string' || !isIsoDate(value)) fail(field, { code: 'invalid-date', label });
  return value;
}

/**
 * The date of something the step records: today when left out (unless required), not after
 * today (unless it may lie ahead), and not before `earliest` when given.
 */
export function stepDate(
  p: Fields,
  field: string,
  label: FieldLabel,
  today: IsoDate,
  options: { required?: boolean; mayLieAhead?: boolean; earliest?: { date: IsoDate; refusal: Refusal } } = {},
): IsoDate {
  const date = isBlank(p[field]) && !options.required ? today : requiredDate(p, field, label);
  if (!options.mayLieAhead && compareDates(date, today) > 0) fail(field, { code: 'date-in-future', label });
  if (options.earliest) notBefore(date, options.earliest.date, field, options.earliest.refusal);
  return date;
}

export function notBefore(date: IsoDate, earliest: IsoDate, field: string, refusal: Refusal): IsoDate {
  if (compareDates(date, earliest) < 0) fail(field, refusal);
  return date;
}

export function requiredBoolean(p: Fields, field: string, label: FieldLabel): boolean {
  const value = p[field];
  if (typeof value !== 'boolean') fail(field, { code: 'yes-or-no', label });
  return value;
}

/** A confirmation the covenant asks for: anything but `true` fails with `refusal`. */
export function requiredTrue(p: Fields, field: string, label: FieldLabel, refusal: Refusal): true {
  if (!requiredBoolean(p, field, label)) fail(field, refusal);
  return true;
}

export function oneOf<T extends string>(p: Fields, field: string, values: readonly T[], refusal: Refusal): T {
  const value = p[field];
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) fail(field, refusal);
  return value as T;
}
