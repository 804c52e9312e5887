/**
 * Turns a nomination change into outbox messages (DESIGN.md "Sending"), one per conversation:
 * each landlord's fixed contacts (5.1, 5.3) get the landlord view card, the nominating counsellor
 * the organisation's card, and every card sent before is updated in place. The worker
 * (worker.ts) delivers them; this only decides who and stores the messages.
 */
import type { Nomination } from '../../src/nomination/nomination';
import type { Notification } from '../../src/nomination/notifications';
import type { ServiceResult } from '../../src/nomination/service';
import type { Contact, Party } from '../../src/parties/party';
import type { ConversationReferenceRecord, Store } from '../../src/storage/ports';
import type { Clock } from '../../src/time/dates';
import { statusMessage, type StatusDelivery } from './nomination-message';

export interface UnreachableContact {
  name: string;
  landlordId: string;
}

export interface NotifyOutcome {
  /** Landlord contacts the bot cannot reach in Teams (the app not installed, or removed). */
  unreachableContacts: UnreachableContact[];
}

export interface NotifyDeps {
  store: Pick<Store, 'parties' | 'conversations' | 'cardActivities' | 'outbox'>;
  clock: Clock;
}

export async function notifyNominationChange(deps: NotifyDeps, result: ServiceResult): Promise<NotifyOutcome> {
  if (!result.ok) return { unreachableContacts: [] };
  const { nomination, notifications } = result;
  const deliveries = new Map<string, StatusDelivery>();
  const add = (delivery: StatusDelivery) => {
    if (!deliveries.has(delivery.conversationKey)) deliveries.set(delivery.conversationKey, delivery);
  };
  const unreachableContacts: UnreachableContact[] = [];

  for (const landlordId of landlordsToTell(notifications)) {
    const found = await landlordDeliveries(deps.store, landlordId);
    found.deliveries.forEach(add);
    unreachableContacts.push(...found.unreachable);
  }
  if (notifications.some((n) => n.audience === 'nominating-organisation')) {
    const counsellor = await counsellorDelivery(deps.store, nomination);
    if (counsellor) add(counsellor);
  }
  // Cards sent before stay current, also where nobody needs telling: a colleague's, another landlord's.
  // Only an "already there" answer changed nothing; a retry re-enqueues what its first run may have missed.
  if (notifications.length > 0 || !result.alreadyApplied) {
    for (const card of await deps.store.cardActivities.listForNomination(nomination.id)) {
      add({ conversationKey: card.conversationKey, viewer: card.viewer });
    }
  }

  const at = deps.clock().toISOString();
  const version = notifications[0]?.version ?? nomination.version;
  for (const delivery of deliveries.values()) {
    await deps.store.outbox.enqueue(statusMessage(nomination.id, version, delivery, at));
  }
  return { unreachableContacts };
}

/** The landlords the lifecycle says must hear of this step (notifications.ts). */
function landlordsToTell(notifications: readonly Notification[]): string[] {
  const ids = notifications.flatMap((n) => (n.audience === 'landlords' ? (n.landlordIds ?? []) : []));
  return [...new Set(ids)];
}

/**
 * 5.1: every fixed contact of the landlord in their 1:1 chat. Those the bot cannot reach are
 * reported; where the landlord has a team channel the bot is in, the card goes there for them.
 */
async function landlordDeliveries(
  store: NotifyDeps['store'],
  landlordId: string,
): Promise<{ deliveries: StatusDelivery[]; unreachable: UnreachableContact[] }> {
  const party = await store.parties.get(landlordId);
  if (!party) return { deliveries: [], unreachable: [] };
  const viewer = { audience: 'landlord' as const, partyId: party.id };
  const deliveries: StatusDelivery[] = [];
  const unreachable: UnreachableContact[] = [];
  for (const contact of party.contacts.filter((c) => c.role === 'landlord-contact')) {
    const reference = await personalReference(store, contact);
    if (reference) {
      deliveries.push({
        conversationKey: reference.key,
        viewer,
        recipientContactId: contact.id,
        recipientPartyId: party.id,
      });
    } else {
      unreachable.push({ name: contact.name, landlordId: party.id });
    }
  }
  const channel = unreachable.length > 0 || deliveries.length === 0 ? await teamChannel(store, party) : undefined;
  if (channel) deliveries.push({ conversationKey: channel.key, viewer });
  return { deliveries, unreachable };
}

async function counsellorDelivery(store: NotifyDeps['store'], n: Nomination): Promise<StatusDelivery | undefined> {
  const party = await store.parties.get(n.nominatingPartyId);
  const contact = party?.contacts.find((c) => c.id === n.nominatedByContactId);
  const reference = contact && (await personalReference(store, contact));
  if (!party || !contact || !reference) return undefined;
  return {
    conversationKey: reference.key,
    viewer: { audience: 'organisation', partyId: party.id },
    recipientContactId: contact.id,
    recipientPartyId: party.id,
  };
}

/**
 * The contact's 1:1 chat, unless a send there failed with 403/404 since it was stored: then the
 * app was removed, and only installing it again (a new reference) makes the contact reachable.
 */
export async function personalReference(
  store: Pick<Store, 'conversations'>,
  contact: Contact,
): Promise<ConversationReferenceRecord | undefined> {
  if (!contact.aadObjectId) return undefined;
  const reference = await store.conversations.get(`user:${contact.aadObjectId}`);
  if (!reference) return undefined;
  if (contact.unreachableSince && contact.unreachableSince >= reference.updatedAt) return undefined;
  return reference;
}

async function teamChannel(store: NotifyDeps['store'], party: Party): Promise<ConversationReferenceRecord | undefined> {
  return party.teamChannelId ? store.conversations.get(`conversation:${party.teamChannelId}`) : undefined;
}
