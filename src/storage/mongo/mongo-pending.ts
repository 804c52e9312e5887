/**
 * The pending-notification calls (src/storage/pending-port.ts) on a collection of versioned
 * documents (nominations, signals).
 *
 * Taking relayed entries off keeps the version (a card showing it stays current), yet must not
 * race a replace: FerretDB 1.x runs a filtered update as read → change in Go → write by _id, so a
 * plain `$set` of the entries could write back a document that a concurrent replace has just moved
 * on, or be overwritten by it. So it holds the claim of the document's next step, as every write of
 * it does (mongo-claims.ts): while it holds step n → n + 1 no other writer of the document can
 * write. Under that claim it reads the document again and writes with the filter {_id, version: n},
 * changing the entries and nothing else.
 *
 * What differs from a replace is only that the document is still at n when the claim is deleted:
 * - a writer that waited on our claim gets "gone", i.e. a version conflict, though nothing it
 *   could see changed. It re-reads, finds the same version and tries again (NominationService
 *   does once; the signal acknowledgement reads twice anyway);
 * - a writer that read the document before we wrote and replaces it after puts the entries we
 *   took off back. They were relayed already: the next relay enqueues nothing new and takes them
 *   off again;
 * - the claims' stall margin (mongo-claims.ts "Crash windows") applies as to any writer; one
 *   that dies after the write and before deleting its claim blocks the document's next step until
 *   the claim is stale, as a writer dying before its write does.
 */
import type { Collection, Document } from 'mongodb';
import type { PendingNotification } from '../../outbox/pending';
import type { MongoContext } from './mongo-context';
import type { StringIdDoc } from './mongo-documents';

const FIELD = 'pendingNotifications';
/** Each attempt first lets a writer holding the next step finish (Claims.compareAndSet). */
const CLEAR_ATTEMPTS = 5;

const pause = () => new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));

function entriesOf(doc: Document): PendingNotification[] {
  const entries: unknown = doc[FIELD];
  return Array.isArray(entries) ? (entries as PendingNotification[]) : [];
}

export class MongoPendingNotifications<T> {
  constructor(
    private readonly context: MongoContext,
    private readonly collection: Collection<StringIdDoc>,
    private readonly fromDoc: (doc: Document) => T,
  ) {}

  withPendingNotifications(before: string, limit: number): Promise<T[]> {
    return this.context.run(async () => {
      // MongoDB reads limit 0 as "no limit"; the port means "none".
      if (limit <= 0) return [];
      const docs = await this.collection
        .find({ [`${FIELD}.at`]: { $lte: before } })
        .limit(limit)
        .toArray();
      return docs.map((doc) => this.fromDoc(doc));
    });
  }

  clearPendingNotifications(id: string, entryIds: readonly string[]): Promise<void> {
    const relayed = (entry: PendingNotification) => entryIds.includes(entry.id);
    return this.context.run(async () => {
      for (let attempt = 0; attempt < CLEAR_ATTEMPTS; attempt++) {
        const doc = await this.collection.findOne({ _id: id });
        if (!doc || !entriesOf(doc).some(relayed)) return;
        const version = doc.version as number;
        const cleared = await this.context.claims.compareAndSet(
          `${this.collection.collectionName}/${id}`,
          version,
          async () => {
            // We hold the next step: what we read now stays as it is until we write.
            const held = await this.collection.findOne({ _id: id });
            if (!held || held.version !== version) return false;
            const rest = entriesOf(held).filter((entry) => !relayed(entry));
            const update = rest.length > 0 ? { $set: { [FIELD]: rest } } : { $unset: { [FIELD]: '' } };
            return (await this.collection.updateOne({ _id: id, version }, update)).matchedCount === 1;
          },
        );
        if (cleared) return;
        await pause();
      }
      // Left for the next relay: its messages are in the outbox, so that one enqueues nothing new.
    });
  }
}
