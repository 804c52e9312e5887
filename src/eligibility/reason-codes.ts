/**
 * Every reason a verdict can give, by code, with its article and severity, free of language:
 * the sentences live in reasons.nl.ts, so English is one more file keyed by the same codes.
 */
import { CHECKLIST_ITEMS, type ChecklistItem } from '../nomination/nomination';
import type { VerdictReason } from './verdict';

type Severity = VerdictReason['severity'];

export interface ReasonRule {
  article: string;
  severity: Severity;
  /** The covenant does not apply at all (preamble, 4.2): out-of-scope rather than not-eligible. */
  outOfScope?: true;
}

/** Reasons whose article and severity never change. Checklist reasons are below. */
export const FIXED_REASONS = {
  'wlz-funded': { article: 'preambule', severity: 'blocking', outOfScope: true },
  'residency-period-in-future': { article: '1c', severity: 'blocking' },
  'residency-period-ends-before-start': { article: '1c', severity: 'blocking' },
  'residency-short-with-motivation': { article: '1c', severity: 'maatwerk' },
  'residency-short-without-motivation': { article: '1c', severity: 'blocking' },
  'noodwoning-without-minor-children': { article: '1l', severity: 'blocking' },
  'nominator-not-allowed': { article: '4.1', severity: 'blocking' },
  'not-expected-to-live-independently': { article: '4.1', severity: 'blocking' },
  'family-with-minors-boundary-crossing': { article: '4.2', severity: 'blocking', outOfScope: true },
  'no-target-landlords': { article: '5.3', severity: 'blocking' },
  'target-not-a-current-landlord': { article: '5.3', severity: 'info' },
  'woonnet-not-needed-for-duivenvoorde': { article: '5.6b', severity: 'info' },
  'restricted-to-duivenvoorde': { article: '5.6b', severity: 'info' },
  'not-registered-no-duivenvoorde': { article: '5.6b', severity: 'blocking' },
  'budget-management-deviation-motivated': { article: '5.6j', severity: 'info' },
  'budget-management-deviation-unmotivated': { article: '5.6j', severity: 'blocking' },
  'eviction-from-noodwoning': { article: '5.6k', severity: 'info' },
  'tbs-via-mayor': { article: '5.6l', severity: 'info' },
  'tbs-exception-without-mayor': { article: '5.6l', severity: 'blocking' },
  'noodwoning-not-by-limor': { article: '6.1', severity: 'blocking' },
  'noodwoning-not-referred-by-ggd': { article: '6.1', severity: 'blocking' },
  'evicting-landlord-excluded': { article: '6.3', severity: 'info' },
  'noodwoning-no-landlord-left': { article: '6.3', severity: 'blocking' },
  'duivenvoorde-excluded-for-noodwoning': { article: '6.4', severity: 'info' },
  'noodwoning-quota-consultation': { article: '6.4', severity: 'maatwerk' },
} as const satisfies Record<string, ReasonRule>;
export type FixedReasonCode = keyof typeof FIXED_REASONS;

/** What can be wrong with one 5.6 answer on its own; all of them block. */
export const CHECKLIST_PROBLEMS = [
  'missing',
  'not-met',
  'exception-not-allowed',
  'not-applicable-not-allowed',
] as const;
export type ChecklistProblem = (typeof CHECKLIST_PROBLEMS)[number];
export type ChecklistReasonCode = `checklist-${ChecklistItem}-${ChecklistProblem}`;

export type ReasonCode = FixedReasonCode | ChecklistReasonCode;

export function checklistReasonCode(item: ChecklistItem, problem: ChecklistProblem): ChecklistReasonCode {
  return `checklist-${item}-${problem}`;
}

const CHECKLIST_CODE = /^checklist-([a-l])-(.+)$/;

/** The item and problem of a checklist code, or undefined for a fixed code. */
export function parseChecklistReasonCode(
  code: ReasonCode,
): { item: ChecklistItem; problem: ChecklistProblem } | undefined {
  const m = CHECKLIST_CODE.exec(code);
  const item = CHECKLIST_ITEMS.find((i) => i === m?.[1]);
  const problem = CHECKLIST_PROBLEMS.find((p) => p === m?.[2]);
  return item && problem ? { item, problem } : undefined;
}

export function reasonRule(code: ReasonCode): ReasonRule {
  const checklist = parseChecklistReasonCode(code);
  if (checklist) return { article: `5.6${checklist.item}`, severity: 'blocking' };
  return FIXED_REASONS[code as FixedReasonCode];
}
