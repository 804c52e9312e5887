/**
 * The outbox message that puts a signal's card in one conversation: the receiving side's contacts
 * at once, the sender's own copy, and later the same cards updated in place (the acknowledgement).
 * Like a nomination's status card it names ids and a version only and is drawn when sent, so the
 * outbox holds no note, amount or name. Its cards are tracked in the card-activity store under
 * `signal:<id>` (signalCardKey), beside the nominations' cards.
 */
import { z } from 'zod';
import type { OutboxMessage } from '../../src/outbox/outbox';
import type { Recipient } from './party-recipients';

export const SIGNAL_CARD_KIND = 'signal-card';

/** The key of a signal's cards in the card-activity store. */
export function signalCardKey(signalId: string): string {
  return `signal:${signalId}`;
}

const payloadSchema = z.object({
  signalId: z.string().min(1),
  version: z.number().int().nonnegative(),
  viewer: z.object({ audience: z.enum(['landlord', 'organisation']), partyId: z.string().min(1) }),
  recipientPartyId: z.string().optional(),
});
export type SignalCardPayload = z.infer<typeof payloadSchema>;

export function readSignalCardPayload(message: Pick<OutboxMessage, 'kind' | 'payload'>): SignalCardPayload | undefined {
  if (message.kind !== SIGNAL_CARD_KIND) return undefined;
  const parsed = payloadSchema.safeParse(message.payload);
  return parsed.success ? parsed.data : undefined;
}

/** Deterministic id: a retried send or acknowledgement enqueues nothing new. */
export function signalMessage(
  signalId: string,
  version: number,
  recipient: Recipient,
  at: string,
): Omit<OutboxMessage, 'status' | 'attempts'> {
  const { conversationKey, viewer, recipientContactId, recipientPartyId } = recipient;
  const payload: SignalCardPayload = { signalId, version, viewer, ...(recipientPartyId && { recipientPartyId }) };
  return {
    id: `${signalCardKey(signalId)}:v${version}:${conversationKey}`,
    conversationKey,
    ...(recipientContactId && { recipientContactId }),
    kind: SIGNAL_CARD_KIND,
    payload,
    notBefore: at,
    createdAt: at,
  };
}
