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
    return this.context.run(async () => {
      await this.collection.replaceOne({ _id: record.key }, toDoc(record, 'key'), { upsert: true });
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
      const result = await this.collection.replaceOne(
        { _id: distribution.year, version: expectedVersion },
        toDoc(stored, 'year'),
      );
      if (result.matchedCount !== 1) throw conflict();
      return stored;
    });
  }
}

export class MongoLeaseStore implements LeaseStore {
  private readonly collection: Collection<{ _id: string; owner: string; until: string }>;

  constructor(private readonly context: MongoContext) {
    this.collection = context.db.collection(COLLECTIONS.leases);
  }

  /**
   * One upsert on the lease's unique _id: it matches when the lease ran out or is ours already;
   * when another owner holds it the upsert's insert hits the existing _id, so at most one owner gets it.
   */
  acquire(name: string, owner: string, now: string, until: string): Promise<boolean> {
    return this.context.run(async () => {
      try {
        await this.collection.findOneAndUpdate(
          { _id: name, $or: [{ until: { $lte: now } }, { owner }] },
          { $set: { owner, until } },
          { upsert: true },
        );
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    });
  }

  release(name: string, owner: string): Promise<void> {
    return this.context.run(async () => {
      await this.collection.deleteOne({ _id: name, owner });
    });
  }
}
