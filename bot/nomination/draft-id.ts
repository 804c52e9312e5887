/**
 * Ids that make a retry harmless. The form id comes from the activity that opened the card, and
 * the draft id from the form id and the counsellor: Teams resending a card action, a double
 * click, or the Action.Submit fallback's card still in the chat all land on the same draft.
 */
import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);
}

export function formIdOf(activity: Partial<Activity>): string {
  return digest('form', activity.conversation?.id ?? '', activity.id ?? '', activity.from?.aadObjectId ?? '');
}

export function draftIdFor(contactId: string, formId: string): string {
  return `nom-${digest('draft', contactId, formId)}`;
}
