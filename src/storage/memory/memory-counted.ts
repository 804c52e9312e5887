/**
 * NominationStore.findCounted for the memory store: filters the stored nominations in place and
 * copies out only the counted fields, so a digest over 100,000 nominations copies no personal data
 * and no whole documents. The same conditions as the MongoDB adapter (mongo-counted.ts).
 */
import type { Nomination } from '../../nomination/nomination';
import type { CountedCondition, CountedNomination, TextRange } from '../ports';

function inRange(value: string | undefined, range: TextRange | undefined): boolean {
  if (range === undefined) return true;
  if (value === undefined) return false;
  if (range.from !== undefined && value < range.from) return false;
  if (range.before !== undefined && value >= range.before) return false;
  return true;
}

export function matchesCounted(n: Nomination, c: CountedCondition): boolean {
  if (c.states !== undefined && !c.states.includes(n.state)) return false;
  if (c.landlordId !== undefined && !n.targetLandlordIds.includes(c.landlordId)) return false;
  return (
    inRange(n.registeredAt, c.registeredAt) &&
    inRange(n.offer?.madeOn, c.offerMadeOn) &&
    inRange(n.lease?.signedOn, c.leaseSignedOn)
  );
}

/** A fresh object with the counted fields only; absent optional fields stay absent. */
export function countedOf(n: Nomination): CountedNomination {
  return {
    id: n.id,
    type: n.type,
    state: n.state,
    createdAt: n.createdAt,
    ...(n.registeredAt !== undefined && { registeredAt: n.registeredAt }),
    targetLandlordIds: [...n.targetLandlordIds],
    ...(n.verdict && { verdict: { allowedLandlordIds: [...n.verdict.allowedLandlordIds] } }),
    ...(n.proposedHome && { proposedHome: { landlordId: n.proposedHome.landlordId } }),
    ...(n.offer && { offer: { landlordId: n.offer.landlordId, madeOn: n.offer.madeOn } }),
    ...(n.lease && { lease: { landlordId: n.lease.landlordId, signedOn: n.lease.signedOn } }),
    evaluations: n.evaluations.map((e) => ({ on: e.on })),
  };
}

export function findCountedIn(
  nominations: Iterable<Nomination>,
  anyOf: readonly CountedCondition[],
): CountedNomination[] {
  const found: CountedNomination[] = [];
  if (anyOf.length === 0) return found;
  for (const n of nominations) if (anyOf.some((c) => matchesCounted(n, c))) found.push(countedOf(n));
  return found;
}
