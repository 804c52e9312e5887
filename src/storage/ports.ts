/**
 * Storage ports: what the covenant stores, independent of the database.
 * Two adapters implement them (src/storage/memory, src/storage/mongo) and pass one
 * contract suite (test/src/storage/contract.test.ts).
 * Times are ISO strings in UTC ('…Z') and compared as strings, as the database compares them.
 *
 * Only what MongoDB, Cosmos DB for MongoDB and FerretDB all run (DESIGN.md "Storage"):
 * single-document atomic updates with a `version` field, unique indexes, simple aggregations.
 */
import type { AuditRecord } from '../audit/audit';
import type { YearDistribution } from '../distribution/distribution';
import type { Nomination, NominationState, NominationType } from '../nomination/nomination';
import type { OutboxMessage } from '../outbox/outbox';
import type { Party } from '../parties/party';
import type { CardActivityStore } from './card-activity-port';
import type { PendingNotificationStore } from './pending-port';
import type { SignalStore } from './signal-port';

/** Thrown when an update's expected version no longer matches: someone else acted first. */
export class VersionConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly expectedVersion: number,
  ) {
    super(`${collection} ${id}: version ${expectedVersion} is no longer current`);
    this.name = 'VersionConflictError';
  }
}

/** Thrown when an insert's id (or another unique key) exists already. */
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`${collection} ${id} exists already`);
    this.name = 'DuplicateKeyError';
  }
}

/** Thrown when the store cannot be reached; the bot answers "tijdelijk niet beschikbaar". */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('store unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

export interface PartyStore {
  list(): Promise<Party[]>;
  get(id: string): Promise<Party | undefined>;
  /** Inserts with version 1; DuplicateKeyError if the id exists. */
  insert(party: Omit<Party, 'version'>): Promise<Party>;
  /** Replaces when `party.version` is current; returns the stored party with version + 1. */
  update(party: Party): Promise<Party>;
  findByContactAadObjectId(aadObjectId: string): Promise<Party | undefined>;
  /** Case-insensitive e-mail match. */
  findByContactEmail(email: string): Promise<Party | undefined>;
}

export interface NominationQuery {
  nominatingPartyId?: string;
  /** Nominations addressed to this landlord (in targetLandlordIds). */
  landlordId?: string;
  states?: NominationState[];
  type?: NominationType;
  /**
   * Registration window: registeredAt, or createdAt for a nomination not (yet) registered;
   * registeredFrom inclusive, registeredBefore exclusive.
   */
  registeredFrom?: string;
  registeredBefore?: string;
  /** closedAt < closedBefore (nominations without closedAt never match). */
  closedBefore?: string;
  /** true: only erased nominations (erasedAt set); false: only those not erased. */
  erased?: boolean;
  limit?: number;
}

export interface NominationCounts {
  /** key: `${state}|${type}` → count */
  byStateAndType: Record<string, number>;
}

/** Also keeps the notifications of each change until they are in the outbox (src/outbox/pending.ts). */
export interface NominationStore extends PendingNotificationStore<Nomination> {
  /** Inserts with version 1; DuplicateKeyError if the id exists. */
  insert(nomination: Omit<Nomination, 'version'>): Promise<Nomination>;
  get(id: string): Promise<Nomination | undefined>;
  /**
   * Atomic compare-and-set: stores `next` (its version ignored) only if the stored
   * version equals `expectedVersion`, and returns it with version expectedVersion + 1.
   * VersionConflictError otherwise.
   */
  replace(next: Nomination, expectedVersion: number): Promise<Nomination>;
  /** Sorted by registeredAt (unregistered first), then createdAt, then id, ascending. */
  find(query: NominationQuery): Promise<Nomination[]>;
  /** Counts by state and type, for the platform (10.2: counts only). */
  countByStateAndType(query?: Pick<NominationQuery, 'registeredFrom' | 'registeredBefore'>): Promise<NominationCounts>;
  delete(id: string): Promise<boolean>;
}

/** Teams conversation references, so the bot can send proactively (issue 4). */
export interface ConversationReferenceRecord {
  /** e.g. `user:${aadObjectId}` or `channel:${channelId}`. */
  key: string;
  /** The botbuilder ConversationReference, stored as plain JSON. */
  reference: Record<string, unknown>;
  updatedAt: string;
}
export interface ConversationReferenceStore {
  upsert(record: ConversationReferenceRecord): Promise<void>;
  get(key: string): Promise<ConversationReferenceRecord | undefined>;
  delete(key: string): Promise<void>;
}

export interface OutboxStore {
  /** Idempotent: a message whose id exists is left as it is. Returns true if it was new. */
  enqueue(message: Omit<OutboxMessage, 'status' | 'attempts'>): Promise<boolean>;
  /**
   * Claims the oldest pending message with notBefore <= now that is not leased (or whose lease ran
   * out), setting status 'sending' and leaseUntil; one claimer wins. Undefined if none.
   * A 'sending' message whose leaseUntil <= now is claimable again: its worker died mid-send.
   * Oldest: notBefore, then createdAt, then id.
   * In order per conversation: a message is claimed only when every message enqueued before it
   * (createdAt, then id) for the same conversationKey is final (sent, failed, unreachable). One
   * waiting for its backoff, or leased to a worker, holds back the later ones of its conversation
   * and no other conversation's.
   */
  claimNext(now: string, leaseUntil: string): Promise<OutboxMessage | undefined>;
  markSent(id: string, at: string): Promise<void>;
  /** Back to pending with a later notBefore (backoff), attempts + 1. */
  reschedule(id: string, notBefore: string, error: string): Promise<void>;
  /** Final: no more attempts; attempts + 1 as for reschedule. */
  markFailed(id: string, status: 'failed' | 'unreachable', error: string): Promise<void>;
  get(id: string): Promise<OutboxMessage | undefined>;
  /** Statuses without messages are absent. */
  countByStatus(): Promise<Record<string, number>>;
}

export interface AuditStore {
  /** Append-only; idempotent on id (a record whose id exists is left as it is). */
  append(record: AuditRecord): Promise<void>;
  /** Sorted by at, then id. */
  listForObject(objectId: string): Promise<AuditRecord[]>;
}

export interface DistributionStore {
  get(year: number): Promise<YearDistribution | undefined>;
  /** Inserts (expectedVersion 0) or replaces when the version is current; VersionConflictError otherwise. */
  save(distribution: YearDistribution, expectedVersion: number): Promise<YearDistribution>;
}

/** A lease so that exactly one bot instance runs a scheduled job (DESIGN.md "Running it"). */
export interface LeaseStore {
  /** True if `owner` now holds `name` until `until` (free, expired, or already its own). */
  acquire(name: string, owner: string, now: string, until: string): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
}

export interface Store {
  parties: PartyStore;
  nominations: NominationStore;
  conversations: ConversationReferenceStore;
  outbox: OutboxStore;
  audit: AuditStore;
  distributions: DistributionStore;
  leases: LeaseStore;
  /** Where the nomination cards the bot sent are, to update them in place (card-activity-port.ts). */
  cardActivities: CardActivityStore;
  /** Signals between landlord and counsellor on a tenancy (8.1, 8.2, 10.5; signal-port.ts). */
  signals: SignalStore;
  /** Resolves when the store answers (for /readyz). */
  ping(): Promise<void>;
  /** Idempotent; afterwards every call rejects with StoreUnavailableError. */
  close(): Promise<void>;
}

// ---- Counting reads (digest, platform view, queue order) ---------------------------------------

/**
 * What counting and the queue order (5.4) need of a nomination, and nothing personal: no
 * candidate, contact, checklist, free text or history (10.2). NominationStore.findCounted reads
 * only these fields (a projection), so the digest and the queue never load whole nominations.
 */
export interface CountedNomination {
  id: string;
  type: NominationType;
  state: NominationState;
  createdAt: string;
  registeredAt?: string;
  targetLandlordIds: string[];
  verdict?: { allowedLandlordIds: string[] };
  proposedHome?: { landlordId: string };
  offer?: { landlordId: string; madeOn: string };
  lease?: { landlordId: string; signedOn: string };
  /** Dates only, oldest first as stored (5.11). */
  evaluations: { on: string }[];
}

/** `from` inclusive, `before` exclusive, compared as strings (ISO); a missing field never matches. */
export interface TextRange {
  from?: string;
  before?: string;
}

/** One condition of findCounted: every field given must hold; `{}` matches every nomination. */
export interface CountedCondition {
  states?: NominationState[];
  /** In targetLandlordIds. */
  landlordId?: string;
  /** registeredAt in the range: registered nominations only (unlike NominationQuery's window). */
  registeredAt?: TextRange;
  offerMadeOn?: TextRange;
  leaseSignedOn?: TextRange;
}

// Declaration merging: these methods belong to NominationStore above.
export interface NominationStore {
  /**
   * The nominations matching any of the conditions (each once), with only the counted fields
   * (CountedNomination), in no set order. No conditions: none. Served by indexes on MongoDB
   * (mongo-schema.ts); the memory store filters in place without copying whole nominations.
   */
  findCounted(anyOf: readonly CountedCondition[]): Promise<CountedNomination[]>;
  /** The nominations with these ids, in one read; unknown ids are left out; in no set order. */
  getMany(ids: readonly string[]): Promise<Nomination[]>;
}
