/**
 * The outbox message that posts a week's digest in the platform channel (art. 3). Its id is the
 * ISO week (`digest:2025-W36`), so two instances — or one retrying — enqueue it once. Unlike a
 * nomination's card, the digest card is rendered when enqueued: it holds counts only (10.2), so
 * the outbox may keep it, and the platform sees the figures of the week's moment. The worker posts
 * `payload.card` as it is (readDigestPayload); the channel has no one reader's language, so Dutch.
 */
import { z } from 'zod';
import { ADAPTIVE_CARD_CONTENT_TYPE, type CardAttachment } from '../../cards/render';
import type { OutboxMessage } from '../../src/outbox/outbox';
import type { IsoWeekKey } from '../../src/scheduling/iso-week';

export const DIGEST_KIND = 'digest';

export function digestMessageId(isoWeek: IsoWeekKey): string {
  return `digest:${isoWeek}`;
}

/** Where a channel's reference is stored (bot/conversation.ts conversationKey). */
function channelConversationKey(channelId: string): string {
  return `conversation:${channelId}`;
}

const payloadSchema = z.object({
  isoWeek: z.string().regex(/^\d{4}-W\d{2}$/),
  card: z.object({
    contentType: z.literal(ADAPTIVE_CARD_CONTENT_TYPE),
    content: z.record(z.string(), z.unknown()),
  }),
});
/** Its card is a CardAttachment: what the worker's ProactiveSender posts. */
export type DigestPayload = z.infer<typeof payloadSchema>;

/** The digest in an outbox message, or undefined when it is another kind (or malformed). */
export function readDigestPayload(message: Pick<OutboxMessage, 'kind' | 'payload'>): DigestPayload | undefined {
  if (message.kind !== DIGEST_KIND) return undefined;
  const parsed = payloadSchema.safeParse(message.payload);
  return parsed.success ? parsed.data : undefined;
}

export function digestMessage(
  isoWeek: IsoWeekKey,
  card: CardAttachment,
  platformChannelId: string,
  at: string,
): Omit<OutboxMessage, 'status' | 'attempts'> {
  // MongoDB (and FerretDB, Cosmos DB) refuse field names starting with '$'; Teams has no use for the schema URL.
  const { $schema: _schema, ...content } = card.content;
  const payload: DigestPayload = { isoWeek, card: { ...card, content } };
  return {
    id: digestMessageId(isoWeek),
    conversationKey: channelConversationKey(platformChannelId),
    kind: DIGEST_KIND,
    payload: { ...payload },
    notBefore: at,
    createdAt: at,
  };
}
