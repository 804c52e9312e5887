/** The small stores: conversation references, audit trail, distributions, leases. */
import type { Collection } from 'mongodb';
import type { AuditRecord } from '../../audit/audit';
import type { YearDistribution } from '../../distribution/distribution';
import {
  VersionConflictError,
  type AuditStore,
  type ConversationReferenceRecord,
  type ConversationReferenceStore,
  type DistributionStore,
  type LeaseStore,
} from '../ports';
import { plainCopy } from '../plain-copy';
import { versionFilter } from './mongo-claims';
import type { MongoContext } from './mongo-context';
import { fromDoc, toDoc, type StringIdDoc } from './mongo-documents';
import { isDuplicateKeyError } from './mongo-errors';
import { COLLECTIONS } from './mongo-schema';

export class MongoConversationStore implements ConversationReferenceStore {
  private readonly collection: Collection<StringIdDoc>;

  constructor(private readonly context: MongoContext) {
    this.collection = context.db.collection(COLLECTIONS.conversations);
  }

  upsert(record: ConversationReferenceRecord): Promise<void> {
    const upsert = () => this.collection.replaceOne({ _id: record.key }, toDoc(record, 'key'), { upsert: true });
    return this.context.run(async () => {
      try {
        await upsert();
      } catch (error) {
        // Two first upserts at once: the loser's insert meets the winner's _id (FerretDB, and
        // MongoDB before 4.2). The record exists now, so once more replaces it: last one wins.
        if (!isDuplicateKeyError(error)) throw error;
        await upsert();
      }
    });
  }

  get(key: string): Promise<ConversationReferenceRecord | undefined> {
    return this.context.run(async () => {
      const doc = await this.collection.findOne({ _id: key });
      return doc ? fromDoc<ConversationReferenceRecord>(doc, 'key') : undefined;
    });
  }

  delete(key: string): Promise<void> {
    return this.context.run(async () => {
      await this.collection.deleteOne({ _id: key });
    });
  }
}

export class MongoAuditStore implements AuditStore {
  private readonly collection: Collection<StringIdDoc>;

  constructor(private readonly context: MongoContext) {
    this.collection = context.db.collection(COLLECTIONS.audit);
  }

  append(record: AuditRecord): Promise<void> {
    return this.context.run(async () => {
      try {
        await this.collection.insertOne(toDoc(record, 'id'));
      } catch (error) {
        // A retried write of the same event: stored once, and the first one stands.
        if (!isDuplicateKeyError(error)) throw error;
      }
    });
  }

  listForObject(objectId: string): Promise<AuditRecord[]> {
    return this.context.run(async () => {
      const docs = await this.collection.find({ 'object.id': objectId }).sort({ at: 1, _id: 1 }).toArray();
      return docs.map((doc) => fromDoc<AuditRecord>(doc, 'id'));
    });
  }
}

export class MongoDistributionStore implements DistributionStore {
  private readonly collection: Collection<{ _id: number }>;

  constructor(private readonly context: MongoContext) {
    this.collection = context.db.collection(COLLECTIONS.distributions);
  }

  get(year: number): Promise<YearDistribution | undefined> {
    return this.context.run(async () => {
      const doc = await this.collection.findOne({ _id: year });
      return doc ? fromDoc<YearDistribution>(doc, 'year') : undefined;
    });
  }

  save(distribution: YearDistribution, expectedVersion: number): Promise<YearDistribution> {
    const stored: YearDistribution = { ...plainCopy(distribution), version: expectedVersion + 1 };
    const conflict = () => new VersionConflictError('distributions', String(distribution.year), expectedVersion);
    return this.context.run(async () => {
      if (expectedVersion === 0) {
        try {
          await this.collection.insertOne(toDoc(stored, 'year'));
        } catch (error) {
          // Someone else set this year's distribution first.
          if (isDuplicateKeyError(error)) throw conflict();
          throw error;
        }
        return stored;
      }
      const replaced = await this.context.claims.replace(
        this.collection,
        distribution.year,
        expectedVersion,
        toDoc(stored, 'year'),
      );
      if (!replaced) throw conflict();
      return stored;
    });
  }
}

type LeaseDoc = { _id: string; owner?: string; until: string; version?: number };

/**
 * A lease document is never deleted, only freed (no owner, `until` ''), so its internal `version`
 * only grows (missing = 0): every change after the first insert is a compare-and-set through a
 * claim (mongo-claims.ts), which holds on servers whose filtered updates are not atomic.
 */
export class MongoLeaseStore implements LeaseStore {
  private readonly collection: Collection<LeaseDoc>;

  constructor(private readonly context: MongoContext) {
    this.collection = context.db.collection(COLLECTIONS.leases);
  }

  /** A new lease is an insert on its unique _id; taking over or renewing one moves its version on. */
  acquire(name: string, owner: string, now: string, until: string): Promise<boolean> {
    return this.context.run(async () => {
      const held = await this.collection.findOne({ _id: name });
      if (!held) {
        try {
          await this.collection.insertOne({ _id: name, owner, until });
          return true;
        } catch (error) {
          if (isDuplicateKeyError(error)) return false;
          throw error;
        }
      }
      if (held.owner !== owner && held.until > now) return false;
      return this.change(held, { $set: { owner, until } });
    });
  }

  release(name: string, owner: string): Promise<void> {
    return this.context.run(async () => {
      // A few tries: a conflict here is a renewal or a take-over racing us; the next read tells.
      for (let attempt = 0; attempt < 3; attempt++) {
        const held = await this.collection.findOne({ _id: name });
        if (held?.owner !== owner) return;
        if (await this.change(held, { $set: { until: '' }, $unset: { owner: '' } })) return;
      }
    });
  }

  /** No waiting: a lease someone else is taking right now is not ours, whatever the outcome. */
  private change(held: LeaseDoc, update: { $set: Partial<LeaseDoc>; $unset?: { owner: '' } }): Promise<boolean> {
    const version = held.version ?? 0;
    return this.context.claims.compareAndSet(
      `${COLLECTIONS.leases}/${held._id}`,
      version,
      async () => {
        const filter = { _id: held._id, version: versionFilter(version) };
        const result = await this.collection.updateOne(filter, {
          ...update,
          $set: { ...update.$set, version: version + 1 },
        });
        return result.matchedCount === 1;
      },
      { wait: false },
    );
  }
}
