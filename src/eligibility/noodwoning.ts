/**
 * Art. 6 and 1l: who the noodwoning route is for and who may use it. Which landlords it may go
 * to (6.3, 6.4) is in landlords.ts; the yearly count of two (6.4) is counted by the quota code,
 * which sets consultationFlagged.
 */
import type { Household, NominationType, NoodwoningDetails } from '../nomination/nomination';
import { LIMOR_ID, type PartyKind } from '../parties/party';
import { makeReason } from './reasons';
import type { VerdictReason } from './verdict';

export function noodwoningReasons(
  input: { type: NominationType; household: Household; noodwoning?: NoodwoningDetails; nominatingPartyId: string },
  nominatingPartyKind: PartyKind,
): VerdictReason[] {
  if (input.type !== 'noodwoning') return [];
  const reasons: VerdictReason[] = [];
  if (input.household.minorChildren <= 0) reasons.push(makeReason('noodwoning-without-minor-children'));
  if (input.nominatingPartyId !== LIMOR_ID && nominatingPartyKind !== 'limor') {
    reasons.push(makeReason('noodwoning-not-by-limor'));
  }
  if (input.noodwoning?.referredByGgdMeldpunt !== true) reasons.push(makeReason('noodwoning-not-referred-by-ggd'));
  // Beyond two a year the covenant asks for consultation, not a refusal: a reviewer's look.
  if (input.noodwoning?.consultationFlagged === true) reasons.push(makeReason('noodwoning-quota-consultation'));
  return reasons;
}
