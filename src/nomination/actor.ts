/**
 * Who acts on a nomination, and for which side. A counsellor or casemanager acts for the
 * nominating organisation (5.2, 5.3); a landlord's fixed contact (5.1) for a landlord the
 * nomination is addressed to. Other roles (GGD, platform coordinator) take no step here.
 */
import type { ContactRole } from '../parties/party';
import type { Nomination } from './nomination';
import type { Refusal } from './refusals';

export interface Actor {
  contactId: string;
  /** Shown on the acknowledgement; never written to the audit trail. */
  contactName: string;
  partyId: string;
  role: ContactRole;
}

export type Side = 'care' | 'landlord';

export function sideOf(role: string): Side | undefined {
  if (role === 'counsellor' || role === 'casemanager') return 'care';
  if (role === 'landlord-contact') return 'landlord';
  return undefined;
}

/** What the landlord rules below read of a nomination: a whole one, or its counted fields (storage ports). */
export type AddressFacts = Pick<Nomination, 'targetLandlordIds'> & { verdict?: { allowedLandlordIds: string[] } };
export type CommitFacts = {
  lease?: { landlordId: string };
  offer?: { landlordId: string };
  proposedHome?: { landlordId: string };
};

/** The landlords the nomination goes to: the chosen targets, narrowed by the verdict (5.6b, 6.3, 6.4). */
export function addressedLandlordIds(n: AddressFacts): string[] {
  const allowed = n.verdict?.allowedLandlordIds;
  return allowed ? n.targetLandlordIds.filter((id) => allowed.includes(id)) : [...n.targetLandlordIds];
}

/** Once a landlord proposed a home, that landlord alone takes the later steps (5.5: it leads the allocation). */
export function committedLandlordId(n: CommitFacts): string | undefined {
  return n.lease?.landlordId ?? n.offer?.landlordId ?? n.proposedHome?.landlordId;
}

/** The landlords to keep informed now: the committed one, else all addressed ones once registered. */
export function involvedLandlordIds(n: AddressFacts & CommitFacts & Pick<Nomination, 'registeredAt'>): string[] {
  const committed = committedLandlordId(n);
  if (committed) return [committed];
  return n.registeredAt ? addressedLandlordIds(n) : [];
}

/** Undefined when `actor` may take a step open to `roles`; otherwise why not (refusals.ts). */
export function refuseActor(n: Nomination, actor: Actor, roles: readonly ContactRole[]): Refusal | undefined {
  if (!roles.includes(actor.role)) return roleRefusal(roles);
  const side = sideOf(actor.role);
  if (side === 'care') {
    return actor.partyId === n.nominatingPartyId ? undefined : { code: 'not-nominating-organisation' };
  }
  if (side === 'landlord') {
    if (!addressedLandlordIds(n).includes(actor.partyId)) return { code: 'not-addressed' };
    const committed = committedLandlordId(n);
    if (committed && committed !== actor.partyId) return { code: 'other-landlord-leads' };
    return undefined;
  }
  return roleRefusal(roles);
}

function roleRefusal(roles: readonly ContactRole[]): Refusal {
  const care = roles.includes('counsellor') || roles.includes('casemanager');
  const landlord = roles.includes('landlord-contact');
  if (care && landlord) return { code: 'care-or-landlord-roles-only' };
  if (landlord) return { code: 'landlord-role-only' };
  return { code: 'care-roles-only' };
}
