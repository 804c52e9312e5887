/**
 * The rules inside the steps: payload edges (4.9 two years, 4.10 one year), the one-time
 * offer (4.5), the joint evaluation before conversion (4.9), and what each step records.
 */
import { describe, expect, it } from 'vitest';
import { decideStep, type StepDecision } from '../../../src/nomination/lifecycle';
import type { Nomination } from '../../../src/nomination/nomination';
import { nextEvaluationDueOn } from '../../../src/nomination/steps/lease';
import type { TransitionName } from '../../../src/nomination/transitions';
import { ACTORS, NOW, VALID_PAYLOADS, drive, nominationIn, verdict, type ActorName, type Step } from './fixtures';

function attempt(n: Nomination, name: TransitionName, payload: unknown, who: ActorName): StepDecision {
  return decideStep(n, { actor: ACTORS[who], transition: name, payload, expectedVersion: n.version }, NOW);
}

function changed(decision: StepDecision): Nomination {
  if (decision.kind !== 'change') throw new Error(JSON.stringify(decision));
  return decision.next;
}

const LEASE = VALID_PAYLOADS['sign-lease']; // signed 2025-06-10

interface Edge {
  title: string;
  state: Parameters<typeof nominationIn>[0];
  name: TransitionName;
  who: ActorName;
  payload: unknown;
  /** The field the error points at; undefined when the payload is valid. */
  field?: string;
  setup?: Step[];
}

const EDGES: Edge[] = [
  // 4.9: at most two years, and after the signing.
  {
    title: 'lease of exactly 2 years',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, temporaryUntil: '2027-06-10' },
  },
  {
    title: 'lease of 2 years + 1 day',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, temporaryUntil: '2027-06-11' },
    field: 'temporaryUntil',
  },
  {
    title: 'lease ending on the signing day',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, temporaryUntil: '2025-06-10' },
    field: 'temporaryUntil',
  },
  {
    title: 'lease of one day',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, temporaryUntil: '2025-06-11' },
  },
  // 4.10: at least one year.
  {
    title: 'guidance agreement of exactly 1 year',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, guidanceAgreementUntil: '2026-06-10' },
  },
  {
    title: 'guidance agreement of 1 year − 1 day',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, guidanceAgreementUntil: '2026-06-09' },
    field: 'guidanceAgreementUntil',
  },
  {
    title: 'guidance agreement longer than the lease',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, guidanceAgreementUntil: '2029-01-01' },
  },
  {
    title: 'no such date (30 February)',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, signedOn: '2025-02-30' },
    field: 'signedOn',
  },
  {
    title: 'a Dutch-written date',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, signedOn: '10-06-2025' },
    field: 'signedOn',
  },
  {
    title: 'a number as date',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, temporaryUntil: 20270610 },
    field: 'temporaryUntil',
  },
  {
    title: 'missing end of the guidance agreement',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, guidanceAgreementUntil: undefined },
    field: 'guidanceAgreementUntil',
  },
  {
    title: 'signing tomorrow',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, signedOn: '2025-06-17', temporaryUntil: '2027-06-17', guidanceAgreementUntil: '2026-06-17' },
    field: 'signedOn',
  },
  {
    title: 'signing before the credit check',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, signedOn: '2025-06-05' },
    field: 'signedOn',
  },
  {
    title: '5.10: counsellor not present',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, counsellorPresent: false },
    field: 'counsellorPresent',
  },
  {
    title: '8.1: sharing left open',
    state: 'credit-checked',
    name: 'sign-lease',
    who: 'vidomes',
    payload: { ...LEASE, guidanceEndMayBeShared: 'ja' },
    field: 'guidanceEndMayBeShared',
  },
  // Home description: non-empty, at most 300 characters.
  {
    title: 'empty home description',
    state: 'acknowledged',
    name: 'propose-home',
    who: 'vidomes',
    payload: { description: '' },
    field: 'description',
  },
  {
    title: 'blank home description',
    state: 'acknowledged',
    name: 'propose-home',
    who: 'vidomes',
    payload: { description: '   ' },
    field: 'description',
  },
  {
    title: 'home description of 300 characters',
    state: 'acknowledged',
    name: 'propose-home',
    who: 'vidomes',
    payload: { description: 'x'.repeat(300) },
  },
  {
    title: 'home description of 301 characters',
    state: 'acknowledged',
    name: 'propose-home',
    who: 'vidomes',
    payload: { description: 'x'.repeat(301) },
    field: 'description',
  },
  {
    title: 'home description not text',
    state: 'acknowledged',
    name: 'propose-home',
    who: 'vidomes',
    payload: { description: 12 },
    field: 'description',
  },
  {
    title: 'no payload at all',
    state: 'acknowledged',
    name: 'propose-home',
    who: 'vidomes',
    payload: undefined,
    field: 'description',
  },
  {
    title: 'a payload that is no object',
    state: 'acknowledged',
    name: 'propose-home',
    who: 'vidomes',
    payload: 'Voorbeeldstraat 1',
    field: 'payload',
  },
  // 4.5 the offer and its answer.
  {
    title: 'offer dated tomorrow',
    state: 'suitability-confirmed',
    name: 'make-offer',
    who: 'vidomes',
    payload: { madeOn: '2025-06-17' },
    field: 'madeOn',
  },
  {
    title: 'offer without a date (today)',
    state: 'suitability-confirmed',
    name: 'make-offer',
    who: 'vidomes',
    payload: {},
  },
  {
    title: 'an answer that is neither',
    state: 'offer-made',
    name: 'record-offer-answer',
    who: 'counsellor',
    payload: { answer: 'misschien' },
    field: 'answer',
  },
  {
    title: 'an answer before the offer',
    state: 'offer-made',
    name: 'record-offer-answer',
    who: 'vidomes',
    payload: { answer: 'accepted', answeredOn: '2025-06-01' },
    field: 'answeredOn',
  },
  {
    title: 'intake without a date',
    state: 'offer-accepted',
    name: 'plan-intake',
    who: 'vidomes',
    payload: {},
    field: 'on',
  },
  {
    title: 'intake planned ahead',
    state: 'offer-accepted',
    name: 'plan-intake',
    who: 'vidomes',
    payload: { on: '2025-07-01' },
  },
  // 5.8, 5.9 the credit check.
  {
    title: 'credit check without outcome',
    state: 'intake-planned',
    name: 'record-credit-check',
    who: 'vidomes',
    payload: {},
    field: 'outcome',
  },
  {
    title: 'elevated risk without conditions',
    state: 'intake-planned',
    name: 'record-credit-check',
    who: 'vidomes',
    payload: { outcome: 'elevated-risk', agreedWithCareProvider: true },
    field: 'extraConditions',
  },
  {
    title: 'elevated risk not agreed with the care provider',
    state: 'intake-planned',
    name: 'record-credit-check',
    who: 'vidomes',
    payload: { outcome: 'elevated-risk', extraConditions: 'Budgetbeheer', agreedWithCareProvider: false },
    field: 'agreedWithCareProvider',
  },
  {
    title: 'elevated risk, conditions agreed',
    state: 'intake-planned',
    name: 'record-credit-check',
    who: 'vidomes',
    payload: { outcome: 'elevated-risk', extraConditions: 'Budgetbeheer', agreedWithCareProvider: true },
  },
  {
    title: 'credit check straight after the accepted offer (4.4 intake naar behoefte)',
    state: 'offer-accepted',
    name: 'record-credit-check',
    who: 'vidomes',
    payload: { outcome: 'ok' },
  },
  // Refusal and evaluation.
  {
    title: 'refusal without reason',
    state: 'registered',
    name: 'refuse',
    who: 'wooninvest',
    payload: { reason: ' ' },
    field: 'reason',
  },
  {
    title: 'refusal reason of 501 characters',
    state: 'registered',
    name: 'refuse',
    who: 'wooninvest',
    payload: { reason: 'x'.repeat(501) },
    field: 'reason',
  },
  {
    title: 'evaluation without outcome',
    state: 'lease-signed',
    name: 'record-evaluation',
    who: 'counsellor',
    payload: { on: '2025-06-15' },
    field: 'positive',
  },
  {
    title: 'evaluation before the signing',
    state: 'lease-signed',
    name: 'record-evaluation',
    who: 'counsellor',
    payload: { on: '2025-06-09', positive: true },
    field: 'on',
  },
  {
    title: 'evaluation tomorrow',
    state: 'lease-signed',
    name: 'record-evaluation',
    who: 'counsellor',
    payload: { on: '2025-06-17', positive: true },
    field: 'on',
  },
  // Submitting.
  { title: 'submit without verdict', state: 'draft', name: 'submit', who: 'counsellor', payload: {}, field: 'verdict' },
  {
    title: 'submit with an unreadable verdict',
    state: 'draft',
    name: 'submit',
    who: 'counsellor',
    payload: { verdict: { kind: 'prima' } },
    field: 'verdict',
  },
  {
    title: 'submit to no landlord the verdict allows',
    state: 'draft',
    name: 'submit',
    who: 'counsellor',
    payload: { verdict: verdict('eligible', ['elders-wonen']) },
    field: 'targetLandlordIds',
  },
];

describe('payloads', () => {
  it.each(EDGES)('$title', ({ state, name, who, payload, field, setup }) => {
    const decision = attempt(nominationIn(state, setup), name, payload, who);
    if (field === undefined) expect(decision.kind, JSON.stringify(decision)).toBe('change');
    else
      expect(decision).toEqual({
        kind: 'error',
        error: { kind: 'invalid-payload', field, refusal: expect.anything(), message: expect.stringMatching(/\S/) },
      });
  });

  it('names the article and the last allowed day in Dutch', () => {
    const decision = attempt(
      nominationIn('credit-checked'),
      'sign-lease',
      { ...LEASE, temporaryUntil: '2027-06-11' },
      'vidomes',
    );
    expect(decision).toMatchObject({
      error: {
        refusal: { code: 'lease-too-long', latestEnd: '2027-06-10' },
        message: '4.9: de tijdelijke huurovereenkomst duurt maximaal 2 jaar (tot uiterlijk 10-06-2027).',
      },
    });
  });

  it('counts two years from 29 February to 28 February', () => {
    const n = drive(nominationIn('intake-planned'), []);
    const early = changed(attempt(n, 'record-credit-check', { on: '2024-01-15', outcome: 'ok' }, 'vidomes'));
    const lease = { ...LEASE, signedOn: '2024-02-29', guidanceAgreementUntil: '2025-02-28' };
    const signed = { ...early, version: early.version + 1 };
    expect(attempt(signed, 'sign-lease', { ...lease, temporaryUntil: '2026-02-28' }, 'vidomes').kind).toBe('change');
    expect(attempt(signed, 'sign-lease', { ...lease, temporaryUntil: '2026-03-01' }, 'vidomes')).toMatchObject({
      error: { field: 'temporaryUntil' },
    });
  });

  it('rejects a step it does not know', () => {
    const n = nominationIn('registered');
    const decision = decideStep(
      n,
      { actor: ACTORS.vidomes, transition: 'teleport' as TransitionName, payload: {}, expectedVersion: n.version },
      NOW,
    );
    expect(decision).toMatchObject({ error: { kind: 'invalid-payload', field: 'transition' } });
  });
});

describe('submit (5.3, 5.6)', () => {
  it.each([
    ['eligible', 'registered'],
    ['eligible-with-maatwerk', 'registered'],
    ['not-eligible', 'not-eligible'],
    ['out-of-scope', 'not-eligible'],
  ] as const)('a verdict "%s" leads to %s', (kind, state) => {
    const next = changed(attempt(nominationIn('draft'), 'submit', { verdict: verdict(kind) }, 'counsellor'));
    expect(next.state).toBe(state);
    expect(next.verdict?.kind).toBe(kind);
    expect(next.registeredAt).toBe(state === 'registered' ? NOW.toISOString() : undefined);
    expect(next.closedAt).toBe(state === 'not-eligible' ? NOW.toISOString() : undefined);
  });
});

describe('the one-time offer (4.5)', () => {
  it('follows only a home the care organisation found suitable', () => {
    expect(attempt(nominationIn('home-proposed'), 'make-offer', {}, 'vidomes')).toMatchObject({
      error: { kind: 'wrong-state', currentState: 'home-proposed' },
    });
  });

  it('after a decline there is no second offer, no new home, and the nomination is closed', () => {
    const declined = nominationIn('offer-declined');
    expect(declined.closedAt).toBe(NOW.toISOString());
    expect(declined.offer).toMatchObject({ landlordId: 'vidomes', answer: 'declined', answeredOn: '2025-06-16' });
    for (const [name, who] of [
      ['make-offer', 'vidomes'],
      ['propose-home', 'vidomes'],
      ['propose-home', 'wooninvest'],
      ['reject-suitable', 'counsellor'],
      ['record-offer-answer', 'counsellor'],
    ] as const) {
      expect(attempt(declined, name, VALID_PAYLOADS[name], who), `${name} by ${who}`).toMatchObject({ kind: 'error' });
    }
  });

  it('cannot be taken back to another home once made', () => {
    expect(attempt(nominationIn('offer-made'), 'reject-suitable', {}, 'counsellor')).toMatchObject({
      error: { kind: 'wrong-state', currentState: 'offer-made' },
    });
  });

  it('a home found not suitable goes back, and any addressed landlord may propose another', () => {
    const back = changed(attempt(nominationIn('home-proposed'), 'reject-suitable', {}, 'counsellor'));
    expect(back.state).toBe('acknowledged');
    expect(back).not.toHaveProperty('proposedHome');
    const again = changed(
      attempt({ ...back, version: back.version + 1 }, 'propose-home', { description: 'Andere straat 2' }, 'wooninvest'),
    );
    expect(again.proposedHome).toMatchObject({ landlordId: 'wooninvest', description: 'Andere straat 2' });
  });
});

describe('a proposed home commits the nomination to its landlord', () => {
  it.each(['refuse', 'make-offer'] as const)('another landlord may not %s', (name) => {
    const n = nominationIn(name === 'refuse' ? 'home-proposed' : 'suitability-confirmed');
    expect(attempt(n, name, VALID_PAYLOADS[name], 'wooninvest')).toMatchObject({
      error: { kind: 'not-allowed-for-role' },
    });
    expect(attempt(n, name, VALID_PAYLOADS[name], 'vidomesColleague').kind).toBe('change');
  });
});

describe('acknowledgements (5.3)', () => {
  it('each addressed landlord acknowledges once', () => {
    const n = nominationIn('acknowledged');
    const both = changed(attempt(n, 'acknowledge', {}, 'wooninvest'));
    expect(both.acknowledgements.map((a) => [a.landlordId, a.contactId])).toEqual([
      ['vidomes', 'c-vidomes'],
      ['wooninvest', 'c-wooninvest'],
    ]);
    expect(attempt(n, 'acknowledge', {}, 'vidomesColleague')).toEqual({ kind: 'unchanged' });
  });
});

describe('the lease, its evaluations and the conversion (4.9, 4.10, 5.11)', () => {
  it('records the lease as signed', () => {
    expect(nominationIn('lease-signed').lease).toEqual({
      landlordId: 'vidomes',
      signedOn: '2025-06-10',
      temporaryUntil: '2027-06-10',
      guidanceAgreementUntil: '2026-06-10',
      guidanceEndMayBeShared: true,
    });
  });

  it('keeps extra conditions at elevated risk (5.9), and closes on a refused check (5.8)', () => {
    const n = nominationIn('intake-planned');
    const risky = changed(
      attempt(
        n,
        'record-credit-check',
        { outcome: 'elevated-risk', extraConditions: ' Budgetbeheer ', agreedWithCareProvider: true },
        'vidomes',
      ),
    );
    expect(risky.creditCheck).toEqual({
      on: '2025-06-16',
      outcome: 'elevated-risk',
      extraConditions: 'Budgetbeheer',
      agreedWithCareProvider: true,
    });
    const refused = changed(attempt(n, 'record-credit-check', { outcome: 'refused' }, 'vidomes'));
    expect([refused.state, refused.closedAt]).toEqual(['refused', NOW.toISOString()]);
  });

  it('converts only after a joint positive evaluation', () => {
    const convert = (n: Nomination) => attempt(n, 'convert-lease', {}, 'vidomes');
    const evaluationsError = { error: { kind: 'invalid-payload', field: 'evaluations' } };

    expect(convert(nominationIn('lease-signed'))).toMatchObject(evaluationsError);
    const recorded = nominationIn('lease-signed', [['vidomes', 'record-evaluation']]);
    expect(convert(recorded)).toMatchObject(evaluationsError);
    const negative = nominationIn('lease-signed', [['counsellor', 'record-evaluation', { positive: false }]]);
    expect(convert(negative)).toMatchObject(evaluationsError);
    expect(attempt(negative, 'confirm-evaluation', {}, 'vidomes')).toMatchObject({ error: { field: 'evaluation' } });

    const joint = drive(recorded, [['counsellor', 'confirm-evaluation']]);
    expect(joint.evaluations).toEqual([
      {
        on: '2025-06-15',
        positive: true,
        recordedBy: 'c-vidomes',
        recordedBySide: 'landlord',
        confirmedBy: 'c-counsellor',
        confirmedAt: NOW.toISOString(),
      },
    ]);
    // A later negative evaluation by either side undoes the joint one.
    expect(convert(drive(joint, [['casemanager', 'record-evaluation', { positive: false }]]))).toMatchObject(
      evaluationsError,
    );

    const converted = changed(convert(joint));
    expect(converted.state).toBe('lease-indefinite');
    expect(converted.lease?.convertedOn).toBe('2025-06-16');
    expect(converted.closedAt).toBe(NOW.toISOString());
  });

  it('has the other side confirm: never the side that recorded it', () => {
    const byCare = nominationIn('lease-signed', [['counsellor', 'record-evaluation']]);
    expect(attempt(byCare, 'confirm-evaluation', {}, 'casemanager')).toMatchObject({
      error: { kind: 'not-allowed-for-role' },
    });
    expect(attempt(byCare, 'confirm-evaluation', {}, 'counsellor')).toMatchObject({
      error: { kind: 'not-allowed-for-role' },
    });
    expect(attempt(byCare, 'confirm-evaluation', {}, 'vidomes').kind).toBe('change');
    expect(attempt(byCare, 'confirm-evaluation', {}, 'wooninvest')).toMatchObject({
      error: { kind: 'not-allowed-for-role' },
    });
  });

  it('asks for an evaluation a year after the signing or the last evaluation (5.11)', () => {
    expect(nextEvaluationDueOn(nominationIn('credit-checked'))).toBeUndefined();
    expect(nextEvaluationDueOn(nominationIn('lease-signed'))).toBe('2026-06-10');
    expect(nextEvaluationDueOn(nominationIn('lease-signed', [['vidomes', 'record-evaluation']]))).toBe('2026-06-15');
    expect(nextEvaluationDueOn(nominationIn('lease-indefinite'))).toBeUndefined();
  });

  it('converts on a later date, but not before the joint evaluation', () => {
    const joint = nominationIn('lease-signed', [
      ['vidomes', 'record-evaluation'],
      ['counsellor', 'confirm-evaluation'],
    ]);
    expect(attempt(joint, 'convert-lease', { convertedOn: '2025-06-14' }, 'vidomes')).toMatchObject({
      error: { field: 'convertedOn' },
    });
    expect(changed(attempt(joint, 'convert-lease', { convertedOn: '2027-06-10' }, 'vidomes')).lease?.convertedOn).toBe(
      '2027-06-10',
    );
  });

  it('refuses a withdrawal once the lease is signed', () => {
    for (const state of ['lease-signed', 'lease-indefinite'] as const) {
      expect(attempt(nominationIn(state), 'withdraw', {}, 'counsellor')).toMatchObject({
        error: { kind: 'wrong-state', currentState: state },
      });
    }
  });
});

describe('history', () => {
  it('appends one entry per change, with the version it made and no payload', () => {
    const n = nominationIn('lease-indefinite');
    expect(n.history.map((e) => [e.action, e.from, e.to, e.version])).toEqual([
      ['submit', 'draft', 'registered', 2],
      ['acknowledge', 'registered', 'acknowledged', 3],
      ['propose-home', 'acknowledged', 'home-proposed', 4],
      ['confirm-suitable', 'home-proposed', 'suitability-confirmed', 5],
      ['make-offer', 'suitability-confirmed', 'offer-made', 6],
      ['record-offer-answer', 'offer-made', 'offer-accepted', 7],
      ['plan-intake', 'offer-accepted', 'intake-planned', 8],
      ['record-credit-check', 'intake-planned', 'credit-checked', 9],
      ['sign-lease', 'credit-checked', 'lease-signed', 10],
      ['record-evaluation', 'lease-signed', 'lease-signed', 11],
      ['confirm-evaluation', 'lease-signed', 'lease-signed', 12],
      ['convert-lease', 'lease-signed', 'lease-indefinite', 13],
    ]);
    expect(n.version).toBe(13);
    expect(JSON.stringify(n.history)).not.toContain('Voorbeeldstraat');
  });

  it('refuses a stale version with the current state, so the card can show it', () => {
    const n = nominationIn('registered');
    const stale = decideStep(
      n,
      { actor: ACTORS.vidomes, transition: 'acknowledge', payload: {}, expectedVersion: 1 },
      NOW,
    );
    expect(stale).toEqual({
      kind: 'error',
      error: {
        kind: 'conflict',
        currentState: 'registered',
        currentVersion: 2,
        refusal: { code: 'conflict' },
        message: expect.any(String),
      },
    });
  });
});
