/**
 * The criteria check of a nomination: preamble, 1c, 1l, 4.1, 4.2, 5.3, 5.6 a–l and art. 6.
 * Pure: same input and context, same verdict. Every reason is kept, not just the first, so the
 * counsellor sees everything to fix at once.
 */
import type { Household, Nomination } from '../nomination/nomination';
import type { PartyKind } from '../parties/party';
import type { IsoDate } from '../time/dates';
import { checklistReasons } from './checklist';
import { allowedLandlords } from './landlords';
import { noodwoningReasons } from './noodwoning';
import { compareArticles, isOutOfScopeReason } from './reasons';
import { residencyReasons } from './residency';
import { scopeReasons } from './scope';
import type { Verdict, VerdictKind, VerdictReason } from './verdict';

/** The part of a nomination the rules read; a whole Nomination fits. */
export type EligibilityInput = Pick<
  Nomination,
  | 'type'
  | 'residency'
  | 'residencyMaatwerkMotivation'
  | 'checklist'
  | 'scope'
  | 'noodwoning'
  | 'viaMayor'
  | 'targetLandlordIds'
  | 'nominatingPartyId'
> & { candidate: { household: Household } };

export interface EligibilityContext {
  /** Local date in Europe/Amsterdam (src/time/dates.ts localDate); also the verdict's decidedAt. */
  today: IsoDate;
  nominatingPartyKind: PartyKind;
  /** Social landlords taking part in the covenant today (art. 2, 12.2, 13.2). */
  currentLandlordIds: readonly string[];
}

export function evaluateEligibility(input: EligibilityInput, context: EligibilityContext): Verdict {
  const household = input.candidate.household;
  const landlords = allowedLandlords(input, context.currentLandlordIds);
  const reasons = [
    ...scopeReasons({ scope: input.scope, household }, context.nominatingPartyKind),
    ...residencyReasons(input, context.today),
    ...checklistReasons(input.checklist, input.viaMayor === true),
    ...noodwoningReasons({ ...input, household }, context.nominatingPartyKind),
    ...landlords.reasons,
  ].sort((a, b) => compareArticles(a.article, b.article)); // stable: same article keeps rule order
  const kind = verdictKind(reasons);
  const eligible = kind === 'eligible' || kind === 'eligible-with-maatwerk';
  return {
    kind,
    reasons,
    // A nomination that may not go anywhere has no landlords, whatever the targets were.
    allowedLandlordIds: eligible ? landlords.allowedLandlordIds : [],
    decidedAt: context.today,
  };
}

export function verdictKind(reasons: readonly VerdictReason[]): VerdictKind {
  if (reasons.some(isOutOfScopeReason)) return 'out-of-scope';
  if (reasons.some((r) => r.severity === 'blocking')) return 'not-eligible';
  if (reasons.some((r) => r.severity === 'maatwerk')) return 'eligible-with-maatwerk';
  return 'eligible';
}
