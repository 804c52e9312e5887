/**
 * Reading a step's payload as it arrives from a card (unknown JSON). The first problem stops
 * the reading with the field and a Dutch message the card can show beside that field.
 */
import { compareDates, isIsoDate, type IsoDate } from '../time/dates';

export class PayloadError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'PayloadError';
  }
}

export function fail(field: string, message: string): never {
  throw new PayloadError(field, message);
}

export type Fields = Record<string, unknown>;

/** A missing payload reads as an empty one: most steps need none. */
export function fieldsOf(raw: unknown): Fields {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('payload', 'De gegevens van deze stap zijn onleesbaar.');
  return raw as Fields;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Trimmed text of at most `max` characters. */
export function requiredText(p: Fields, field: string, label: string, max: number): string {
  const value = p[field];
  if (isBlank(value)) fail(field, `Vul ${label} in.`);
  return text(value, field, label, max);
}

function text(value: unknown, field: string, label: string, max: number): string {
  if (typeof value !== 'string') fail(field, `${capitalise(label)} moet tekst zijn.`);
  const trimmed = value.trim();
  if (trimmed.length > max) fail(field, `${capitalise(label)} is te lang (maximaal ${max} tekens).`);
  return trimmed;
}

export function requiredDate(p: Fields, field: string, label: string): IsoDate {
  const value = p[field];
  if (isBlank(value)) fail(field, `Vul ${label} in.`);
  if (typeof value !== 'string' || !isIsoDate(value))
    fail(field, `${capitalise(label)} is geen geldige datum (JJJJ-MM-DD).`);
  return value;
}

/**
 * The date of something the step records: today when left out (unless required), not after
 * today (unless it may lie ahead), and not before `earliest` when given.
 */
export function stepDate(
  p: Fields,
  field: string,
  label: string,
  today: IsoDate,
  options: { required?: boolean; mayLieAhead?: boolean; earliest?: { date: IsoDate; message: string } } = {},
): IsoDate {
  const date = isBlank(p[field]) && !options.required ? today : requiredDate(p, field, label);
  if (!options.mayLieAhead && compareDates(date, today) > 0) {
    fail(field, `${capitalise(label)} kan niet in de toekomst liggen.`);
  }
  if (options.earliest) notBefore(date, options.earliest.date, field, options.earliest.message);
  return date;
}

export function notBefore(date: IsoDate, earliest: IsoDate, field: string, message: string): IsoDate {
  if (compareDates(date, earliest) < 0) fail(field, message);
  return date;
}

export function requiredBoolean(p: Fields, field: string, label: string): boolean {
  const value = p[field];
  if (typeof value !== 'boolean') fail(field, `Geef aan of ${label}.`);
  return value;
}

/** A confirmation the covenant asks for: anything but `true` fails with `message`. */
export function requiredTrue(p: Fields, field: string, label: string, message: string): true {
  if (!requiredBoolean(p, field, label)) fail(field, message);
  return true;
}

export function oneOf<T extends string>(p: Fields, field: string, values: readonly T[], message: string): T {
  const value = p[field];
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) fail(field, message);
  return value as T;
}

function capitalise(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
