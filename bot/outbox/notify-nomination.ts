/**
 * Turns a nomination change into outbox messages (DESIGN.md "Sending"), one per conversation:
 * each landlord's fixed contacts (5.1, 5.3) get the landlord view card, the nominating counsellor
 * the organisation's card, and every card sent before is updated in place. The worker
 * (worker.ts) delivers them; this only decides who and stores the messages.
 *
 * Who must hear of a change was stored with the change (`pendingNotifications`, written by
 * NominationService in the same compare-and-set; src/outbox/pending.ts). This relays those entries
 * — right after the change in the same turn (notifyNominationChange), or from the worker's sweep
 * after a crash (relay-sweep.ts) — and then takes them off the nomination.
 */
import type { Nomination } from '../../src/nomination/nomination';
import type { Notification, PendingNominationNotification } from '../../src/nomination/notifications';
import type { ServiceResult } from '../../src/nomination/service';
import type { Contact, Party } from '../../src/parties/party';
import type { CardActivityRecord } from '../../src/storage/card-activity-port';
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
  store: Pick<Store, 'parties' | 'conversations' | 'cardActivities' | 'outbox' | 'nominations'>;
  clock: Clock;
}

/**
 * After a step in a turn: relays what the nomination has pending (this step's notifications, and
 * any an earlier turn left), and reports which landlord contacts this step could not reach.
 */
export async function notifyNominationChange(deps: NotifyDeps, result: ServiceResult): Promise<NotifyOutcome> {
  if (!result.ok) return { unreachableContacts: [] };
  const landlords = new LandlordDeliveries(deps.store);
  await relayNominationNotifications(deps, result.nomination, landlords);
  const unreachableContacts: UnreachableContact[] = [];
  // Also for a retried step, whose notifications went out the first time.
  for (const landlordId of landlordsToTell(result.notifications)) {
    unreachableContacts.push(...(await landlords.of(landlordId)).unreachable);
  }
  return { unreachableContacts };
}

/**
 * Enqueues the messages of every entry in `nomination.pendingNotifications` (as read: the caller's
 * copy), then takes those entries off the stored nomination. Enqueueing is idempotent (the ids come
 * from nomination, version and conversation), so running this twice, or concurrently with the
 * sweep, stores every message once. Returns how many entries it relayed.
 */
export async function relayNominationNotifications(
  deps: NotifyDeps,
  nomination: Nomination,
  landlords = new LandlordDeliveries(deps.store),
): Promise<number> {
  const pending = nomination.pendingNotifications ?? [];
  if (pending.length === 0) return 0;
  const cards = await deps.store.cardActivities.listForNomination(nomination.id);
  const at = deps.clock().toISOString();
  for (const entry of pending) {
    for (const delivery of await deliveriesFor(deps.store, nomination, entry, cards, landlords)) {
      await deps.store.outbox.enqueue(statusMessage(nomination.id, entry.version, delivery, at));
    }
  }
  await deps.store.nominations.clearPendingNotifications(
    nomination.id,
    pending.map((entry) => entry.id),
  );
  return pending.length;
}

/** One change's conversations, each once: the landlords' contacts, the counsellor, the cards sent before. */
async function deliveriesFor(
  store: NotifyDeps['store'],
  nomination: Nomination,
  entry: PendingNominationNotification,
  cards: readonly CardActivityRecord[],
  landlords: LandlordDeliveries,
): Promise<StatusDelivery[]> {
  const deliveries = new Map<string, StatusDelivery>();
  const add = (delivery: StatusDelivery) => {
    if (!deliveries.has(delivery.conversationKey)) deliveries.set(delivery.conversationKey, delivery);
  };
  for (const landlordId of landlordsToTell(entry.notifications))
    (await landlords.of(landlordId)).deliveries.forEach(add);
  if (entry.notifications.some((n) => n.audience === 'nominating-organisation')) {
    const counsellor = await counsellorDelivery(store, nomination);
    if (counsellor) add(counsellor);
  }
  // Cards sent before stay current, also where nobody needs telling: a colleague's, another landlord's.
  for (const card of cards) add({ conversationKey: card.conversationKey, viewer: card.viewer });
  return [...deliveries.values()];
}

/** The landlords the lifecycle says must hear of this step (notifications.ts). */
function landlordsToTell(notifications: readonly Notification[]): string[] {
  const ids = notifications.flatMap((n) => (n.audience === 'landlords' ? (n.landlordIds ?? []) : []));
  return [...new Set(ids)];
}

/** landlordDeliveries per landlord, looked up once per relay. */
export class LandlordDeliveries {
  private readonly found = new Map<string, ReturnType<typeof landlordDeliveries>>();

  constructor(private readonly store: NotifyDeps['store']) {}

  of(landlordId: string): ReturnType<typeof landlordDeliveries> {
    let found = this.found.get(landlordId);
    if (!found) {
      found = landlordDeliveries(this.store, landlordId);
      this.found.set(landlordId, found);
    }
    return found;
  }
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
