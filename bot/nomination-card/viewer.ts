/** Who looks at a nomination card, and as whom the lifecycle is asked which buttons it shows. */
import { sideOf, type Actor } from '../../src/nomination/actor';
import type { CardViewer } from '../../src/storage/card-activity-port';
import type { Identity } from '../identity';

export type { CardViewer };

/** A landlord contact sees the landlord view; a counsellor or casemanager the organisation view; others nothing. */
export function viewerOf(identity: Identity): CardViewer | undefined {
  const side = sideOf(identity.role);
  if (side === 'landlord') return { audience: 'landlord', partyId: identity.party.id };
  if (side === 'care') return { audience: 'organisation', partyId: identity.party.id };
  return undefined;
}

export function actorOf(identity: Identity): Actor {
  return {
    contactId: identity.contact.id,
    contactName: identity.contact.name,
    partyId: identity.party.id,
    role: identity.role,
  };
}

/**
 * A card is for everyone of the viewer's party in that conversation, so its buttons are those of
 * the role at that party, not of one person (the steps on the card ask no more than that).
 */
export function actorForViewer(viewer: CardViewer): Actor {
  return {
    contactId: `viewer:${viewer.partyId}`,
    contactName: '',
    partyId: viewer.partyId,
    role: viewer.audience === 'landlord' ? 'landlord-contact' : 'counsellor',
  };
}
