/**
 * A local wall-clock time in a time zone as an instant: "Monday 09:00 in Amsterdam" is 08:00 UTC
 * in winter and 07:00 UTC in summer. Node has no such conversion built in; Intl gives the offset.
 */
import { parseIsoDate, type IsoDate } from '../time/dates';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Local time minus UTC at `instant`, in milliseconds (+3_600_000 for Amsterdam in winter). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - (instant.getTime() - instant.getUTCMilliseconds());
}

/**
 * The instant at which the clocks in `timeZone` show `date` `hour`:`minute`. In the night of a
 * daylight-saving change a time the clocks skip or show twice may land an hour off.
 */
export function zonedInstant(date: IsoDate, hour: number, minute: number, timeZone: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the wall time read as UTC is at most an hour wrong near a change; once more fixes it.
  const first = wall - zoneOffsetMs(new Date(wall), timeZone);
  return new Date(wall - zoneOffsetMs(new Date(first), timeZone));
}
