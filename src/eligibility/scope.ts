/**
 * Whether the covenant applies at all (preamble, 4.2) and who may nominate whom (4.1).
 */
import type { Household, ScopeConfirmations } from '../nomination/nomination';
import type { PartyKind } from '../parties/party';
import { makeReason } from './reasons';
import type { VerdictReason } from './verdict';

/** 4.1: care organisations (LIMOR is one), Reclassering and the Lokale Kamer nominate. */
export const NOMINATING_PARTY_KINDS: readonly PartyKind[] = [
  'zorgorganisatie',
  'reclassering',
  'lokale-kamer',
  'limor',
];

export function scopeReasons(
  input: { scope: ScopeConfirmations; household: Household },
  nominatingPartyKind: PartyKind,
): VerdictReason[] {
  const reasons: VerdictReason[] = [];
  if (input.scope.wlzFunded) reasons.push(makeReason('wlz-funded'));
  if (!NOMINATING_PARTY_KINDS.includes(nominatingPartyKind)) reasons.push(makeReason('nominator-not-allowed'));
  if (!input.scope.expectedToLiveIndependently) reasons.push(makeReason('not-expected-to-live-independently'));
  // 4.2 excludes families only where minor children live in; the same behaviour without them is for 5.6 to weigh.
  if (input.scope.boundaryCrossingBehaviourInFamily && input.household.minorChildren > 0) {
    reasons.push(makeReason('family-with-minors-boundary-crossing'));
  }
  return reasons;
}
