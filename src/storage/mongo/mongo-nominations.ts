import type { Collection, Document, Filter } from 'mongodb';
import type { Nomination } from '../../nomination/nomination';
import {
  DuplicateKeyError,
  VersionConflictError,
  type NominationCounts,
  type NominationQuery,
  type NominationStore,
} from '../ports';
import { plainCopy } from '../plain-copy';
import type { MongoContext } from './mongo-context';
import { fromDoc, toDoc, type StringIdDoc } from './mongo-documents';
import { isDuplicateKeyError } from './mongo-errors';
import { COLLECTIONS } from './mongo-schema';

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

function toNomination(doc: Document): Nomination {
  return fromDoc<Nomination>(doc, 'id');
}

export class MongoNominationStore implements NominationStore {
  private readonly collection: Collection<StringIdDoc>;

  constructor(private readonly context: MongoContext) {
    this.collection = context.db.collection(COLLECTIONS.nominations);
  }

  insert(nomination: Omit<Nomination, 'version'>): Promise<Nomination> {
    const stored: Nomination = { ...plainCopy(nomination), version: 1 };
    return this.context.run(async () => {
      try {
        await this.collection.insertOne(toDoc(stored, 'id'));
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateKeyError('nominations', nomination.id);
        throw error;
      }
      return stored;
    });
  }

  get(id: string): Promise<Nomination | undefined> {
    return this.context.run(async () => {
      const doc = await this.collection.findOne({ _id: id });
      return doc ? toNomination(doc) : undefined;
    });
  }

  replace(next: Nomination, expectedVersion: number): Promise<Nomination> {
    const stored: Nomination = { ...plainCopy(next), version: expectedVersion + 1 };
    return this.context.run(async () => {
      const replaced = await this.context.claims.replace(
        this.collection,
        next.id,
        expectedVersion,
        toDoc(stored, 'id'),
      );
      if (!replaced) throw new VersionConflictError('nominations', next.id, expectedVersion);
      return stored;
    });
  }

  find(query: NominationQuery): Promise<Nomination[]> {
    return this.context.run(async () => {
      // MongoDB reads limit 0 as "no limit"; the port means "none".
      if (query.limit !== undefined && query.limit <= 0) return [];
      const cursor = this.collection.find(queryFilter(query)).sort(REGISTRATION_ORDER);
      if (query.limit !== undefined) cursor.limit(query.limit);
      return (await cursor.toArray()).map(toNomination);
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
}
