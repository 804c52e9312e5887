/** Small formatting shared by the platform cards: dates, week numbers, counts per type. */
import type { ByType } from '../../src/digest/digest-figures';
import type { IsoWeekKey } from '../../src/scheduling/iso-week';
import type { PlatformTexts } from '../i18n/platform.nl';

/** "8 september 2025" / "8 September 2025"; the date is a calendar date, so no time zone shifts it. */
export function longDate(date: string, texts: PlatformTexts): string {
  return new Intl.DateTimeFormat(texts.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function shortDate(date: string, texts: PlatformTexts): string {
  return new Intl.DateTimeFormat(texts.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );
}

/** "2025-W07" → { year: 2025, week: 7 } */
export function weekNumber(key: IsoWeekKey): { year: number; week: number } {
  const [year, week] = key.split('-W').map(Number);
  return { year: year ?? 0, week: week ?? 0 };
}

/** "3 (2 convenantwoning, 1 noodwoning)", or "0". */
export function countByType(counts: ByType, texts: PlatformTexts): string {
  if (counts.total === 0) return '0';
  const parts = (Object.keys(counts.byType) as (keyof ByType['byType'])[]).map(
    (type) => `${counts.byType[type]} ${texts.types[type]}`,
  );
  return `${counts.total} (${parts.join(', ')})`;
}
