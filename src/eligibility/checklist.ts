/**
 * 5.6 a–l, answer by answer. Two items need more than their own answer and are decided
 * elsewhere: b (Woonnet Haaglanden) restricts the landlords (landlords.ts), and c's exception is
 * the 1c maatwerk route, decided on the residency dates (residency.ts).
 */
import { CHECKLIST_ITEMS, type ChecklistAnswer, type Checklist, type ChecklistItem } from '../nomination/nomination';
import { hasMotivation } from './motivation';
import { checklistReasonCode } from './reason-codes';
import { makeReason } from './reasons';
import { CHECKLIST_EXCEPTIONS_NL } from './reasons.nl';
import type { VerdictReason } from './verdict';

/** The only items for which 5.6 (with 1c) allows an exception. */
export const EXCEPTION_ITEMS = ['b', 'c', 'j', 'k', 'l'] as const satisfies readonly ChecklistItem[];
export type ExceptionItem = (typeof EXCEPTION_ITEMS)[number];

/** 5.6h says "indien nodig": only there may the counsellor answer that the item does not apply. */
export const NOT_APPLICABLE_ITEMS: readonly ChecklistItem[] = ['h'];

/** Item → what its exception means, for the card to show where an exception can be chosen. */
export const CHECKLIST_ALLOWED_EXCEPTIONS: Readonly<Record<ExceptionItem, string>> = CHECKLIST_EXCEPTIONS_NL;

export function isExceptionItem(item: ChecklistItem): item is ExceptionItem {
  return (EXCEPTION_ITEMS as readonly ChecklistItem[]).includes(item);
}

export function checklistReasons(checklist: Checklist, viaMayor: boolean): VerdictReason[] {
  return CHECKLIST_ITEMS.flatMap((item) => answerReasons(item, checklist[item], viaMayor));
}

function answerReasons(item: ChecklistItem, answer: ChecklistAnswer | undefined, viaMayor: boolean): VerdictReason[] {
  if (!answer) return [makeReason(checklistReasonCode(item, 'missing'))];
  switch (answer.status) {
    case 'met':
      return [];
    case 'not-met':
      return item === 'b' ? [] : [makeReason(checklistReasonCode(item, 'not-met'))];
    case 'not-applicable':
      return NOT_APPLICABLE_ITEMS.includes(item)
        ? []
        : [makeReason(checklistReasonCode(item, 'not-applicable-not-allowed'))];
    case 'exception':
      return isExceptionItem(item)
        ? exceptionReasons(item, answer, viaMayor)
        : [makeReason(checklistReasonCode(item, 'exception-not-allowed'))];
  }
}

function exceptionReasons(item: ExceptionItem, answer: ChecklistAnswer, viaMayor: boolean): VerdictReason[] {
  switch (item) {
    case 'b': // landlords.ts
    case 'c': // residency.ts
      return [];
    case 'j':
      return [
        makeReason(
          hasMotivation(answer.motivation)
            ? 'budget-management-deviation-motivated'
            : 'budget-management-deviation-unmotivated',
        ),
      ];
    case 'k':
      return [makeReason('eviction-from-noodwoning')];
    case 'l':
      return [makeReason(viaMayor ? 'tbs-via-mayor' : 'tbs-exception-without-mayor')];
  }
}
