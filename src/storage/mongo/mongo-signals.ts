import type { Collection, Document } from 'mongodb';
import type { Signal } from '../../signals/signal';
import { DuplicateKeyError, VersionConflictError } from '../ports';
import { plainCopy } from '../plain-copy';
import type { SignalStore } from '../signal-port';
import type { MongoContext } from './mongo-context';
import { fromDoc, toDoc, type StringIdDoc } from './mongo-documents';
import { isDuplicateKeyError } from './mongo-errors';
import { COLLECTIONS } from './mongo-schema';

const toSignal = (doc: Document) => fromDoc<Signal>(doc, 'id');

/** Signals; the acknowledgement goes through a claim (mongo-claims.ts), as every versioned write. */
export class MongoSignalStore implements SignalStore {
  private readonly collection: Collection<StringIdDoc>;

  constructor(private readonly context: MongoContext) {
    this.collection = context.db.collection(COLLECTIONS.signals);
  }

  insert(signal: Omit<Signal, 'version'>): Promise<Signal> {
    const stored: Signal = { ...plainCopy(signal), version: 1 };
    return this.context.run(async () => {
      try {
        await this.collection.insertOne(toDoc(stored, 'id'));
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateKeyError('signals', signal.id);
        throw error;
      }
      return stored;
    });
  }

  get(id: string): Promise<Signal | undefined> {
    return this.context.run(async () => {
      const doc = await this.collection.findOne({ _id: id });
      return doc ? toSignal(doc) : undefined;
    });
  }

  replace(next: Signal, expectedVersion: number): Promise<Signal> {
    const stored: Signal = { ...plainCopy(next), version: expectedVersion + 1 };
    return this.context.run(async () => {
      const replaced = await this.context.claims.replace(
        this.collection,
        next.id,
        expectedVersion,
        toDoc(stored, 'id'),
      );
      if (!replaced) throw new VersionConflictError('signals', next.id, expectedVersion);
      return stored;
    });
  }

  listForNomination(nominationId: string): Promise<Signal[]> {
    return this.context.run(async () => {
      const docs = await this.collection.find({ nominationId }).sort({ nominationId: 1, sentAt: 1, _id: 1 }).toArray();
      return docs.map(toSignal);
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
}
