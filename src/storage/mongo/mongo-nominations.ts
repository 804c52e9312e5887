import type { Collection, Document, Filter } from 'mongodb';
import type { Nomination } from '../../nomination/nomination';
import type { NominationCounts, NominationQuery, NominationStore } from '../ports';
import type { MongoContext } from './mongo-context';
import type { StringIdDoc } from './mongo-documents';
import { MongoPendingNotifications } from './mongo-pending';
import { COLLECTIONS } from './mongo-schema';
import { VersionedDocuments } from './mongo-versioned';

type Window = Pick<NominationQuery, 'registeredFrom' | 'registeredBefore'>;

/** Registration order (5.4); missing registeredAt sorts first, as in the memory store. */
const REGISTRATION_ORDER = { registeredAt: 1, createdAt: 1, _id: 1 } as const;

function windowFilter(window: Window): Filter<StringIdDoc> {
  const range: Document = {};
  if (window.registeredFrom !== undefined) range.$gte = window.registeredFrom;
  if (window.registeredBefore !== undefined) range.$lt = window.registeredBefore;
  if (Object.keys(range).length === 0) return {};
  // registeredAt, or createdAt while not registered (`null` matches a missing field).
  return { $or: [{ registeredAt: range }, { registeredAt: null, createdAt: range }] };
}

function queryFilter(q: NominationQuery): Filter<StringIdDoc> {
  const filter: Filter<StringIdDoc> = windowFilter(q);
  if (q.nominatingPartyId !== undefined) filter.nominatingPartyId = q.nominatingPartyId;
  if (q.landlordId !== undefined) filter.targetLandlordIds = q.landlordId;
  if (q.states !== undefined) filter.state = { $in: q.states };
  if (q.type !== undefined) filter.type = q.type;
  if (q.closedBefore !== undefined) filter.closedAt = { $lt: q.closedBefore };
  if (q.erased !== undefined) filter.erasedAt = { $exists: q.erased };
  return filter;
}

export class MongoNominationStore implements NominationStore {
  private readonly documents: VersionedDocuments<Nomination>;
  private readonly collection: Collection<StringIdDoc>;
  private readonly pending: MongoPendingNotifications<Nomination>;

  constructor(private readonly context: MongoContext) {
    this.documents = new VersionedDocuments<Nomination>(context, COLLECTIONS.nominations);
    this.collection = this.documents.collection;
    this.pending = new MongoPendingNotifications(context, this.collection, (doc) => this.documents.fromDoc(doc));
  }

  insert(nomination: Omit<Nomination, 'version'>): Promise<Nomination> {
    return this.documents.insert(nomination);
  }

  get(id: string): Promise<Nomination | undefined> {
    return this.documents.get(id);
  }

  replace(next: Nomination, expectedVersion: number): Promise<Nomination> {
    return this.documents.replace(next, expectedVersion);
  }

  find(query: NominationQuery): Promise<Nomination[]> {
    return this.context.run(async () => {
      // MongoDB reads limit 0 as "no limit"; the port means "none".
      if (query.limit !== undefined && query.limit <= 0) return [];
      const cursor = this.collection.find(queryFilter(query)).sort(REGISTRATION_ORDER);
      if (query.limit !== undefined) cursor.limit(query.limit);
      return (await cursor.toArray()).map((doc) => this.documents.fromDoc(doc));
    });
  }

  countByStateAndType(window: Window = {}): Promise<NominationCounts> {
    return this.context.run(async () => {
      const groups = await this.collection
        .aggregate<{ _id: { state: string; type: string }; count: number }>([
          { $match: windowFilter(window) },
          { $group: { _id: { state: '$state', type: '$type' }, count: { $sum: 1 } } },
        ])
        .toArray();
      const byStateAndType: Record<string, number> = {};
      for (const group of groups) byStateAndType[`${group._id.state}|${group._id.type}`] = group.count;
      return { byStateAndType };
    });
  }

  delete(id: string): Promise<boolean> {
    return this.context.run(async () => (await this.collection.deleteOne({ _id: id })).deletedCount === 1);
  }

  withPendingNotifications(before: string, limit: number): Promise<Nomination[]> {
    return this.pending.withPendingNotifications(before, limit);
  }

  clearPendingNotifications(id: string, entryIds: readonly string[]): Promise<void> {
    return this.pending.clearPendingNotifications(id, entryIds);
  }

  findCounted(anyOf: readonly CountedCondition[]): Promise<CountedNomination[]> {
    return this.context.run(() => findCounted(this.collection, anyOf));
  }

  getMany(ids: readonly string[]): Promise<Nomination[]> {
    return this.context.run(async () => {
      if (ids.length === 0) return [];
      const docs = await this.collection.find({ _id: { $in: [...new Set(ids)] } }).toArray();
      return docs.map((doc) => this.documents.fromDoc(doc));
    });
  }
}

// findCounted and getMany (appended; findCounted's filter and projection live in mongo-counted.ts).
import type { CountedCondition, CountedNomination } from '../ports';
import { findCounted } from './mongo-counted';
