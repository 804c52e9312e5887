/**
 * ISO 8601 weeks of local (Amsterdam) dates: Monday to Sunday, week 1 holds the year's first
 * Thursday. The weekly digest is keyed by its week ("2025-W36"), so each week posts once.
 */
import { addDays, formatIsoDate, parseIsoDate, type IsoDate } from '../time/dates';

/** e.g. "2025-W36" */
export type IsoWeekKey = string;

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday that starts the ISO week of `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function isoWeekKey(date: IsoDate): IsoWeekKey {
  // The week belongs to the year of its Thursday.
  const thursday = addDays(mondayOf(date), 3);
  const { year } = parseIsoDate(thursday);
  const week = Math.floor(dayOfYear(thursday) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** 0 for 1 January. */
function dayOfYear(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000);
}

/** The Monday of an ISO week given by its key; RangeError for a key that is no week. */
export function mondayOfWeek(key: IsoWeekKey): IsoDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) throw new RangeError(`not an ISO week: ${key}`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  // 4 January is always in week 1.
  const monday = addDays(mondayOf(formatIsoDate(year, 1, 4)), (week - 1) * 7);
  if (week < 1 || isoWeekKey(monday) !== key) throw new RangeError(`no such ISO week: ${key}`);
  return monday;
}
