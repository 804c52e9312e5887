/**
 * The outbox messages of reminders. A nomination's reminder names the reminder and the viewer
 * only and is drawn when sent, in the recipient's language, from the nomination as it is then:
 * the outbox keeps no personal data. A platform reminder holds counts only (10.2), so it is
 * rendered when enqueued and posted as it is, like the weekly digest.
 * Ids are deterministic (src/reminders/reminder.ts): enqueued again, a reminder is stored once.
 */
import { z } from 'zod';
import { ADAPTIVE_CARD_CONTENT_TYPE, type CardAttachment } from '../../cards/render';
import type { OutboxMessage } from '../../src/outbox/outbox';
import {
  nominationReminderId,
  platformReminderId,
  type NominationReminder,
  type PlatformReminder,
  type TenancyReminderKind,
} from '../../src/reminders/reminder';
import type { Recipient } from '../outbox/party-recipients';

export const REMINDER_KIND = 'reminder';
export const PLATFORM_REMINDER_KIND = 'platform-reminder';

const TENANCY_KINDS = [
  'offer-target-approaching',
  'offer-target-passed',
  'evaluation-due',
  'temporary-lease-ending',
] as const satisfies readonly TenancyReminderKind[];

const reminderSchema = z.object({
  reminderKind: z.enum(TENANCY_KINDS),
  nominationId: z.string().min(1),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  viewer: z.object({ audience: z.enum(['landlord', 'organisation']), partyId: z.string().min(1) }),
  recipientPartyId: z.string().optional(),
});
export type ReminderPayload = z.infer<typeof reminderSchema>;

export function readReminderPayload(message: Pick<OutboxMessage, 'kind' | 'payload'>): ReminderPayload | undefined {
  if (message.kind !== REMINDER_KIND) return undefined;
  const parsed = reminderSchema.safeParse(message.payload);
  return parsed.success ? parsed.data : undefined;
}

export function reminderMessage(
  reminder: NominationReminder,
  recipient: Recipient,
  at: string,
): Omit<OutboxMessage, 'status' | 'attempts'> {
  const { conversationKey, viewer, recipientContactId, recipientPartyId } = recipient;
  const payload: ReminderPayload = {
    reminderKind: reminder.kind,
    nominationId: reminder.nominationId,
    dueDate: reminder.dueDate,
    viewer,
    ...(recipientPartyId && { recipientPartyId }),
  };
  return {
    id: nominationReminderId(reminder, conversationKey),
    conversationKey,
    ...(recipientContactId && { recipientContactId }),
    kind: REMINDER_KIND,
    payload,
    notBefore: at,
    createdAt: at,
  };
}

const platformSchema = z.object({
  card: z.object({
    contentType: z.literal(ADAPTIVE_CARD_CONTENT_TYPE),
    content: z.record(z.string(), z.unknown()),
  }),
});
export type PlatformReminderPayload = z.infer<typeof platformSchema>;

export function readPlatformReminderPayload(
  message: Pick<OutboxMessage, 'kind' | 'payload'>,
): PlatformReminderPayload | undefined {
  if (message.kind !== PLATFORM_REMINDER_KIND) return undefined;
  const parsed = platformSchema.safeParse(message.payload);
  return parsed.success ? parsed.data : undefined;
}

export function platformReminderMessage(
  reminder: PlatformReminder,
  card: CardAttachment,
  platformChannelId: string,
  at: string,
): Omit<OutboxMessage, 'status' | 'attempts'> {
  // MongoDB (and FerretDB, Cosmos DB) refuse field names starting with '$'.
  const { $schema: _schema, ...content } = card.content;
  return {
    id: platformReminderId(reminder),
    conversationKey: `conversation:${platformChannelId}`,
    kind: PLATFORM_REMINDER_KIND,
    payload: { card: { ...card, content } },
    notBefore: at,
    createdAt: at,
  };
}
