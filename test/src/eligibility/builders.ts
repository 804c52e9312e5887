/**
 * Test data for the eligibility rules: a nomination that passes every rule, so each table row
 * states only what differs. Residency since 2010 and TODAY in 2025 keep 1c out of the way.
 */
import type { EligibilityContext, EligibilityInput } from '../../../src/eligibility/evaluate';
import type { ReasonCode } from '../../../src/eligibility/reason-codes';
import type { Verdict } from '../../../src/eligibility/verdict';
import type {
  ChecklistAnswer,
  Checklist,
  Household,
  NoodwoningDetails,
  ResidencyPeriod,
  ScopeConfirmations,
} from '../../../src/nomination/nomination';
import { LANDLORD_IDS, LIMOR_ID } from '../../../src/parties/party';

export const TODAY = '2025-06-15';
export const CARE_ORGANISATION_ID = 'parnassia-haaglanden';
export const { vidomes: VIDOMES, wooninvest: WOONINVEST, duivenvoorde: DUIVENVOORDE } = LANDLORD_IDS;
export const CURRENT_LANDLORDS = [VIDOMES, WOONINVEST, DUIVENVOORDE];

export const met: ChecklistAnswer = { status: 'met' };
export const notMet: ChecklistAnswer = { status: 'not-met' };
export const notApplicable: ChecklistAnswer = { status: 'not-applicable' };
export const exception = (motivation?: string): ChecklistAnswer => ({ status: 'exception', motivation });
export const MOTIVATION = 'Woont al jaren feitelijk in de gemeente via de instelling.';

const ALL_MET: Checklist = {
  a: met,
  b: met,
  c: met,
  d: met,
  e: met,
  f: met,
  g: met,
  h: met,
  i: met,
  j: met,
  k: met,
  l: met,
};

/** Sub-objects are merged into the eligible defaults; `checklist: { a: undefined }` removes an answer. */
export interface InputChanges {
  type?: EligibilityInput['type'];
  household?: Partial<Household>;
  residency?: ResidencyPeriod[];
  residencyMaatwerkMotivation?: string;
  checklist?: Checklist;
  scope?: Partial<ScopeConfirmations>;
  noodwoning?: NoodwoningDetails;
  viaMayor?: boolean;
  targetLandlordIds?: string[];
  nominatingPartyId?: string;
}

export function eligibleInput(changes: InputChanges = {}): EligibilityInput {
  return {
    type: changes.type ?? 'convenantwoning',
    candidate: { household: { adults: 1, minorChildren: 0, ...changes.household } },
    residency: changes.residency ?? [{ from: '2010-01-01' }],
    residencyMaatwerkMotivation: changes.residencyMaatwerkMotivation,
    checklist: { ...ALL_MET, ...changes.checklist },
    scope: {
      wlzFunded: false,
      expectedToLiveIndependently: true,
      boundaryCrossingBehaviourInFamily: false,
      ...changes.scope,
    },
    noodwoning: changes.noodwoning,
    viaMayor: changes.viaMayor,
    targetLandlordIds: changes.targetLandlordIds ?? [VIDOMES, WOONINVEST],
    nominatingPartyId: changes.nominatingPartyId ?? CARE_ORGANISATION_ID,
  };
}

/** A family LIMOR nominates for a noodwoning after a GGD referral (1l, 6.1), to any allowed landlord. */
export function eligibleNoodwoningInput(changes: InputChanges = {}): EligibilityInput {
  return eligibleInput({
    type: 'noodwoning',
    nominatingPartyId: LIMOR_ID,
    targetLandlordIds: [],
    noodwoning: { referredByGgdMeldpunt: true },
    ...changes,
    household: { adults: 2, minorChildren: 2, ...changes.household },
  });
}

export function context(changes: Partial<EligibilityContext> = {}): EligibilityContext {
  return { today: TODAY, nominatingPartyKind: 'zorgorganisatie', currentLandlordIds: CURRENT_LANDLORDS, ...changes };
}

export const limorContext = (changes: Partial<EligibilityContext> = {}) =>
  context({ nominatingPartyKind: 'limor', ...changes });

export function codes(verdict: Verdict): ReasonCode[] {
  return verdict.reasons.map((r) => r.code);
}

export function blockingArticles(verdict: Verdict): string[] {
  return verdict.reasons.filter((r) => r.severity === 'blocking').map((r) => r.article);
}
