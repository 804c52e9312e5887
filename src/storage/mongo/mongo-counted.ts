/**
 * NominationStore.findCounted for MongoDB: one find with the conditions as an `$or` (each clause
 * served by an index of mongo-schema.ts: state, targetLandlordIds + state, registeredAt,
 * offer.madeOn, lease.signedOn) and a projection of the counted fields only, so neither personal
 * data nor whole documents cross the wire. Plain operators only ($in, $gte, $lt, $or), which
 * MongoDB, Cosmos DB and FerretDB all run.
 */
import type { Collection, Document, Filter } from 'mongodb';
import type { CountedCondition, CountedNomination, TextRange } from '../ports';
import type { StringIdDoc } from './mongo-documents';

export const COUNTED_PROJECTION = {
  _id: 1,
  type: 1,
  state: 1,
  createdAt: 1,
  registeredAt: 1,
  targetLandlordIds: 1,
  'verdict.allowedLandlordIds': 1,
  'proposedHome.landlordId': 1,
  'offer.landlordId': 1,
  'offer.madeOn': 1,
  'lease.landlordId': 1,
  'lease.signedOn': 1,
  'evaluations.on': 1,
} as const;

function range(r: TextRange): Document {
  const bounds: Document = {};
  if (r.from !== undefined) bounds.$gte = r.from;
  if (r.before !== undefined) bounds.$lt = r.before;
  return Object.keys(bounds).length > 0 ? bounds : { $exists: true };
}

export function countedFilter(c: CountedCondition): Filter<StringIdDoc> {
  const filter: Document = {};
  if (c.landlordId !== undefined) filter.targetLandlordIds = c.landlordId;
  if (c.states !== undefined) filter.state = c.states.length === 1 ? c.states[0] : { $in: c.states };
  if (c.registeredAt !== undefined) filter.registeredAt = range(c.registeredAt);
  if (c.offerMadeOn !== undefined) filter['offer.madeOn'] = range(c.offerMadeOn);
  if (c.leaseSignedOn !== undefined) filter['lease.signedOn'] = range(c.leaseSignedOn);
  return filter as Filter<StringIdDoc>;
}

/** The projected document as a CountedNomination: absent optional fields stay absent. */
export function countedFromDoc(doc: Document): CountedNomination {
  const sub = <K extends string>(value: unknown, keys: readonly K[]): Record<K, string> | undefined => {
    if (value === null || typeof value !== 'object') return undefined;
    const found = value as Record<string, unknown>;
    return keys.every((k) => typeof found[k] === 'string')
      ? (Object.fromEntries(keys.map((k) => [k, found[k]])) as Record<K, string>)
      : undefined;
  };
  const proposedHome = sub(doc.proposedHome, ['landlordId']);
  const offer = sub(doc.offer, ['landlordId', 'madeOn']);
  const lease = sub(doc.lease, ['landlordId', 'signedOn']);
  const allowed = (doc.verdict as { allowedLandlordIds?: unknown } | undefined)?.allowedLandlordIds;
  const evaluations = Array.isArray(doc.evaluations) ? (doc.evaluations as { on?: unknown }[]) : [];
  return {
    id: String(doc._id),
    type: doc.type as CountedNomination['type'],
    state: doc.state as CountedNomination['state'],
    createdAt: doc.createdAt as string,
    ...(typeof doc.registeredAt === 'string' && { registeredAt: doc.registeredAt }),
    targetLandlordIds: Array.isArray(doc.targetLandlordIds) ? [...(doc.targetLandlordIds as string[])] : [],
    ...(Array.isArray(allowed) && { verdict: { allowedLandlordIds: [...(allowed as string[])] } }),
    ...(proposedHome && { proposedHome }),
    ...(offer && { offer }),
    ...(lease && { lease }),
    evaluations: evaluations.flatMap((e) => (typeof e?.on === 'string' ? [{ on: e.on }] : [])),
  };
}

export async function findCounted(
  collection: Collection<StringIdDoc>,
  anyOf: readonly CountedCondition[],
): Promise<CountedNomination[]> {
  if (anyOf.length === 0) return [];
  const filters = anyOf.map(countedFilter);
  // One clause without $or: the plain filter is what every server plans best.
  const filter = filters.length === 1 ? filters[0]! : ({ $or: filters } as Filter<StringIdDoc>);
  const docs = await collection.find(filter, { projection: COUNTED_PROJECTION }).toArray();
  return docs.map(countedFromDoc);
}
