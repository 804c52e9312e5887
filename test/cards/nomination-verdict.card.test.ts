/**
 * The verdict card in each state it can be in — every verdict kind, registered with queue places
 * and unreachable contacts, not sent, a draft without a verdict, in Dutch and English — is fully
 * bound and passes the Adaptive Card checker.
 */
import { describe, expect, it } from 'vitest';
import template from '../../cards/nomination-verdict/nomination-verdict.card.json' with { type: 'json' };
import { nominationVerdictCard, NOMINATION_LIST_VERB } from '../../cards/nomination-verdict/nomination-verdict.model';
import { OPEN_NOMINATION_VERB } from '../../cards/nomination-status/status.model';
import { nominationEn } from '../../bot/i18n/nomination.en';
import { nominationNl } from '../../bot/i18n/nomination.nl';
import { verdictData } from '../../bot/nomination/verdict-view';
import { evaluateEligibility } from '../../src/eligibility/evaluate';
import type { VerdictKind } from '../../src/eligibility/verdict';
import type { Nomination } from '../../src/nomination/nomination';
import { aNomination } from '../support/nomination-fixture';
import { expectValidAdaptiveCard } from '../support/adaptive-card';

const NAMES = new Map([
  ['vidomes', 'Stichting Vidomes'],
  ['wooninvest', 'Stichting WoonInvest'],
]);
const MET = { status: 'met' } as const;
const ALL_MET = Object.fromEntries('abcdefghijkl'.split('').map((item) => [item, MET]));

/** A nomination whose real verdict is of the given kind. */
function withVerdict(kind: VerdictKind): Nomination {
  const base = aNomination({ checklist: ALL_MET, residency: [{ from: '2010-01-01' }] });
  const changes: Record<VerdictKind, Partial<Nomination>> = {
    eligible: {},
    'eligible-with-maatwerk': { residency: [{ from: '2023-01-01' }], residencyMaatwerkMotivation: 'Een goede reden.' },
    'not-eligible': {
      state: 'not-eligible',
      registeredAt: undefined,
      checklist: { ...ALL_MET, a: { status: 'not-met' } },
    },
    'out-of-scope': { state: 'not-eligible', registeredAt: undefined, scope: { ...base.scope, wlzFunded: true } },
  };
  const n = { ...base, ...changes[kind] };
  const verdict = evaluateEligibility(n, {
    today: '2025-06-16',
    nominatingPartyKind: 'zorgorganisatie',
    currentLandlordIds: ['vidomes', 'wooninvest', 'duivenvoorde'],
  });
  expect(verdict.kind).toBe(kind);
  return { ...n, verdict };
}

const KINDS: VerdictKind[] = ['eligible', 'eligible-with-maatwerk', 'not-eligible', 'out-of-scope'];

describe('verdict card', () => {
  it('is an Adaptive Card 1.5 template', () => {
    expect(template.version).toBe('1.5');
  });

  describe.each(KINDS)('%s', (kind) => {
    it('renders in Dutch and English, with its reasons', () => {
      const n = withVerdict(kind);
      for (const texts of [nominationNl, nominationEn]) {
        const registered = n.state === 'registered';
        const data = verdictData(
          n,
          registered ? '2025-06-01' : undefined,
          registered ? { vidomes: 1, wooninvest: 3 } : {},
          NAMES,
          registered ? [{ name: 'Wim Woning', landlordId: 'wooninvest' }] : [],
          { texts },
        );
        const card = expectValidAdaptiveCard(nominationVerdictCard(data));
        const body = JSON.stringify(card.body);
        expect(body).toContain(texts.verdict.kinds[kind]);
        for (const reason of n.verdict!.reasons)
          expect(body).toContain(JSON.stringify(texts.reason(reason)).slice(1, -1));
        expect(body.includes(texts.verdict.queueHeading)).toBe(registered);
        expect(body.includes('Wim Woning (Stichting WoonInvest)')).toBe(registered);
      }
    });
  });

  it('renders a nomination without a verdict (a draft opened from the list)', () => {
    const data = verdictData(aNomination({ state: 'draft', registeredAt: undefined }), undefined, {}, NAMES, [], {
      texts: nominationNl,
    });
    const card = expectValidAdaptiveCard(nominationVerdictCard(data));
    expect(JSON.stringify(card)).toContain(nominationNl.verdict.noReasons);
  });

  it('opens the status card of a registered nomination, and leads back to "mijn aanmeldingen"', () => {
    const n = withVerdict('eligible');
    const data = verdictData(n, undefined, {}, NAMES, [], { texts: nominationNl });
    const card = expectValidAdaptiveCard(nominationVerdictCard(data));
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: OPEN_NOMINATION_VERB,
        title: 'Stand en stappen',
        data: { verb: OPEN_NOMINATION_VERB, nominationId: n.id },
      }),
      expect.objectContaining({ type: 'Action.Execute', verb: NOMINATION_LIST_VERB, title: 'Mijn aanmeldingen' }),
    ]);
  });

  it('has no status button for a nomination that went nowhere', () => {
    const data = verdictData(withVerdict('not-eligible'), undefined, {}, NAMES, [], { texts: nominationNl });
    const card = expectValidAdaptiveCard(nominationVerdictCard(data));
    expect((card.actions as { verb: string }[]).map((a) => a.verb)).toEqual([NOMINATION_LIST_VERB]);
  });
});
