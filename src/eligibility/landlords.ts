/**
 * Which social landlords a nomination may go to: the chosen ones that take part in the covenant
 * (5.3), for a noodwoning all but the evicting landlord (6.3) and Duivenvoorde (6.4), and without
 * a Woonnet Haaglanden registration only Duivenvoorde (5.6b).
 */
import type { Checklist, NominationType, NoodwoningDetails } from '../nomination/nomination';
import { LANDLORD_IDS, type LandlordId } from '../parties/party';
import { makeReason } from './reasons';
import type { VerdictReason } from './verdict';

export interface LandlordsInput {
  type: NominationType;
  targetLandlordIds: readonly LandlordId[];
  noodwoning?: NoodwoningDetails;
  checklist: Checklist;
}

export interface AllowedLandlords {
  allowedLandlordIds: LandlordId[];
  reasons: VerdictReason[];
}

export function allowedLandlords(input: LandlordsInput, currentLandlordIds: readonly LandlordId[]): AllowedLandlords {
  const reasons: VerdictReason[] = [];
  const targets = [...new Set(input.targetLandlordIds)];
  const currentTargets = targets.filter((id) => currentLandlordIds.includes(id));
  if (currentTargets.length < targets.length) reasons.push(makeReason('target-not-a-current-landlord'));

  let allowed: LandlordId[];
  if (input.type === 'noodwoning') {
    allowed = noodwoningLandlords(
      targets.length === 0 ? undefined : currentTargets,
      input,
      currentLandlordIds,
      reasons,
    );
  } else {
    allowed = currentTargets;
    if (allowed.length === 0) reasons.push(makeReason('no-target-landlords'));
  }
  return { allowedLandlordIds: withoutWoonnetRegistration(allowed, input.checklist, reasons), reasons };
}

/** 6.3, 6.4. No choice made means LIMOR asks every landlord the route allows (6.3). */
function noodwoningLandlords(
  chosen: LandlordId[] | undefined,
  input: LandlordsInput,
  currentLandlordIds: readonly LandlordId[],
  reasons: VerdictReason[],
): LandlordId[] {
  const evicting = input.noodwoning?.evictingLandlordId;
  const route = currentLandlordIds.filter((id) => id !== evicting && id !== LANDLORD_IDS.duivenvoorde);
  if (chosen && evicting !== undefined && chosen.includes(evicting)) {
    reasons.push(makeReason('evicting-landlord-excluded'));
  }
  if (chosen?.includes(LANDLORD_IDS.duivenvoorde)) reasons.push(makeReason('duivenvoorde-excluded-for-noodwoning'));
  const allowed = chosen ? chosen.filter((id) => route.includes(id)) : route;
  if (allowed.length === 0) reasons.push(makeReason('noodwoning-no-landlord-left'));
  return allowed;
}

/**
 * 5.6b: registration is not needed for a Duivenvoorde home. "Not met" and "exception" mean the
 * same here, as the landlords decide which applies; a missing answer is reported by checklist.ts.
 */
function withoutWoonnetRegistration(
  allowed: LandlordId[],
  checklist: Checklist,
  reasons: VerdictReason[],
): LandlordId[] {
  const status = checklist.b?.status;
  if (status !== 'not-met' && status !== 'exception') return allowed;
  if (!allowed.includes(LANDLORD_IDS.duivenvoorde)) {
    reasons.push(makeReason('not-registered-no-duivenvoorde'));
    return [];
  }
  reasons.push(makeReason(allowed.length === 1 ? 'woonnet-not-needed-for-duivenvoorde' : 'restricted-to-duivenvoorde'));
  return [LANDLORD_IDS.duivenvoorde];
}
