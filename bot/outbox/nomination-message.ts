/**
 * The outbox message that puts a nomination's status card in one conversation. It names the
 * nomination, version and viewer only: the card is rendered when it is sent, from the nomination
 * as it is then and in the recipient's language, so the outbox holds no personal data and a late
 * message never shows an old state.
 */
import { z } from 'zod';
import type { OutboxMessage } from '../../src/outbox/outbox';
import type { CardViewer } from '../../src/storage/card-activity-port';

export const NOMINATION_STATUS_KIND = 'nomination-status';

const payloadSchema = z.object({
  nominationId: z.string().min(1),
  version: z.number().int().nonnegative(),
  viewer: z.object({ audience: z.enum(['landlord', 'organisation']), partyId: z.string().min(1) }),
  /** The party of recipientContactId, to mark that contact unreachable on 403/404. */
  recipientPartyId: z.string().optional(),
  /** Update this very activity (a card answered with "bezig") instead of the conversation's tracked card. */
  replaceActivityId: z.string().optional(),
});
export type NominationStatusPayload = z.infer<typeof payloadSchema>;

export function readNominationStatusPayload(message: OutboxMessage): NominationStatusPayload | undefined {
  if (message.kind !== NOMINATION_STATUS_KIND) return undefined;
  const parsed = payloadSchema.safeParse(message.payload);
  return parsed.success ? parsed.data : undefined;
}

export interface StatusDelivery {
  conversationKey: string;
  viewer: CardViewer;
  recipientContactId?: string;
  recipientPartyId?: string;
  replaceActivityId?: string;
}

/** Deterministic id: a retried step enqueues nothing new (`${nominationId}:v${version}:${recipientKey}`). */
export function statusMessage(
  nominationId: string,
  version: number,
  delivery: StatusDelivery,
  at: string,
): Omit<OutboxMessage, 'status' | 'attempts'> {
  const { conversationKey, viewer, recipientContactId, recipientPartyId, replaceActivityId } = delivery;
  const recipientKey = replaceActivityId ? `${conversationKey}:replace:${replaceActivityId}` : conversationKey;
  const payload: NominationStatusPayload = {
    nominationId,
    version,
    viewer,
    ...(recipientPartyId && { recipientPartyId }),
    ...(replaceActivityId && { replaceActivityId }),
  };
  return {
    id: `${nominationId}:v${version}:${recipientKey}`,
    conversationKey,
    ...(recipientContactId && { recipientContactId }),
    kind: NOMINATION_STATUS_KIND,
    payload,
    notBefore: at,
    createdAt: at,
  };
}
