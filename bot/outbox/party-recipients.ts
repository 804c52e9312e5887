/**
 * Who on one side of a tenancy hears of a signal or a reminder: the party's fixed contacts (5.1)
 * of that side — a landlord's contacts, or the organisation's counsellors and casemanagers — each
 * in their 1:1 chat; where some cannot be reached and the party has a team channel with the bot,
 * that channel too (as status cards, notify-nomination.ts). Never anyone of another party.
 */
import { sideOf, type Side } from '../../src/nomination/actor';
import type { Store } from '../../src/storage/ports';
import type { CardViewer } from '../../src/storage/card-activity-port';
import { personalReference } from './notify-nomination';

export interface Recipient {
  conversationKey: string;
  viewer: CardViewer;
  /** To mark the contact unreachable on 403/404. */
  recipientContactId?: string;
  recipientPartyId?: string;
}

export type RecipientStore = Pick<Store, 'parties' | 'conversations'>;

export function viewerFor(side: Side, partyId: string): CardViewer {
  return { audience: side === 'landlord' ? 'landlord' : 'organisation', partyId };
}

export async function sideRecipients(
  store: RecipientStore,
  partyId: string,
  side: Side,
): Promise<{ recipients: Recipient[]; unreachable: string[] }> {
  const party = await store.parties.get(partyId);
  if (!party) return { recipients: [], unreachable: [] };
  const viewer = viewerFor(side, party.id);
  const recipients: Recipient[] = [];
  const unreachable: string[] = [];
  for (const contact of party.contacts.filter((c) => sideOf(c.role) === side)) {
    const reference = await personalReference(store, contact);
    if (!reference) {
      unreachable.push(contact.name);
      continue;
    }
    recipients.push({
      conversationKey: reference.key,
      viewer,
      recipientContactId: contact.id,
      recipientPartyId: party.id,
    });
  }
  if ((unreachable.length > 0 || recipients.length === 0) && party.teamChannelId) {
    const channel = await store.conversations.get(`conversation:${party.teamChannelId}`);
    if (channel) recipients.push({ conversationKey: channel.key, viewer });
  }
  return { recipients, unreachable };
}
