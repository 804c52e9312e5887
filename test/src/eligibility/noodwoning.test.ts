import { describe, expect, it } from 'vitest';
import { evaluateEligibility, type EligibilityContext } from '../../../src/eligibility/evaluate';
import type { ReasonCode } from '../../../src/eligibility/reason-codes';
import { LIMOR_ID } from '../../../src/parties/party';
import {
  CARE_ORGANISATION_ID,
  codes,
  DUIVENVOORDE,
  eligibleNoodwoningInput,
  limorContext,
  notMet,
  VIDOMES,
  WOONINVEST,
  type InputChanges,
} from './builders';

describe('1l, 6: the noodwoning route', () => {
  const rows: [string, InputChanges, Partial<EligibilityContext>, string, ReasonCode[], string[]][] = [
    ['a referred family nominated by LIMOR', {}, {}, 'eligible', [], [VIDOMES, WOONINVEST]],
    [
      '1l: no minor children',
      { household: { minorChildren: 0 } },
      {},
      'not-eligible',
      ['noodwoning-without-minor-children'],
      [],
    ],
    [
      '6.1: nominated by another care organisation',
      { nominatingPartyId: CARE_ORGANISATION_ID },
      { nominatingPartyKind: 'zorgorganisatie' },
      'not-eligible',
      ['noodwoning-not-by-limor'],
      [],
    ],
    [
      '6.1: LIMOR known by its id',
      { nominatingPartyId: LIMOR_ID },
      { nominatingPartyKind: 'zorgorganisatie' },
      'eligible',
      [],
      [VIDOMES, WOONINVEST],
    ],
    [
      '6.1: LIMOR known by its kind',
      { nominatingPartyId: 'limor-haaglanden' },
      { nominatingPartyKind: 'limor' },
      'eligible',
      [],
      [VIDOMES, WOONINVEST],
    ],
    [
      '6.1: not referred by the GGD Meldpunt',
      { noodwoning: { referredByGgdMeldpunt: false } },
      {},
      'not-eligible',
      ['noodwoning-not-referred-by-ggd'],
      [],
    ],
    [
      '6.1: no noodwoning details at all',
      { noodwoning: undefined },
      {},
      'not-eligible',
      ['noodwoning-not-referred-by-ggd'],
      [],
    ],
    [
      '6.3: no choice made, the evicting landlord is left out without a word',
      { noodwoning: { referredByGgdMeldpunt: true, evictingLandlordId: VIDOMES } },
      {},
      'eligible',
      [],
      [WOONINVEST],
    ],
    [
      '6.3: the evicting landlord chosen is removed',
      {
        noodwoning: { referredByGgdMeldpunt: true, evictingLandlordId: VIDOMES },
        targetLandlordIds: [VIDOMES, WOONINVEST],
      },
      {},
      'eligible',
      ['evicting-landlord-excluded'],
      [WOONINVEST],
    ],
    [
      '6.3: only the evicting landlord chosen',
      { noodwoning: { referredByGgdMeldpunt: true, evictingLandlordId: VIDOMES }, targetLandlordIds: [VIDOMES] },
      {},
      'not-eligible',
      ['evicting-landlord-excluded', 'noodwoning-no-landlord-left'],
      [],
    ],
    [
      '6.4: Duivenvoorde chosen is removed',
      { targetLandlordIds: [DUIVENVOORDE, WOONINVEST] },
      {},
      'eligible',
      ['duivenvoorde-excluded-for-noodwoning'],
      [WOONINVEST],
    ],
    [
      '6.4: only Duivenvoorde chosen',
      { targetLandlordIds: [DUIVENVOORDE] },
      {},
      'not-eligible',
      ['noodwoning-no-landlord-left', 'duivenvoorde-excluded-for-noodwoning'],
      [],
    ],
    [
      '6.3 and 6.4: no landlord left when the other one evicted',
      { noodwoning: { referredByGgdMeldpunt: true, evictingLandlordId: WOONINVEST } },
      { currentLandlordIds: [WOONINVEST, DUIVENVOORDE] },
      'not-eligible',
      ['noodwoning-no-landlord-left'],
      [],
    ],
    [
      '6.4: beyond two a year, consultation between parties',
      { noodwoning: { referredByGgdMeldpunt: true, consultationFlagged: true } },
      {},
      'eligible-with-maatwerk',
      ['noodwoning-quota-consultation'],
      [VIDOMES, WOONINVEST],
    ],
    [
      '5.6b: without Woonnet registration nothing is left, as Duivenvoorde has no noodwoningen',
      { checklist: { b: notMet } },
      {},
      'not-eligible',
      ['not-registered-no-duivenvoorde'],
      [],
    ],
    [
      '4.2 applies to the route as well',
      { scope: { boundaryCrossingBehaviourInFamily: true } },
      {},
      'out-of-scope',
      ['family-with-minors-boundary-crossing'],
      [],
    ],
  ];
  it.each(rows)('%s', (_name, changes, contextChanges, kind, expectedCodes, allowed) => {
    const verdict = evaluateEligibility(eligibleNoodwoningInput(changes), limorContext(contextChanges));
    expect(verdict.kind).toBe(kind);
    expect(codes(verdict)).toEqual(expectedCodes);
    expect(verdict.allowedLandlordIds).toEqual(allowed);
  });

  it('never names the evicting landlord in a reason (6.3, 10.6)', () => {
    const verdict = evaluateEligibility(
      eligibleNoodwoningInput({
        noodwoning: { referredByGgdMeldpunt: true, evictingLandlordId: VIDOMES },
        targetLandlordIds: [VIDOMES],
      }),
      limorContext(),
    );
    for (const reason of verdict.reasons) expect(reason.text.toLowerCase()).not.toContain('vidomes');
  });
});
