import { describe, expect, it } from 'vitest';
import { CHECKLIST_ALLOWED_EXCEPTIONS, EXCEPTION_ITEMS } from '../../../src/eligibility/checklist';
import { evaluateEligibility } from '../../../src/eligibility/evaluate';
import type { ReasonCode } from '../../../src/eligibility/reason-codes';
import { CHECKLIST_ITEMS, type ChecklistItem } from '../../../src/nomination/nomination';
import {
  blockingArticles,
  codes,
  context,
  DUIVENVOORDE,
  eligibleInput,
  exception,
  met,
  MOTIVATION,
  notApplicable,
  notMet,
  VIDOMES,
  WOONINVEST,
  type InputChanges,
} from './builders';

const evaluate = (changes: InputChanges) => evaluateEligibility(eligibleInput(changes), context());

describe('5.6 a–l: each item met or not met', () => {
  it.each(CHECKLIST_ITEMS)('5.6%s met: no reason, eligible', (item) => {
    const verdict = evaluate({ checklist: { [item]: met } });
    expect(verdict.kind).toBe('eligible');
    expect(verdict.reasons).toEqual([]);
  });

  // b not met points at Duivenvoorde, which the default targets (Vidomes, WoonInvest) leave out.
  const notMetCode = (item: ChecklistItem): ReasonCode =>
    item === 'b' ? 'not-registered-no-duivenvoorde' : `checklist-${item}-not-met`;
  it.each(CHECKLIST_ITEMS)('5.6%s not met: blocking', (item) => {
    const verdict = evaluate({ checklist: { [item]: notMet } });
    expect(verdict.kind).toBe('not-eligible');
    expect(codes(verdict)).toEqual([notMetCode(item)]);
    expect(blockingArticles(verdict)).toEqual([`5.6${item}`]);
  });

  it.each(CHECKLIST_ITEMS)('5.6%s not answered: blocking "niet ingevuld"', (item) => {
    const verdict = evaluate({ checklist: { [item]: undefined } });
    expect(verdict.kind).toBe('not-eligible');
    expect(codes(verdict)).toEqual([`checklist-${item}-missing`]);
    expect(verdict.reasons[0]?.text).toMatch(new RegExp(`^5\\.6${item}: Niet ingevuld: `));
  });
});

describe('5.6: an exception where the covenant allows none', () => {
  const forbidden = CHECKLIST_ITEMS.filter((i) => !(EXCEPTION_ITEMS as readonly string[]).includes(i));
  it('is every item but b, c, j, k and l', () => {
    expect(forbidden).toEqual(['a', 'd', 'e', 'f', 'g', 'h', 'i']);
  });
  it.each(forbidden)('5.6%s exception: blocking, even with a motivation', (item) => {
    const verdict = evaluate({ checklist: { [item]: exception(MOTIVATION) } });
    expect(verdict.kind).toBe('not-eligible');
    expect(codes(verdict)).toEqual([`checklist-${item}-exception-not-allowed`]);
    expect(verdict.reasons[0]?.text).toContain('geen uitzondering');
  });
});

describe('5.6: "not applicable" only for h ("indien nodig")', () => {
  it('5.6h not applicable: eligible', () => {
    expect(evaluate({ checklist: { h: notApplicable } }).kind).toBe('eligible');
  });
  it.each(CHECKLIST_ITEMS.filter((i) => i !== 'h'))('5.6%s not applicable: blocking', (item) => {
    const verdict = evaluate({ checklist: { [item]: notApplicable } });
    expect(verdict.kind).toBe('not-eligible');
    expect(codes(verdict)).toEqual([`checklist-${item}-not-applicable-not-allowed`]);
  });
});

describe('5.6: the exceptions the covenant allows, with and without their condition', () => {
  const rows: [string, InputChanges, string, ReasonCode[], string[]?][] = [
    // b: registration with Woonnet Haaglanden is not needed for a Duivenvoorde home.
    [
      'b exception, only Duivenvoorde chosen',
      { checklist: { b: exception() }, targetLandlordIds: [DUIVENVOORDE] },
      'eligible',
      ['woonnet-not-needed-for-duivenvoorde'],
      [DUIVENVOORDE],
    ],
    [
      'b not met, only Duivenvoorde chosen',
      { checklist: { b: notMet }, targetLandlordIds: [DUIVENVOORDE] },
      'eligible',
      ['woonnet-not-needed-for-duivenvoorde'],
      [DUIVENVOORDE],
    ],
    [
      'b exception, Duivenvoorde among others: restricted to Duivenvoorde',
      { checklist: { b: exception() }, targetLandlordIds: [VIDOMES, DUIVENVOORDE, WOONINVEST] },
      'eligible',
      ['restricted-to-duivenvoorde'],
      [DUIVENVOORDE],
    ],
    [
      'b exception, Duivenvoorde not chosen',
      { checklist: { b: exception() }, targetLandlordIds: [VIDOMES] },
      'not-eligible',
      ['not-registered-no-duivenvoorde'],
      [],
    ],
    [
      'b met, all chosen landlords stay',
      { targetLandlordIds: [VIDOMES, DUIVENVOORDE] },
      'eligible',
      [],
      [VIDOMES, DUIVENVOORDE],
    ],
    // c: see residency.test.ts for the 1c maatwerk route.
    // j: the counsellor deviates from budget management with a motivation.
    [
      'j exception with a motivation',
      { checklist: { j: exception(MOTIVATION) } },
      'eligible',
      ['budget-management-deviation-motivated'],
    ],
    [
      'j exception without a motivation',
      { checklist: { j: exception() } },
      'not-eligible',
      ['budget-management-deviation-unmotivated'],
    ],
    [
      'j exception with too short a motivation',
      { checklist: { j: exception('  nee   ') } },
      'not-eligible',
      ['budget-management-deviation-unmotivated'],
    ],
    // k: evicted in the last three years, but coming from a noodwoning.
    [
      'k exception (comes from a noodwoning)',
      { checklist: { k: exception() } },
      'eligible',
      ['eviction-from-noodwoning'],
    ],
    ['k not met (not from a noodwoning)', { checklist: { k: notMet } }, 'not-eligible', ['checklist-k-not-met']],
    // l: TBS only when nominated via the mayor.
    ['l exception via the mayor', { checklist: { l: exception() }, viaMayor: true }, 'eligible', ['tbs-via-mayor']],
    [
      'l exception, not via the mayor',
      { checklist: { l: exception() }, viaMayor: false },
      'not-eligible',
      ['tbs-exception-without-mayor'],
    ],
    [
      'l exception, mayor not stated',
      { checklist: { l: exception() } },
      'not-eligible',
      ['tbs-exception-without-mayor'],
    ],
    [
      'l not met, even via the mayor',
      { checklist: { l: notMet }, viaMayor: true },
      'not-eligible',
      ['checklist-l-not-met'],
    ],
  ];
  it.each(rows)('%s', (_name, changes, kind, expectedCodes, allowed) => {
    const verdict = evaluate(changes);
    expect(verdict.kind).toBe(kind);
    expect(codes(verdict)).toEqual(expectedCodes);
    if (allowed) expect(verdict.allowedLandlordIds).toEqual(allowed);
  });

  it('the informative exception reasons do not block', () => {
    const verdict = evaluate({
      checklist: { j: exception(MOTIVATION), k: exception(), l: exception() },
      viaMayor: true,
    });
    expect(verdict.kind).toBe('eligible');
    expect(verdict.reasons.map((r) => r.severity)).toEqual(['info', 'info', 'info']);
  });
});

describe('CHECKLIST_ALLOWED_EXCEPTIONS', () => {
  it('describes exactly the items with an exception', () => {
    expect(Object.keys(CHECKLIST_ALLOWED_EXCEPTIONS).sort()).toEqual(['b', 'c', 'j', 'k', 'l']);
    for (const text of Object.values(CHECKLIST_ALLOWED_EXCEPTIONS)) expect(text.length).toBeGreaterThan(10);
  });
});
