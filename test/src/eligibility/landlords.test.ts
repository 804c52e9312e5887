import { describe, expect, it } from 'vitest';
import { evaluateEligibility, type EligibilityContext } from '../../../src/eligibility/evaluate';
import type { ReasonCode } from '../../../src/eligibility/reason-codes';
import { codes, context, DUIVENVOORDE, eligibleInput, VIDOMES, WOONINVEST } from './builders';

describe('5.3: a convenantwoning goes to the chosen landlords that take part', () => {
  const rows: [string, string[], Partial<EligibilityContext>, string, ReasonCode[], string[]][] = [
    ['the chosen landlords, in order', [WOONINVEST, VIDOMES], {}, 'eligible', [], [WOONINVEST, VIDOMES]],
    ['Duivenvoorde may be chosen', [DUIVENVOORDE], {}, 'eligible', [], [DUIVENVOORDE]],
    ['a landlord chosen twice counts once', [VIDOMES, VIDOMES], {}, 'eligible', [], [VIDOMES]],
    ['none chosen', [], {}, 'not-eligible', ['no-target-landlords'], []],
    [
      'a landlord that left the covenant is removed',
      [VIDOMES, WOONINVEST],
      { currentLandlordIds: [WOONINVEST, DUIVENVOORDE] },
      'eligible',
      ['target-not-a-current-landlord'],
      [WOONINVEST],
    ],
    [
      'only unknown landlords chosen',
      ['unknown-landlord'],
      {},
      'not-eligible',
      ['target-not-a-current-landlord', 'no-target-landlords'],
      [],
    ],
  ];
  it.each(rows)('%s', (_name, targetLandlordIds, contextChanges, kind, expectedCodes, allowed) => {
    const verdict = evaluateEligibility(eligibleInput({ targetLandlordIds }), context(contextChanges));
    expect(verdict.kind).toBe(kind);
    expect(codes(verdict)).toEqual(expectedCodes);
    expect(verdict.allowedLandlordIds).toEqual(allowed);
  });
});
