import type { Collection, Document } from 'mongodb';
import type { OutboxMessage } from '../../outbox/outbox';
import type { OutboxStore } from '../ports';
import { plainCopy } from '../plain-copy';
import type { MongoContext } from './mongo-context';
import { fromDoc, toDoc, type StringIdDoc } from './mongo-documents';
import { isDuplicateKeyError } from './mongo-errors';
import { COLLECTIONS } from './mongo-schema';

function toMessage(doc: Document): OutboxMessage {
  return fromDoc<OutboxMessage>(doc, 'id');
}

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

  /** One findOneAndUpdate: the server picks and marks the message in one step, so one claimer wins. */
  claimNext(now: string, leaseUntil: string): Promise<OutboxMessage | undefined> {
    return this.context.run(async () => {
      const doc = await this.collection.findOneAndUpdate(
        {
          $or: [
            { status: 'pending', notBefore: { $lte: now } },
            // A worker that died mid-send leaves 'sending' behind; its lease running out frees the message.
            { status: 'sending', leaseUntil: { $lte: now } },
          ],
        },
        { $set: { status: 'sending', leaseUntil } },
        { sort: { notBefore: 1, createdAt: 1, _id: 1 }, returnDocument: 'after' },
      );
      return doc ? toMessage(doc) : undefined;
    });
  }

  markSent(id: string, at: string): Promise<void> {
    return this.change(id, { $set: { status: 'sent', sentAt: at } });
  }

  reschedule(id: string, notBefore: string, error: string): Promise<void> {
    return this.change(id, { $set: { status: 'pending', notBefore, lastError: error }, $inc: { attempts: 1 } });
  }

  markFailed(id: string, status: 'failed' | 'unreachable', error: string): Promise<void> {
    return this.change(id, { $set: { status, lastError: error }, $inc: { attempts: 1 } });
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

  /** Every change ends the claim. */
  private change(id: string, update: Document): Promise<void> {
    return this.context.run(async () => {
      await this.collection.updateOne({ _id: id }, { ...update, $unset: { leaseUntil: '' } });
    });
  }
}
