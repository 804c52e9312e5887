/**
 * The reminder card (5.4, 5.11, 4.9, 6.4, 2b/9): a title, what is due and why, a few facts, and
 * for a nomination "Open" (the status card). The bot fills in every text in the reader's language
 * (bot/reminders/); a platform reminder carries counts only and no button.
 */
import { renderCard, type CardAttachment } from '../render';
import template from './reminder.card.json' with { type: 'json' };

export interface ReminderCardData {
  title: string;
  text: string;
  facts: { title: string; value: string }[];
  /** "Open" on a nomination's reminder: the status card's OPEN_NOMINATION_VERB (nomination.open). */
  open?: { title: string; nominationId: string };
}

export function reminderCard(data: ReminderCardData): CardAttachment {
  return renderCard(template, { ...data, open: data.open ?? null });
}
