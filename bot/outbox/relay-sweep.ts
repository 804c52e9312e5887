/**
 * The crash recovery of "notifications in the same write as the change" (src/outbox/pending.ts):
 * the outbox worker looks for nominations and signals whose pending notifications are older than
 * RELAY_AFTER_MS — their turn's relay did not finish — and relays them. Running it on several
 * instances at once, or beside a turn's own relay, stores every message once (deterministic ids).
 */
import { RELAY_AFTER_MS } from '../../src/outbox/pending';
import type { Store } from '../../src/storage/ports';
import type { Clock } from '../../src/time/dates';
import { relaySignalNotifications } from '../signals/notify-signal';
import { relayNominationNotifications } from './notify-nomination';

export interface RelaySweepDeps {
  store: Pick<Store, 'parties' | 'conversations' | 'cardActivities' | 'outbox' | 'nominations' | 'signals'>;
  clock: Clock;
}

/** How many documents one sweep relays of each kind; the next sweep takes the rest. */
const SWEEP_LIMIT = 50;

/** Relays what was left pending for longer than RELAY_AFTER_MS; returns how many entries. */
export async function relayLeftBehind(deps: RelaySweepDeps): Promise<number> {
  const before = new Date(deps.clock().getTime() - RELAY_AFTER_MS).toISOString();
  let relayed = 0;
  for (const nomination of await deps.store.nominations.withPendingNotifications(before, SWEEP_LIMIT)) {
    relayed += await relayNominationNotifications(deps, nomination);
  }
  for (const signal of await deps.store.signals.withPendingNotifications(before, SWEEP_LIMIT)) {
    relayed += await relaySignalNotifications(deps, signal);
  }
  return relayed;
}
