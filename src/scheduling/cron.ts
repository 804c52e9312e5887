/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week) for DIGEST_CRON:
 * numbers, lists, ranges, steps and '*'; day-of-week 0–7 (0 and 7 are Sunday) or sun…sat.
 * As in classic cron, when both day fields are restricted a day matching either one counts.
 */
export class CronError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CronError';
  }
}

export interface CronSpec {
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  /** 0 = Sunday … 6 = Saturday. */
  daysOfWeek: Set<number>;
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function parseCron(expression: string): CronSpec {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new CronError(`"${expression}": a cron expression has five fields`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  return {
    minutes: [...parseField(minute, 0, 59, 'minute')].sort((a, b) => a - b),
    hours: [...parseField(hour, 0, 23, 'hour')].sort((a, b) => a - b),
    daysOfMonth: parseField(dayOfMonth, 1, 31, 'day of month'),
    months: parseField(month, 1, 12, 'month'),
    daysOfWeek: new Set([...parseField(dayOfWeek.toLowerCase(), 0, 7, 'day of week', DAY_NAMES)].map((d) => d % 7)),
    dayOfMonthRestricted: dayOfMonth !== '*',
    dayOfWeekRestricted: dayOfWeek !== '*',
  };
}

/** Whether the schedule fires on this local day (isoWeekday 1 = Monday … 7 = Sunday). */
export function cronMatchesDay(spec: CronSpec, day: { month: number; day: number; isoWeekday: number }): boolean {
  if (!spec.months.has(day.month)) return false;
  const byDate = spec.daysOfMonth.has(day.day);
  const byWeekday = spec.daysOfWeek.has(day.isoWeekday % 7);
  if (spec.dayOfMonthRestricted && spec.dayOfWeekRestricted) return byDate || byWeekday;
  return byDate && byWeekday;
}

function parseField(field: string, min: number, max: number, what: string, names: string[] = []): Set<number> {
  const values = new Set<number>();
  for (const item of field.split(',')) {
    const match = /^(\*|([a-z0-9]+)(?:-([a-z0-9]+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new CronError(`${what}: "${item}" is not a number, range, list or step`);
    const from = match[1] === '*' ? min : value(match[2] as string, names, what);
    const to = match[1] === '*' ? max : match[3] !== undefined ? value(match[3], names, what) : from;
    // "5/15" means from 5 to the end in steps of 15.
    const end = match[4] !== undefined && match[3] === undefined && match[1] !== '*' ? max : to;
    const step = match[4] !== undefined ? Number(match[4]) : 1;
    if (from < min || end > max || from > end || step < 1) {
      throw new CronError(`${what}: "${item}" is outside ${min}–${max}`);
    }
    for (let v = from; v <= end; v += step) values.add(v);
  }
  return values;
}

function value(text: string, names: string[], what: string): number {
  const named = names.indexOf(text);
  if (named >= 0) return named;
  if (!/^\d+$/.test(text)) throw new CronError(`${what}: "${text}" is not a number`);
  return Number(text);
}
