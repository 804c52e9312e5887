import type { Collection, Document } from 'mongodb';
import type { CardActivityRecord, CardActivityStore } from '../card-activity-port';
import { plainCopy } from '../plain-copy';
import type { MongoContext } from './mongo-context';
import { isDuplicateKeyError } from './mongo-errors';
import { COLLECTIONS } from './mongo-schema';

type CardActivityDoc = CardActivityRecord & { _id: string };

const keyOf = (nominationId: string, conversationKey: string) => `${nominationId}|${conversationKey}`;

function toRecord(doc: Document): CardActivityRecord {
  const { _id: _key, ...record } = doc;
  return record as CardActivityRecord;
}

export class MongoCardActivityStore implements CardActivityStore {
  private readonly collection: Collection<CardActivityDoc>;

  constructor(private readonly context: MongoContext) {
    this.collection = context.db.collection(COLLECTIONS.cardActivities);
  }

  get(nominationId: string, conversationKey: string): Promise<CardActivityRecord | undefined> {
    return this.context.run(async () => {
      const doc = await this.collection.findOne({ _id: keyOf(nominationId, conversationKey) });
      return doc ? toRecord(doc) : undefined;
    });
  }

  /**
   * One upsert on the unique _id that matches only a record of the same or an older version; when
   * a newer one is stored, the upsert's insert hits the existing _id and the newer record stays.
   */
  record(record: CardActivityRecord): Promise<void> {
    const _id = keyOf(record.nominationId, record.conversationKey);
    return this.context.run(async () => {
      try {
        await this.collection.replaceOne({ _id, version: { $lte: record.version } }, plainCopy(record), {
          upsert: true,
        });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    });
  }

  listForNomination(nominationId: string): Promise<CardActivityRecord[]> {
    return this.context.run(async () => {
      const docs = await this.collection.find({ nominationId }).sort({ nominationId: 1, conversationKey: 1 }).toArray();
      return docs.map(toRecord);
    });
  }

  delete(nominationId: string, conversationKey: string): Promise<void> {
    return this.context.run(async () => {
      await this.collection.deleteOne({ _id: keyOf(nominationId, conversationKey) });
    });
  }
}
