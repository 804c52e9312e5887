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
/** How many of the oldest claimable messages one claimNext tries before looking again. */
const CANDIDATES = 10;
const CLAIM_ROUNDS = 3;
/** A change waits this many times for a claimer that holds the message (its lease ran out). */
const CHANGE_ATTEMPTS = 10;

function toMessage(doc: Document): OutboxMessage {
  return fromDoc<OutboxMessage>(doc, 'id', [VERSION]);
}

function versionOf(doc: Document): number {
  return typeof doc[VERSION] === 'number' ? doc[VERSION] : 0;
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
   * Reads the oldest claimable messages and claims the first one it can, each as a compare-and-set
   * on the version it read: of concurrent claimers exactly one moves a message to 'sending'.
   * Undefined also when every candidate went to others (the worker polls again).
   */
  claimNext(now: string, leaseUntil: string): Promise<OutboxMessage | undefined> {
    return this.context.run(async () => {
      for (let round = 0; round < CLAIM_ROUNDS; round++) {
        const candidates = await this.collection.find(claimable(now)).sort(CLAIM_ORDER).limit(CANDIDATES).toArray();
        for (const doc of candidates) {
          // No waiting for a message another claimer is taking: the next one will do.
          const claimed = await this.write(doc, { status: 'sending', leaseUntil }, { wait: false });
          if (claimed) return toMessage({ ...doc, status: 'sending', leaseUntil });
        }
        if (candidates.length < CANDIDATES) return undefined;
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
