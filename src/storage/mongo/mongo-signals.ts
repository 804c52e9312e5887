import type { Collection } from 'mongodb';
import type { Signal } from '../../signals/signal';
import type { SignalStore } from '../signal-port';
import type { MongoContext } from './mongo-context';
import type { StringIdDoc } from './mongo-documents';
import { MongoPendingNotifications } from './mongo-pending';
import { COLLECTIONS } from './mongo-schema';
import { VersionedDocuments } from './mongo-versioned';

/** Signals; the acknowledgement goes through a claim (mongo-claims.ts), as every versioned write. */
export class MongoSignalStore implements SignalStore {
  private readonly documents: VersionedDocuments<Signal>;
  private readonly collection: Collection<StringIdDoc>;
  private readonly pending: MongoPendingNotifications<Signal>;

  constructor(private readonly context: MongoContext) {
    this.documents = new VersionedDocuments<Signal>(context, COLLECTIONS.signals);
    this.collection = this.documents.collection;
    this.pending = new MongoPendingNotifications(context, this.collection, (doc) => this.documents.fromDoc(doc));
  }

  insert(signal: Omit<Signal, 'version'>): Promise<Signal> {
    return this.documents.insert(signal);
  }

  get(id: string): Promise<Signal | undefined> {
    return this.documents.get(id);
  }

  replace(next: Signal, expectedVersion: number): Promise<Signal> {
    return this.documents.replace(next, expectedVersion);
  }

  listForNomination(nominationId: string): Promise<Signal[]> {
    return this.context.run(async () => {
      const docs = await this.collection.find({ nominationId }).sort({ nominationId: 1, sentAt: 1, _id: 1 }).toArray();
      return docs.map((doc) => this.documents.fromDoc(doc));
    });
  }

  nominationIdsWithUnerasedSignals(): Promise<string[]> {
    return this.context.run(async () => {
      const groups = await this.collection
        .aggregate<{ _id: string }>([
          { $match: { erasedAt: { $exists: false } } },
          { $group: { _id: '$nominationId' } },
          { $sort: { _id: 1 } },
        ])
        .toArray();
      return groups.map((group) => group._id);
    });
  }

  countByType(from: string, before: string): Promise<Partial<Record<string, number>>> {
    return this.context.run(async () => {
      const groups = await this.collection
        .aggregate<{ _id: string; count: number }>([
          { $match: { sentAt: { $gte: from, $lt: before } } },
          { $group: { _id: '$kind', count: { $sum: 1 } } },
        ])
        .toArray();
      return Object.fromEntries(groups.map((group) => [group._id, group.count]));
    });
  }

  withPendingNotifications(before: string, limit: number): Promise<Signal[]> {
    return this.pending.withPendingNotifications(before, limit);
  }

  clearPendingNotifications(id: string, entryIds: readonly string[]): Promise<void> {
    return this.pending.clearPendingNotifications(id, entryIds);
  }
}
