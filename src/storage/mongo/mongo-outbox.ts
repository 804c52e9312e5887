import type { Collection, Document } from 'mongodb';
import type { OutboxMessage } from '../../outbox/outbox';
import { VersionConflictError, type OutboxStore } from '../ports';
import { plainCopy } from '../plain-copy';
import { versionFilter } from './mongo-claims';
import type { MongoContext } from './mongo-context';
import { fromDoc, toDoc, type StringIdDoc } from './mongo-documents';
import { isDuplicateKeyError } from './mongo-errors';
import { COLLECTIONS } from './mongo-schema';

/**
 * Every write after enqueue bumps an internal `version` (missing = 0, so older documents need no
 * migration) through a claim (mongo-claims.ts): that is what keeps two workers from claiming one
 * message on servers whose filtered updates are not atomic, and keeps a claim and the lease
 * holder's markSent/reschedule/markFailed from overwriting each other.
 */
const VERSION = 'version';
const CLAIM_ORDER = { notBefore: 1, createdAt: 1, _id: 1 } as const;
/** One claimNext looks at the claimable messages of up to CLAIM_ROUNDS × BATCH conversations. */
const BATCH = 20;
const CLAIM_ROUNDS = 10;
/** Not yet final: such a message holds back the later messages of its conversation. */
const UNSENT: OutboxMessage['status'][] = ['pending', 'sending'];
/** A change waits this many times for a claimer that holds the message (its lease ran out). */
const CHANGE_ATTEMPTS = 10;

function toMessage(doc: Document): OutboxMessage {
  return fromDoc<OutboxMessage>(doc, 'id', [VERSION]);
}

function versionOf(doc: Document): number {
  return typeof doc[VERSION] === 'number' ? doc[VERSION] : 0;
}

/** Enqueue order within a conversation: createdAt, then id. */
function enqueuedBefore(a: Document, b: Document): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a._id < b._id);
}

/** As claimable(now) below, for a document in hand. */
function isClaimable(doc: Document, now: string): boolean {
  if (doc.status === 'pending') return doc.notBefore <= now;
  return doc.status === 'sending' && typeof doc.leaseUntil === 'string' && doc.leaseUntil <= now;
}

function claimable(now: string): Document {
  return {
    $or: [
      { status: 'pending', notBefore: { $lte: now } },
      // A worker that died mid-send leaves 'sending' behind; its lease running out frees the message.
      { status: 'sending', leaseUntil: { $lte: now } },
    ],
  };
}

interface WriteOptions {
  unset?: Document;
  /** Wait for another writer holding the message's next version (see Claims.compareAndSet). */
  wait?: boolean;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));

export class MongoOutboxStore implements OutboxStore {
  private readonly collection: Collection<StringIdDoc>;

  constructor(private readonly context: MongoContext) {
    this.collection = context.db.collection(COLLECTIONS.outbox);
  }

  enqueue(message: Omit<OutboxMessage, 'status' | 'attempts'>): Promise<boolean> {
    const stored: OutboxMessage = { ...plainCopy(message), status: 'pending', attempts: 0 };
    return this.context.run(async () => {
      try {
        await this.collection.insertOne(toDoc(stored, 'id'));
        return true;
      } catch (error) {
        // The unique _id makes enqueueing idempotent: the message is there already.
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    });
  }

  /**
   * Goes through the claimable messages, oldest first, and claims for the first conversation it
   * can that conversation's next message: its oldest unsent one, if that is claimable. Each claim
   * is a compare-and-set on the version it read: of concurrent claimers exactly one moves a message
   * to 'sending'. Undefined also when every candidate went to others or waits its turn (the worker
   * polls again). A conversation looked at is left out of the next batch, so a long queue waiting
   * behind one retry does not hide the other conversations' messages.
   *
   * In order per conversation without a transaction or $lookup: "every message enqueued before
   * this one in its conversation is final" is a separate indexed read, and that is race-safe on
   * FerretDB too because once true it stays true. A message only ever leaves the unsent states
   * (pending, sending) for a final one, never the other way, and a message enqueued later is
   * younger (createdAt is the enqueuer's clock: skew between instances is the margin). So a check
   * that passed cannot be undone before our claim lands; and of two messages of one conversation
   * the younger cannot pass while the older is unsent, so at most one per conversation is in
   * flight. The claim itself is the version compare-and-set, as for every outbox write.
   */
  claimNext(now: string, leaseUntil: string): Promise<OutboxMessage | undefined> {
    return this.context.run(async () => {
      const looked = new Set<string>();
      for (let round = 0; round < CLAIM_ROUNDS; round++) {
        const filter = looked.size ? { ...claimable(now), conversationKey: { $nin: [...looked] } } : claimable(now);
        const batch = await this.collection.find(filter).sort(CLAIM_ORDER).limit(BATCH).toArray();
        for (const doc of batch) {
          const conversation = String(doc.conversationKey);
          if (looked.has(conversation)) continue;
          looked.add(conversation);
          const next = await this.nextOf(conversation, doc, now);
          // No waiting for a message another claimer is taking: the next one will do.
          if (next && (await this.write(next, { status: 'sending', leaseUntil }, { wait: false }))) {
            return toMessage({ ...next, status: 'sending', leaseUntil });
          }
        }
        if (batch.length < BATCH) return undefined;
      }
      return undefined;
    });
  }

  markSent(id: string, at: string): Promise<void> {
    return this.change(id, () => ({ status: 'sent', sentAt: at }));
  }

  reschedule(id: string, notBefore: string, error: string): Promise<void> {
    return this.change(id, (doc) => ({ status: 'pending', notBefore, lastError: error, attempts: doc.attempts + 1 }));
  }

  markFailed(id: string, status: 'failed' | 'unreachable', error: string): Promise<void> {
    return this.change(id, (doc) => ({ status, lastError: error, attempts: doc.attempts + 1 }));
  }

  get(id: string): Promise<OutboxMessage | undefined> {
    return this.context.run(async () => {
      const doc = await this.collection.findOne({ _id: id });
      return doc ? toMessage(doc) : undefined;
    });
  }

  countByStatus(): Promise<Record<string, number>> {
    return this.context.run(async () => {
      const groups = await this.collection
        .aggregate<{ _id: string; count: number }>([{ $group: { _id: '$status', count: { $sum: 1 } } }])
        .toArray();
      return Object.fromEntries(groups.map((group) => [group._id, group.count]));
    });
  }

  /**
   * Every change ends the claim. Unconditional in the port, so it retries on the current version;
   * it only meets a conflict when another worker reclaimed the message after the lease ran out.
   */
  private change(id: string, fields: (current: OutboxMessage) => Document): Promise<void> {
    return this.context.run(async () => {
      let version = 0;
      for (let attempt = 0; attempt < CHANGE_ATTEMPTS; attempt++) {
        const doc = await this.collection.findOne({ _id: id });
        if (!doc) return;
        version = versionOf(doc);
        if (await this.write(doc, fields(toMessage(doc)), { unset: { leaseUntil: '' } })) return;
        await pause();
      }
      throw new VersionConflictError(COLLECTIONS.outbox, id, version);
    });
  }

  /**
   * The conversation's oldest unsent message (pending, waiting for its backoff, or leased), if it
   * is claimable now; `candidate` when that is the one. Reads the conversation's unsent messages'
   * keys and picks the oldest here: no sort on several fields, which Cosmos DB would want an index for.
   */
  private async nextOf(conversation: string, candidate: StringIdDoc, now: string): Promise<StringIdDoc | undefined> {
    const unsent = await this.collection
      .find(
        { conversationKey: conversation, status: { $in: UNSENT } },
        { projection: { _id: 1, createdAt: 1, status: 1, notBefore: 1, leaseUntil: 1 } },
      )
      .toArray();
    const head = unsent.reduce<StringIdDoc | undefined>((a, b) => (!a || enqueuedBefore(b, a) ? b : a), undefined);
    if (!head || !isClaimable(head, now)) return undefined;
    if (head._id === candidate._id) return candidate;
    return (await this.collection.findOne({ _id: head._id })) ?? undefined;
  }

  /** Compare-and-set from the version `doc` was read at; false if another writer came first. */
  private write(doc: StringIdDoc, set: Document, { unset, wait = true }: WriteOptions = {}): Promise<boolean> {
    const version = versionOf(doc);
    const update: Document = { $set: { ...set, [VERSION]: version + 1 }, ...(unset && { $unset: unset }) };
    return this.context.claims.compareAndSet(
      `${COLLECTIONS.outbox}/${doc._id}`,
      version,
      async () => {
        const result = await this.collection.updateOne({ _id: doc._id, [VERSION]: versionFilter(version) }, update);
        return result.matchedCount === 1;
      },
      { wait },
    );
  }
}
