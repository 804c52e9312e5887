/**
 * 5.6k: not evicted within the last three years, unless coming from a noodwoning.
 *
 * The store keeps the counsellor's confirmation only, never the eviction date (DESIGN.md, "Store
 * as little as the covenant needs"). The card asks for the date, derives the answer with these
 * helpers and drops the date.
 */
import type { ChecklistAnswer } from '../nomination/nomination';
import { addYears, compareDates, parseIsoDate, type IsoDate } from '../time/dates';

export const EVICTION_LOOKBACK_YEARS = 3;

/**
 * Whether an eviction on this date falls within the last three years. The window includes its
 * first day, as the 1c window does: an eviction exactly three years ago still counts, one a day
 * earlier no longer does. A date after today throws: a pending eviction is not an eviction yet,
 * and the card must not offer one.
 */
export function evictionCounts(lastEvictionOn: IsoDate | undefined, today: IsoDate): boolean {
  if (lastEvictionOn === undefined) return false;
  parseIsoDate(lastEvictionOn);
  if (compareDates(lastEvictionOn, today) > 0) throw new RangeError(`eviction date after today: ${lastEvictionOn}`);
  return compareDates(lastEvictionOn, addYears(today, -EVICTION_LOOKBACK_YEARS)) >= 0;
}

/** The 5.6k answer for an eviction date, and whether the candidate comes from a noodwoning. */
export function evictionAnswer(
  lastEvictionOn: IsoDate | undefined,
  comesFromNoodwoning: boolean,
  today: IsoDate,
): ChecklistAnswer {
  if (!evictionCounts(lastEvictionOn, today)) return { status: 'met' };
  return { status: comesFromNoodwoning ? 'exception' : 'not-met' };
}
