import { addressedLandlordIds, involvedLandlordIds, type AddressFacts, type CommitFacts } from '../nomination/actor';
import type { Nomination } from '../nomination/nomination';

/**
 * Sent to the landlord (registered, 5.3), chosen by the counsellor and allowed by the
 * rules: not the evicting landlord (6.3), not Duivenvoorde for a noodwoning (6.4),
 * Woonnet registration (5.6b).
 */
export function isAddressedTo(
  nomination: AddressFacts & Pick<Nomination, 'registeredAt'>,
  landlordId: string,
): boolean {
  return Boolean(nomination.registeredAt) && addressedLandlordIds(nomination).includes(landlordId);
}

/**
 * Whether the landlord still has to find a home for it: addressed to it, and no other
 * landlord has proposed a home yet (5.5: from then on that landlord leads).
 */
export function isLandlordStillSearching(
  nomination: AddressFacts & CommitFacts & Pick<Nomination, 'registeredAt'>,
  landlordId: string,
): boolean {
  return involvedLandlordIds(nomination).includes(landlordId);
}
