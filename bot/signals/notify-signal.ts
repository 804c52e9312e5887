/**
 * A signal into the outbox (DESIGN.md "Sending"): when it is sent, a card for every contact of
 * the receiving side (8.2 "direct aan elkaar") and one for the sender; when it changes (the
 * acknowledgement), every card of it that was posted, updated in place. The worker delivers.
 */
import type { Signal } from '../../src/signals/signal';
import type { Store } from '../../src/storage/ports';
import type { Clock } from '../../src/time/dates';
import { sideRecipients, viewerFor, type Recipient } from '../outbox/party-recipients';
import { signalCardKey, signalMessage } from '../outbox/signal-message';

export interface NotifySignalDeps {
  store: Pick<Store, 'parties' | 'conversations' | 'cardActivities' | 'outbox'>;
  clock: Clock;
}

/** Returns the receiving contacts Teams cannot reach, by name, for the sender to know. */
export async function notifySignalSent(
  deps: NotifySignalDeps,
  signal: Signal,
  senderConversationKey: string | undefined,
): Promise<{ unreachable: string[] }> {
  const { recipients, unreachable } = await sideRecipients(deps.store, signal.to.partyId, signal.to.side);
  const sender: Recipient[] = senderConversationKey
    ? [{ conversationKey: senderConversationKey, viewer: viewerFor(signal.from.side, signal.from.partyId) }]
    : [];
  await enqueue(deps, signal, [...recipients, ...sender]);
  return { unreachable };
}

/** Every card of the signal that was posted shows its new version. */
export async function notifySignalChanged(deps: NotifySignalDeps, signal: Signal): Promise<void> {
  const cards = await deps.store.cardActivities.listForNomination(signalCardKey(signal.id));
  await enqueue(
    deps,
    signal,
    cards.map((card) => ({ conversationKey: card.conversationKey, viewer: card.viewer })),
  );
}

async function enqueue(deps: NotifySignalDeps, signal: Signal, recipients: readonly Recipient[]): Promise<void> {
  const at = deps.clock().toISOString();
  const seen = new Set<string>();
  for (const recipient of recipients) {
    if (seen.has(recipient.conversationKey)) continue;
    seen.add(recipient.conversationKey);
    await deps.store.outbox.enqueue(signalMessage(signal.id, signal.version, recipient, at));
  }
}
