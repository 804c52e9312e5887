/**
 * The digest's figures read from the store at one moment (10.2: counts only); the counting is in
 * digest-figures.ts. One read of the nominations concerned, counted fields only (platform-view-of.ts
 * says which, and why): besides the platform view's, those registered in this or the previous ISO
 * week (new nominations) and the temporary leases running (5.11 evaluations).
 */
import { mondayOf } from '../scheduling/iso-week';
import { zonedInstant } from '../scheduling/zoned-time';
import type { CountedCondition, Store } from '../storage/ports';
import { addDays, COVENANT_TIME_ZONE, localDate, type Clock } from '../time/dates';
import { platformView } from '../views/platform-view';
import { platformFiguresOf } from '../views/platform-view-of';
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
  const today = localDate(now);
  const monday = mondayOf(today);
  const at = (date: string) => zonedInstant(date, 0, 0, COVENANT_TIME_ZONE).toISOString();
  const weekStart = at(monday);
  const previousWeekStart = at(addDays(monday, -7));
  const digestConditions: CountedCondition[] = [
    // New nominations (digest-figures.ts counts them by ISO week of the local registration date).
    { registeredAt: { from: previousWeekStart, before: at(addDays(monday, 7)) } },
    // 5.11: evaluations are due only while the temporary lease runs (nextEvaluationDueOn).
    { states: ['lease-signed'] },
  ];
  const [read, outboxCounts, week, previousWeek] = await Promise.all([
    platformFiguresOf(store, today, digestConditions),
    store.outbox.countByStatus(),
    countSignals(options.signals, weekStart, now.toISOString()),
    countSignals(options.signals, previousWeekStart, weekStart),
  ]);
  return digestFigures({
    view: platformView(read.figures),
    nominations: read.counted,
    parties: read.parties,
    outboxCounts,
    signals: { week, previousWeek },
  });
}
