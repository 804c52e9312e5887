/** The digest's figures read from the store at one moment (10.2: counts only); the counting is in digest-figures.ts. */
import { mondayOf } from '../scheduling/iso-week';
import { zonedInstant } from '../scheduling/zoned-time';
import type { Store } from '../storage/ports';
import { addDays, COVENANT_TIME_ZONE, localDate, type Clock } from '../time/dates';
import { platformViewOf } from '../views/platform-view-of';
import { digestFigures, type DigestFigures } from './digest-figures';
import { countSignals, type SignalCounter } from './signal-counts';

export type DigestStore = Pick<Store, 'nominations' | 'distributions' | 'parties' | 'outbox'>;

export async function digestFiguresOf(
  store: DigestStore,
  clock: Clock,
  options: { signals?: SignalCounter } = {},
): Promise<DigestFigures> {
  // One moment for every read, so the week and the view agree even at midnight.
  const now = clock();
  const at: Clock = () => now;
  const monday = mondayOf(localDate(now));
  const weekStart = zonedInstant(monday, 0, 0, COVENANT_TIME_ZONE).toISOString();
  const previousWeekStart = zonedInstant(addDays(monday, -7), 0, 0, COVENANT_TIME_ZONE).toISOString();
  const [view, nominations, parties, outboxCounts, week, previousWeek] = await Promise.all([
    platformViewOf(store, at),
    store.nominations.find({}),
    store.parties.list(),
    store.outbox.countByStatus(),
    countSignals(options.signals, weekStart, now.toISOString()),
    countSignals(options.signals, previousWeekStart, weekStart),
  ]);
  return digestFigures({ view, nominations, parties, outboxCounts, signals: { week, previousWeek } });
}
