/**
 * 1c: a convenantwoning is for clients who are resident of Leidschendam-Voorburg for at least
 * six years, or were so for at least six uninterrupted years within the preceding ten years;
 * shorter only as maatwerk, which we ask to be motivated in writing.
 *
 * Dates are ISO local dates. A malformed string throws (parseIsoDate): the card validates the
 * shape, so reaching here with one is a bug. A well-formed but impossible period (in the future,
 * ending before it starts) is the counsellor's typo and becomes a blocking reason they can fix.
 */
import type { NominationType, ResidencyPeriod } from '../nomination/nomination';
import { addDays, addYears, compareDates, parseIsoDate, type IsoDate } from '../time/dates';
import { hasMotivation } from './motivation';
import type { ReasonCode } from './reason-codes';
import { makeReason } from './reasons';
import type { VerdictReason } from './verdict';

export const RESIDENCY_YEARS = 6;
export const RESIDENCY_WINDOW_YEARS = 10;

interface Stretch {
  from: IsoDate;
  to: IsoDate;
}

export function residencyPeriodProblems(periods: readonly ResidencyPeriod[], today: IsoDate): ReasonCode[] {
  parseIsoDate(today);
  const problems = new Set<ReasonCode>();
  for (const { from, to } of periods) {
    parseIsoDate(from);
    if (to !== undefined) parseIsoDate(to);
    if (compareDates(from, today) > 0 || (to !== undefined && compareDates(to, today) > 0)) {
      problems.add('residency-period-in-future');
    }
    if (to !== undefined && compareDates(to, from) < 0) problems.add('residency-period-ends-before-start');
  }
  return [...problems];
}

/**
 * Periods merged into uninterrupted stretches: overlapping ones, and adjacent ones where the
 * next starts on the day the previous ended or the day after (counsellors write both).
 * An open period runs to today. Expects valid periods (residencyPeriodProblems is empty).
 */
export function uninterruptedStretches(periods: readonly ResidencyPeriod[], today: IsoDate): Stretch[] {
  const sorted = periods.map((p) => ({ from: p.from, to: p.to ?? today })).sort((a, b) => compareDates(a.from, b.from));
  const merged: Stretch[] = [];
  for (const period of sorted) {
    const last = merged.at(-1);
    if (last && compareDates(period.from, addDays(last.to, 1)) <= 0) {
      if (compareDates(period.to, last.to) > 0) last.to = period.to;
    } else {
      merged.push({ ...period });
    }
  }
  return merged;
}

/**
 * Six uninterrupted years inside [today − 10 years, today]; a stretch that began before the
 * window counts only from the window's start. "Six years resident up to today" is the case of a
 * stretch ending today, so one test covers both of 1c's routes. Both edges count: a stretch of
 * exactly six years, and one starting exactly ten years ago. Year arithmetic clamps like
 * src/time/dates.ts, so six years from 29 February 2020 end on 28 February 2026.
 */
export function meetsResidencyDuration(periods: readonly ResidencyPeriod[], today: IsoDate): boolean {
  const windowStart = addYears(today, -RESIDENCY_WINDOW_YEARS);
  return uninterruptedStretches(periods, today).some((stretch) => {
    const start = compareDates(stretch.from, windowStart) < 0 ? windowStart : stretch.from;
    return compareDates(addYears(start, RESIDENCY_YEARS), stretch.to) <= 0;
  });
}

/** 1c reasons. The duration applies to convenantwoningen only: a noodwoning (1l, art. 6) sets none. */
export function residencyReasons(
  input: { type: NominationType; residency: readonly ResidencyPeriod[]; residencyMaatwerkMotivation?: string },
  today: IsoDate,
): VerdictReason[] {
  const problems = residencyPeriodProblems(input.residency, today);
  if (problems.length > 0) return problems.map(makeReason);
  if (input.type !== 'convenantwoning' || meetsResidencyDuration(input.residency, today)) return [];
  return [
    makeReason(
      hasMotivation(input.residencyMaatwerkMotivation)
        ? 'residency-short-with-motivation'
        : 'residency-short-without-motivation',
    ),
  ];
}
