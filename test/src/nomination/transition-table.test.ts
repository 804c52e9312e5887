/**
 * Every step × every role, and every step × every state, on the pure lifecycle (decideStep).
 * The expectations are written out here, not read from the transition table, so that a change
 * in who-may-what shows up as a failing row.
 */
import { describe, expect, it } from 'vitest';
import { decideStep, type StepDecision } from '../../../src/nomination/lifecycle';
import type { Nomination, NominationState } from '../../../src/nomination/nomination';
import { NOMINATION_STATES } from '../../../src/nomination/states';
import { TRANSITION_NAMES, TRANSITIONS, type TransitionName } from '../../../src/nomination/transitions';
import { ACTORS, NOW, ROLE_TABLE_ACTORS, VALID_PAYLOADS, nominationIn, setupFor, type ActorName } from './fixtures';

const CARE: ActorName[] = ['counsellor', 'casemanager'];

/** For each step: the state it is tried in, and who may take it there. */
const WHO_MAY: Record<TransitionName, { state: NominationState; allowed: ActorName[] }> = {
  submit: { state: 'draft', allowed: CARE },
  // Before a home is proposed every landlord the verdict allows may act (not Duivenvoorde here).
  acknowledge: { state: 'registered', allowed: ['vidomes', 'wooninvest'] },
  'propose-home': { state: 'acknowledged', allowed: ['vidomes', 'wooninvest'] },
  'confirm-suitable': { state: 'home-proposed', allowed: CARE },
  'reject-suitable': { state: 'home-proposed', allowed: CARE },
  // Once Vidomes proposed the home, only Vidomes takes the landlord steps.
  'make-offer': { state: 'suitability-confirmed', allowed: ['vidomes'] },
  'record-offer-answer': { state: 'offer-made', allowed: [...CARE, 'vidomes'] },
  'plan-intake': { state: 'offer-accepted', allowed: ['vidomes'] },
  'record-credit-check': { state: 'intake-planned', allowed: ['vidomes'] },
  'sign-lease': { state: 'credit-checked', allowed: ['vidomes'] },
  'record-evaluation': { state: 'lease-signed', allowed: [...CARE, 'vidomes'] },
  // The fixture's evaluation was recorded by Vidomes: the care side confirms it (4.9).
  'confirm-evaluation': { state: 'lease-signed', allowed: CARE },
  'convert-lease': { state: 'lease-signed', allowed: ['vidomes'] },
  withdraw: { state: 'registered', allowed: CARE },
  refuse: { state: 'registered', allowed: ['vidomes', 'wooninvest'] },
};

/** Where each step may start, written out (4.5, 4.9, "withdraw any time before signing"). */
const BEFORE_SIGNING: NominationState[] = [
  'registered',
  'acknowledged',
  'home-proposed',
  'suitability-confirmed',
  'offer-made',
  'offer-accepted',
  'intake-planned',
  'credit-checked',
];
const FROM: Record<TransitionName, NominationState[]> = {
  submit: ['draft'],
  acknowledge: ['registered', 'acknowledged'],
  'propose-home': ['acknowledged'],
  'confirm-suitable': ['home-proposed'],
  'reject-suitable': ['home-proposed'],
  'make-offer': ['suitability-confirmed'],
  'record-offer-answer': ['offer-made'],
  'plan-intake': ['offer-accepted', 'intake-planned'],
  'record-credit-check': ['offer-accepted', 'intake-planned'],
  'sign-lease': ['credit-checked'],
  'record-evaluation': ['lease-signed'],
  'confirm-evaluation': ['lease-signed'],
  'convert-lease': ['lease-signed'],
  withdraw: ['draft', ...BEFORE_SIGNING],
  refuse: BEFORE_SIGNING,
};

/** Who takes each step in the state table: someone the role table allows in every state. */
const ACTOR_FOR: Record<TransitionName, ActorName> = {
  submit: 'counsellor',
  acknowledge: 'vidomes',
  'propose-home': 'vidomes',
  'confirm-suitable': 'counsellor',
  'reject-suitable': 'casemanager',
  'make-offer': 'vidomes',
  'record-offer-answer': 'counsellor',
  'plan-intake': 'vidomes',
  'record-credit-check': 'vidomes',
  'sign-lease': 'vidomes',
  'record-evaluation': 'casemanager',
  'confirm-evaluation': 'counsellor',
  'convert-lease': 'vidomes',
  withdraw: 'counsellor',
  refuse: 'vidomes',
};

function attempt(n: Nomination, name: TransitionName, who: ActorName): StepDecision {
  return decideStep(
    n,
    { actor: ACTORS[who], transition: name, payload: VALID_PAYLOADS[name], expectedVersion: n.version },
    NOW,
  );
}

describe('the transition table', () => {
  it('covers every step, each with an article, roles and start states', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...TRANSITION_NAMES].sort());
    for (const [name, t] of Object.entries(TRANSITIONS)) {
      expect(t.name).toBe(name);
      expect(t.article).toMatch(/^\d+\.\d+/);
      expect(t.roles.length).toBeGreaterThan(0);
      expect(t.from.length).toBeGreaterThan(0);
      expect([...t.from].sort()).toEqual([...FROM[t.name]].sort());
    }
  });

  it('lets no step start from a closed nomination', () => {
    const closed: NominationState[] = ['lease-indefinite', 'not-eligible', 'withdrawn', 'refused', 'offer-declined'];
    for (const t of Object.values(TRANSITIONS)) expect(t.from.filter((s) => closed.includes(s))).toEqual([]);
  });
});

describe.each(TRANSITION_NAMES)('who may %s', (name) => {
  const { state, allowed } = WHO_MAY[name];
  const n = nominationIn(state, setupFor(name, state));

  it.each(ROLE_TABLE_ACTORS)(`in ${state}: %s`, (who) => {
    const decision = attempt(n, name, who);
    if (allowed.includes(who)) {
      expect(decision.kind, JSON.stringify(decision)).toBe('change');
    } else {
      expect(decision).toMatchObject({
        kind: 'error',
        error: { kind: 'not-allowed-for-role', role: ACTORS[who].role },
      });
    }
  });
});

describe.each(TRANSITION_NAMES)('%s from each state', (name) => {
  it.each(NOMINATION_STATES)('%s', (state) => {
    const n = nominationIn(state, setupFor(name, state));
    const decision = attempt(n, name, ACTOR_FOR[name]);
    if (!FROM[name].includes(state)) {
      expect(decision).toEqual({
        kind: 'error',
        error: {
          kind: 'wrong-state',
          currentState: state,
          currentVersion: n.version,
          refusal: { code: 'wrong-state', state },
          message: expect.any(String),
        },
      });
    } else if (name === 'acknowledge' && state === 'acknowledged') {
      // Vidomes acknowledged already on the way here: nothing to do, and no error.
      expect(decision).toEqual({ kind: 'unchanged' });
    } else {
      expect(decision.kind, JSON.stringify(decision)).toBe('change');
      if (decision.kind === 'change') expect(TRANSITIONS[name].to).toContain(decision.next.state);
    }
  });
});
