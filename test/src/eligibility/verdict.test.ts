import { describe, expect, it } from 'vitest';
import { evaluateEligibility, verdictKind } from '../../../src/eligibility/evaluate';
import {
  CHECKLIST_PROBLEMS,
  checklistReasonCode,
  FIXED_REASONS,
  type ReasonCode,
} from '../../../src/eligibility/reason-codes';
import { compareArticles, makeReason } from '../../../src/eligibility/reasons';
import { CHECKLIST_ITEMS } from '../../../src/nomination/nomination';
import {
  codes,
  context,
  eligibleInput,
  eligibleNoodwoningInput,
  exception,
  limorContext,
  MOTIVATION,
  notApplicable,
  notMet,
  TODAY,
} from './builders';

const ALL_CODES: ReasonCode[] = [
  ...(Object.keys(FIXED_REASONS) as ReasonCode[]),
  ...CHECKLIST_ITEMS.flatMap((item) => CHECKLIST_PROBLEMS.map((problem) => checklistReasonCode(item, problem))),
];

describe('combining reasons into a verdict kind', () => {
  const rows: [string, ReasonCode[], string][] = [
    ['no reasons', [], 'eligible'],
    ['only info', ['tbs-via-mayor', 'eviction-from-noodwoning'], 'eligible'],
    ['maatwerk', ['tbs-via-mayor', 'residency-short-with-motivation'], 'eligible-with-maatwerk'],
    ['blocking beats maatwerk', ['residency-short-with-motivation', 'checklist-a-not-met'], 'not-eligible'],
    ['out of scope beats blocking', ['checklist-a-not-met', 'wlz-funded'], 'out-of-scope'],
    [
      '4.2 is out of scope too',
      ['family-with-minors-boundary-crossing', 'noodwoning-quota-consultation'],
      'out-of-scope',
    ],
  ];
  it.each(rows)('%s', (_name, reasonCodes, kind) => {
    expect(verdictKind(reasonCodes.map(makeReason))).toBe(kind);
  });
});

describe('a verdict keeps every reason, ordered by article', () => {
  it('reports all problems at once and sends the nomination nowhere', () => {
    const verdict = evaluateEligibility(
      eligibleInput({
        scope: { wlzFunded: true, expectedToLiveIndependently: false },
        residency: [{ from: '2023-01-01' }],
        residencyMaatwerkMotivation: MOTIVATION,
        checklist: { l: exception(), a: notMet, j: exception(MOTIVATION), d: undefined },
      }),
      context(),
    );
    expect(verdict.kind).toBe('out-of-scope');
    expect(verdict.allowedLandlordIds).toEqual([]);
    expect(verdict.reasons.map((r) => r.article)).toEqual(['preambule', '1c', '4.1', '5.6a', '5.6d', '5.6j', '5.6l']);
  });

  it('an eligible verdict carries the allowed landlords and is decided today', () => {
    const verdict = evaluateEligibility(eligibleInput(), context());
    expect(verdict).toEqual({
      kind: 'eligible',
      reasons: [],
      allowedLandlordIds: ['vidomes', 'wooninvest'],
      decidedAt: TODAY,
    });
  });

  const articleOrder: [string, string, number][] = [
    ['preambule', '1c', -1],
    ['1c', '1l', -1],
    ['1l', '4.1', -1],
    ['4.2', '5.3', -1],
    ['5.3', '5.6a', -1],
    ['5.6b', '5.6l', -1],
    ['5.6l', '6.1', -1],
    ['6.4', '6.3', 1],
    ['5.6k', '5.6k', 0],
  ];
  it.each(articleOrder)('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareArticles(a, b))).toBe(sign);
  });
});

describe('reason texts', () => {
  it.each(ALL_CODES)('%s: one Dutch sentence that starts with its article', (code) => {
    const reason = makeReason(code);
    expect(reason.code).toBe(code);
    expect(reason.text.startsWith(`${reason.article}: `)).toBe(true);
    expect(reason.text).toMatch(/[.?]$/);
  });

  it('every reason of a nomination with many problems starts with its article', () => {
    const verdict = evaluateEligibility(
      eligibleNoodwoningInput({
        household: { minorChildren: 0 },
        residency: [{ from: '2030-01-01' }, { from: '2020-02-02', to: '2020-01-01' }],
        checklist: { a: undefined, b: exception(), g: notApplicable, i: exception(), j: exception(), k: notMet },
        noodwoning: { referredByGgdMeldpunt: false, consultationFlagged: true },
        targetLandlordIds: ['gone', 'duivenvoorde'],
        nominatingPartyId: 'gemeente',
      }),
      limorContext({ nominatingPartyKind: 'gemeente' }),
    );
    expect(verdict.kind).toBe('not-eligible');
    expect(verdict.reasons.length).toBeGreaterThan(10);
    for (const reason of verdict.reasons) expect(reason.text.startsWith(`${reason.article}: `)).toBe(true);
    expect(codes(verdict)).toContain('noodwoning-not-by-limor');
  });
});
