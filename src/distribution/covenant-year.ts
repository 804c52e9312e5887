import { isIsoDate, localDate, parseIsoDate } from '../time/dates';

/**
 * The calendar year (Amsterdam) of a date or an instant. Covenant dates are stored
 * either as ISO dates ("2025-12-31") or as instants ("2025-12-31T23:30:00Z", which is
 * already 2026 in Amsterdam); the yearly counts of art. 9 and 6.4 go by the local date.
 */
export function covenantYearOf(dateOrInstant: string): number {
  const date = isIsoDate(dateOrInstant) ? dateOrInstant : localDate(new Date(dateOrInstant));
  return parseIsoDate(date).year;
}
