/**
 * When the weekly platform digest is due (art. 3: the platform monitors the covenant; 11).
 * Each ISO week has one slot: the configured weekday and time (default Monday 09:00), or the
 * first moment in that week a DIGEST_CRON expression names — later matches in the same week do
 * nothing, because the digest is keyed by its week.
 *
 * Missed digests: only the latest slot that has passed is ever due. A bot that was down over a
 * slot posts that week's digest once when it is back (a first start-up posts the current week's
 * at once too); weeks missed before it are not posted at all: the store keeps no past states, so
 * a backlog would only repeat today's figures under old weeks' titles.
 */
import { addDays, localDate, parseIsoDate, type IsoDate } from '../time/dates';
import { cronMatchesDay, parseCron, type CronSpec } from './cron';
import { isoWeekKey, mondayOf, type IsoWeekKey } from './iso-week';
import { zonedInstant } from './zoned-time';

/** Same shape as bot/config.ts's DigestSchedule (src/ may not import bot/). */
export type DigestSchedule =
  { kind: 'weekly'; isoWeekday: number; hour: number; minute: number } | { kind: 'cron'; expression: string };

export interface DigestSlot {
  isoWeek: IsoWeekKey;
  at: Date;
}

// A yearly cron expression ("0 9 1 1 *") has a slot at most 53 weeks back.
const WEEKS_TO_LOOK_BACK = 54;

/** Parses a cron schedule once; throws CronError for an expression out of range. */
export type CompiledSchedule =
  { kind: 'weekly'; isoWeekday: number; hour: number; minute: number } | { kind: 'cron'; spec: CronSpec };

export function compileSchedule(schedule: DigestSchedule): CompiledSchedule {
  return schedule.kind === 'cron' ? { kind: 'cron', spec: parseCron(schedule.expression) } : schedule;
}

/** The week's slot, or undefined when a cron expression names no moment in that week. */
export function slotInWeek(schedule: CompiledSchedule, monday: IsoDate, timeZone: string): Date | undefined {
  if (schedule.kind === 'weekly') {
    return zonedInstant(addDays(monday, schedule.isoWeekday - 1), schedule.hour, schedule.minute, timeZone);
  }
  const { spec } = schedule;
  for (let offset = 0; offset < 7; offset++) {
    const date = addDays(monday, offset);
    const { month, day } = parseIsoDate(date);
    if (cronMatchesDay(spec, { month, day, isoWeekday: offset + 1 })) {
      // The day's first moment: the smallest hour and minute the expression allows.
      return zonedInstant(date, spec.hours[0] as number, spec.minutes[0] as number, timeZone);
    }
  }
  return undefined;
}

/** The latest slot at or before `now`: the digest that should have been posted by now. */
export function latestDueSlot(schedule: CompiledSchedule, now: Date, timeZone: string): DigestSlot | undefined {
  let monday = mondayOf(localDate(now, timeZone));
  for (let week = 0; week < WEEKS_TO_LOOK_BACK; week++) {
    const at = slotInWeek(schedule, monday, timeZone);
    if (at && at.getTime() <= now.getTime()) return { isoWeek: isoWeekKey(monday), at };
    monday = addDays(monday, -7);
  }
  return undefined;
}
