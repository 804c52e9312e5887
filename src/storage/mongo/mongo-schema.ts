/**
 * Collection names and indexes. Only plain ascending indexes: no TTL or partial indexes and no
 * collations, which Cosmos DB for MongoDB and FerretDB do not all support (DESIGN.md "Storage").
 * Idempotency comes from the unique `_id` every collection has.
 */
import type { Db, IndexDescription } from 'mongodb';

export const COLLECTIONS = {
  parties: 'parties',
  nominations: 'nominations',
  conversations: 'conversations',
  outbox: 'outbox',
  audit: 'audit',
  distributions: 'distributions',
  leases: 'leases',
  // Who may write a versioned document's next version (mongo-claims.ts); found by _id only.
  claims: 'claims',
  cardActivities: 'cardActivities',
  signals: 'signals',
} as const;

/** Lowercased copy of the contacts' e-mail addresses: a case-insensitive lookup that can use an index. */
export const CONTACT_EMAIL_KEYS = 'contactEmailKeys';

export const INDEXES: Record<string, IndexDescription[]> = {
  [COLLECTIONS.parties]: [
    { name: 'contacts_aadObjectId', key: { 'contacts.aadObjectId': 1 } },
    { name: 'contactEmailKeys', key: { [CONTACT_EMAIL_KEYS]: 1 } },
  ],
  [COLLECTIONS.nominations]: [
    // A landlord's queue in registration order (5.4).
    { name: 'landlord_state_registeredAt', key: { targetLandlordIds: 1, state: 1, registeredAt: 1 } },
    // A care organisation's own nominations.
    { name: 'nominatingParty_state', key: { nominatingPartyId: 1, state: 1 } },
    // Retention: closed nominations past the retention period.
    { name: 'state_closedAt', key: { state: 1, closedAt: 1 } },
    // The sort of every find(): Cosmos DB (RU) refuses a sort on several fields without a matching index.
    { name: 'registration_order', key: { registeredAt: 1, createdAt: 1, _id: 1 } },
    // The year's offers and leases, counted for the digest, the distribution (9) and 6.4 (findCounted).
    { name: 'offer_madeOn', key: { 'offer.madeOn': 1 } },
    { name: 'lease_signedOn', key: { 'lease.signedOn': 1 } },
    // The outbox worker's sweep for notifications a crash left unrelayed (src/outbox/pending.ts).
    { name: 'pendingNotifications_at', key: { 'pendingNotifications.at': 1 } },
  ],
  [COLLECTIONS.outbox]: [
    { name: 'status_notBefore', key: { status: 1, notBefore: 1 } },
    // Finding messages whose worker died mid-send (lease ran out).
    { name: 'status_leaseUntil', key: { status: 1, leaseUntil: 1 } },
    // The claim order (oldest first), for Cosmos DB as above.
    { name: 'claim_order', key: { notBefore: 1, createdAt: 1, _id: 1 } },
    // In order per conversation: is an older message of this conversation still unsent (claimNext)?
    { name: 'conversation_status', key: { conversationKey: 1, status: 1 } },
  ],
  // An object's trail in time order; _id settles ties (and serves the sort on Cosmos DB).
  [COLLECTIONS.audit]: [{ name: 'objectId_at', key: { 'object.id': 1, at: 1, _id: 1 } }],
  // The cards of one nomination, to update them all in place after a change.
  [COLLECTIONS.cardActivities]: [{ name: 'nomination_conversation', key: { nominationId: 1, conversationKey: 1 } }],
  [COLLECTIONS.signals]: [
    // A tenancy's signals in the order they were sent.
    { name: 'nomination_sentAt', key: { nominationId: 1, sentAt: 1, _id: 1 } },
    // The digest's counts per week (10.2: counts only).
    { name: 'sentAt', key: { sentAt: 1 } },
    // As for nominations: the sweep for unrelayed notifications.
    { name: 'pendingNotifications_at', key: { 'pendingNotifications.at': 1 } },
  ],
};

/**
 * Creates the indexes that are missing; idempotent, so every instance runs it at start-up.
 * Only the missing ones, one call each: FerretDB 1.24 panics (and drops the connection) when
 * createIndexes is given indexes that exist already, so a restart against its data would fail.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  await Promise.all(
    Object.entries(INDEXES).map(async ([name, indexes]) => {
      const collection = db.collection(name);
      const existing = new Set(
        (
          await collection
            .listIndexes()
            .toArray()
            .catch(() => [])
        ).map((index) => index.name),
      );
      for (const index of indexes.filter((index) => !existing.has(index.name))) {
        await collection.createIndexes([index]);
      }
    }),
  );
}
