/**
 * A signal into the outbox (DESIGN.md "Sending"): when it is sent, a card for every contact of
 * the receiving side (8.2 "direct aan elkaar") and one for the sender; when it changes (the
 * acknowledgement), every card of it that was posted, updated in place. The worker delivers.
 *
 * SignalService stores who must hear of it with the signal itself (`pendingNotifications`,
 * src/outbox/pending.ts); this relays those entries — in the turn, or from the worker's sweep after
 * a crash (bot/outbox/relay-sweep.ts) — and takes them off the signal.
 */
import type { Signal } from '../../src/signals/signal';
import type { Store } from '../../src/storage/ports';
import type { Clock } from '../../src/time/dates';
import { sideRecipients, viewerFor, type Recipient } from '../outbox/party-recipients';
import { signalCardKey, signalMessage } from '../outbox/signal-message';

export interface NotifySignalDeps {
  store: Pick<Store, 'parties' | 'conversations' | 'cardActivities' | 'outbox' | 'signals'>;
  clock: Clock;
}

/** After a send: relays it; returns the receiving contacts Teams cannot reach, by name, for the sender to know. */
export async function notifySignalSent(deps: NotifySignalDeps, signal: Signal): Promise<{ unreachable: string[] }> {
  const receiving = await sideRecipients(deps.store, signal.to.partyId, signal.to.side);
  await relaySignalNotifications(deps, signal, receiving.recipients);
  return { unreachable: receiving.unreachable };
}

/** After an acknowledgement: every card of the signal that was posted shows its new version. */
export async function notifySignalChanged(deps: NotifySignalDeps, signal: Signal): Promise<void> {
  await relaySignalNotifications(deps, signal);
}

/**
 * Enqueues the messages of every entry in `signal.pendingNotifications` (as read), then takes those
 * entries off the stored signal. Idempotent, as the ids come from signal, version and conversation.
 * `receiving`: the receiving side's recipients, where the caller looked them up already.
 */
export async function relaySignalNotifications(
  deps: NotifySignalDeps,
  signal: Signal,
  receiving?: readonly Recipient[],
): Promise<number> {
  const pending = signal.pendingNotifications ?? [];
  if (pending.length === 0) return 0;
  for (const entry of pending) {
    let recipients: readonly Recipient[];
    if (entry.event === 'sent') {
      const others = receiving ?? (await sideRecipients(deps.store, signal.to.partyId, signal.to.side)).recipients;
      const sender: Recipient[] = entry.senderConversationKey
        ? [{ conversationKey: entry.senderConversationKey, viewer: viewerFor(signal.from.side, signal.from.partyId) }]
        : [];
      recipients = [...others, ...sender];
    } else {
      const cards = await deps.store.cardActivities.listForNomination(signalCardKey(signal.id));
      recipients = cards.map((card) => ({ conversationKey: card.conversationKey, viewer: card.viewer }));
    }
    await enqueue(deps, signal.id, entry.version, recipients);
  }
  await deps.store.signals.clearPendingNotifications(
    signal.id,
    pending.map((entry) => entry.id),
  );
  return pending.length;
}

async function enqueue(
  deps: NotifySignalDeps,
  signalId: string,
  version: number,
  recipients: readonly Recipient[],
): Promise<void> {
  const at = deps.clock().toISOString();
  const seen = new Set<string>();
  for (const recipient of recipients) {
    if (seen.has(recipient.conversationKey)) continue;
    seen.add(recipient.conversationKey);
    await deps.store.outbox.enqueue(signalMessage(signalId, version, recipient, at));
  }
}
