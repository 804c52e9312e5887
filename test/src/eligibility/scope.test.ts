import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../../../src/eligibility/evaluate';
import type { ReasonCode } from '../../../src/eligibility/reason-codes';
import type { PartyKind } from '../../../src/parties/party';
import { codes, context, eligibleInput, notMet, type InputChanges } from './builders';

describe('preamble, 4.1, 4.2: whether the covenant applies and to whom', () => {
  const rows: [string, InputChanges, string, ReasonCode[]][] = [
    ['Wlz-funded housing is outside the covenant', { scope: { wlzFunded: true } }, 'out-of-scope', ['wlz-funded']],
    [
      '4.1: not expected to live independently',
      { scope: { expectedToLiveIndependently: false } },
      'not-eligible',
      ['not-expected-to-live-independently'],
    ],
    ['5.6e: not able to live independently', { checklist: { e: notMet } }, 'not-eligible', ['checklist-e-not-met']],
    [
      '4.1 and 5.6e both',
      { scope: { expectedToLiveIndependently: false }, checklist: { e: notMet } },
      'not-eligible',
      ['not-expected-to-live-independently', 'checklist-e-not-met'],
    ],
    [
      '4.2: boundary-crossing behaviour in a family with minors living in',
      { scope: { boundaryCrossingBehaviourInFamily: true }, household: { minorChildren: 1 } },
      'out-of-scope',
      ['family-with-minors-boundary-crossing'],
    ],
    [
      '4.2: the same behaviour without minors is not excluded by 4.2',
      { scope: { boundaryCrossingBehaviourInFamily: true }, household: { minorChildren: 0 } },
      'eligible',
      [],
    ],
    ['4.2: minors without boundary-crossing behaviour', { household: { adults: 2, minorChildren: 3 } }, 'eligible', []],
  ];
  it.each(rows)('%s', (_name, changes, kind, expected) => {
    const verdict = evaluateEligibility(eligibleInput(changes), context());
    expect(verdict.kind).toBe(kind);
    expect(codes(verdict)).toEqual(expected);
  });
});

describe('4.1: care organisations, Reclassering and the Lokale Kamer nominate', () => {
  const rows: [PartyKind, boolean][] = [
    ['zorgorganisatie', true],
    ['reclassering', true],
    ['lokale-kamer', true],
    ['limor', true],
    ['sociale-verhuurder', false],
    ['gemeente', false],
    ['ggd-meldpunt', false],
  ];
  it.each(rows)('%s may nominate: %s', (nominatingPartyKind, allowed) => {
    const verdict = evaluateEligibility(eligibleInput(), context({ nominatingPartyKind }));
    expect(codes(verdict)).toEqual(allowed ? [] : ['nominator-not-allowed']);
  });
});
