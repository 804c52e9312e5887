/**
 * A fixed clock, the people who act, one valid payload per step, and a nomination driven
 * through the real steps (decideStep) into any state — so fixtures cannot drift from the rules.
 */
import type { Verdict } from '../../../src/eligibility/verdict';
import type { Actor } from '../../../src/nomination/actor';
import { decideStep } from '../../../src/nomination/lifecycle';
import type { Nomination, NominationState } from '../../../src/nomination/nomination';
import type { DraftFields } from '../../../src/nomination/draft';
import type { TransitionName } from '../../../src/nomination/transitions';
import type { ContactRole } from '../../../src/parties/party';

/** Monday 16 June 2025, noon in Amsterdam. */
export const NOW = new Date('2025-06-16T10:00:00.000Z');
export const TODAY = '2025-06-16';
export const clock = () => NOW;

export const NOMINATOR = 'parnassia-haaglanden';

function actor(contactId: string, partyId: string, role: ContactRole): Actor {
  return { contactId, contactName: `Naam van ${contactId}`, partyId, role };
}

/** Everyone who might press a button on a nomination card. */
export const ACTORS = {
  counsellor: actor('c-counsellor', NOMINATOR, 'counsellor'),
  colleague: actor('c-colleague', NOMINATOR, 'counsellor'),
  casemanager: actor('c-casemanager', NOMINATOR, 'casemanager'),
  otherCounsellor: actor('c-other-counsellor', 'brijder', 'counsellor'),
  otherCasemanager: actor('c-other-casemanager', 'lokale-kamer-leidschendam-voorburg', 'casemanager'),
  /** The landlord that proposes the home in every fixture. */
  vidomes: actor('c-vidomes', 'vidomes', 'landlord-contact'),
  vidomesColleague: actor('c-vidomes-2', 'vidomes', 'landlord-contact'),
  /** Addressed too, but never the one that proposes. */
  wooninvest: actor('c-wooninvest', 'wooninvest', 'landlord-contact'),
  /** A target the verdict excludes (5.6b). */
  duivenvoorde: actor('c-duivenvoorde', 'duivenvoorde', 'landlord-contact'),
  otherLandlord: actor('c-other-landlord', 'elders-wonen', 'landlord-contact'),
  ggd: actor('c-ggd', 'ggd-haaglanden', 'ggd-contact'),
  platform: actor('c-platform', 'gemeente-leidschendam-voorburg', 'platform-coordinator'),
  stranger: actor('c-stranger', NOMINATOR, 'stranger' as ContactRole),
} satisfies Record<string, Actor>;
export type ActorName = keyof typeof ACTORS;
/** The actors of the role table (vidomesColleague and colleague are for races). */
export const ROLE_TABLE_ACTORS = (Object.keys(ACTORS) as ActorName[]).filter(
  (name) => name !== 'vidomesColleague' && name !== 'colleague',
);

export function verdict(kind: Verdict['kind'], allowedLandlordIds = ['vidomes', 'wooninvest']): Verdict {
  return { kind, reasons: [], allowedLandlordIds, decidedAt: '2025-06-01T08:00:00.000Z' };
}

export const DRAFT_FIELDS: DraftFields = {
  type: 'convenantwoning',
  candidate: { name: 'Kandidaat Voorbeeld', household: { adults: 1, minorChildren: 0 } },
  residency: [{ from: '2012-01-01' }],
  requirements: { housing: 'Begane grond' },
  targetLandlordIds: ['vidomes', 'wooninvest', 'duivenvoorde'],
  checklist: { a: { status: 'met' } },
  scope: { wlzFunded: false, expectedToLiveIndependently: true, boundaryCrossingBehaviourInFamily: false },
};

export function aDraft(overrides: Partial<Nomination> = {}): Nomination {
  return {
    ...structuredClone(DRAFT_FIELDS),
    id: 'nom-1',
    version: 1,
    nominatingPartyId: NOMINATOR,
    nominatedByContactId: ACTORS.counsellor.contactId,
    state: 'draft',
    createdAt: '2025-06-01T08:00:00.000Z',
    acknowledgements: [],
    evaluations: [],
    history: [],
    ...overrides,
  };
}

/** A valid payload for each step, on the fixture's timeline (all dates up to TODAY). */
export const VALID_PAYLOADS: Record<TransitionName, Record<string, unknown>> = {
  submit: { verdict: verdict('eligible') },
  acknowledge: {},
  'propose-home': { description: 'Voorbeeldstraat 1, Voorburg' },
  'confirm-suitable': {},
  'reject-suitable': {},
  'make-offer': { madeOn: '2025-06-02' },
  'record-offer-answer': { answer: 'accepted', answeredOn: '2025-06-03' },
  'plan-intake': { on: '2025-06-05' },
  'record-credit-check': { on: '2025-06-06', outcome: 'ok' },
  'sign-lease': {
    signedOn: '2025-06-10',
    temporaryUntil: '2027-06-10',
    guidanceAgreementUntil: '2026-06-10',
    guidanceEndMayBeShared: true,
    counsellorPresent: true,
  },
  'record-evaluation': { on: '2025-06-15', positive: true },
  'confirm-evaluation': {},
  'convert-lease': { convertedOn: '2025-06-16' },
  withdraw: {},
  refuse: { reason: 'Past niet in het toewijzingsbeleid.' },
};

export type Step = [ActorName, TransitionName, Record<string, unknown>?];
const step = (who: ActorName, name: TransitionName, payload?: Record<string, unknown>): Step => [who, name, payload];

const TO_REGISTERED: Step[] = [step('counsellor', 'submit')];
const TO_HOME_PROPOSED: Step[] = [...TO_REGISTERED, step('vidomes', 'acknowledge'), step('vidomes', 'propose-home')];
const TO_OFFER_MADE: Step[] = [
  ...TO_HOME_PROPOSED,
  step('counsellor', 'confirm-suitable'),
  step('vidomes', 'make-offer'),
];
const TO_OFFER_ACCEPTED: Step[] = [...TO_OFFER_MADE, step('counsellor', 'record-offer-answer')];
const TO_CREDIT_CHECKED: Step[] = [
  ...TO_OFFER_ACCEPTED,
  step('vidomes', 'plan-intake'),
  step('vidomes', 'record-credit-check'),
];
const TO_LEASE_SIGNED: Step[] = [...TO_CREDIT_CHECKED, step('vidomes', 'sign-lease')];
/** 4.9: the landlord records a positive evaluation, the care organisation confirms it. */
export const JOINT_EVALUATION: Step[] = [
  step('vidomes', 'record-evaluation'),
  step('counsellor', 'confirm-evaluation'),
];

/** The steps from a draft to each state. */
export const PATHS: Record<NominationState, Step[]> = {
  draft: [],
  registered: TO_REGISTERED,
  acknowledged: TO_HOME_PROPOSED.slice(0, 2),
  'home-proposed': TO_HOME_PROPOSED,
  'suitability-confirmed': TO_OFFER_MADE.slice(0, -1),
  'offer-made': TO_OFFER_MADE,
  'offer-accepted': TO_OFFER_ACCEPTED,
  'intake-planned': TO_CREDIT_CHECKED.slice(0, -1),
  'credit-checked': TO_CREDIT_CHECKED,
  'lease-signed': TO_LEASE_SIGNED,
  'lease-indefinite': [...TO_LEASE_SIGNED, ...JOINT_EVALUATION, step('vidomes', 'convert-lease')],
  'not-eligible': [step('counsellor', 'submit', { verdict: verdict('not-eligible') })],
  withdrawn: [...TO_REGISTERED, step('counsellor', 'withdraw')],
  refused: [...TO_REGISTERED, step('vidomes', 'refuse')],
  'offer-declined': [...TO_OFFER_MADE, step('counsellor', 'record-offer-answer', { answer: 'declined' })],
};

/** Takes the steps as the service would, bumping the version as the store does. */
export function drive(n: Nomination, steps: Step[]): Nomination {
  return steps.reduce((current, [who, name, payload]) => {
    const decision = decideStep(
      current,
      {
        actor: ACTORS[who],
        transition: name,
        payload: payload ?? VALID_PAYLOADS[name],
        expectedVersion: current.version,
      },
      NOW,
    );
    if (decision.kind !== 'change') throw new Error(`fixture step ${name} by ${who}: ${JSON.stringify(decision)}`);
    return { ...decision.next, version: current.version + 1 };
  }, n);
}

export function nominationIn(state: NominationState, extraSteps: Step[] = []): Nomination {
  return drive(aDraft(), [...PATHS[state], ...extraSteps]);
}

/** Steps a transition needs in lease-signed before it can run (an evaluation to confirm, a joint one). */
export function setupFor(name: TransitionName, state: NominationState): Step[] {
  if (state !== 'lease-signed') return [];
  if (name === 'confirm-evaluation') return [step('vidomes', 'record-evaluation')];
  if (name === 'convert-lease') return JOINT_EVALUATION;
  return [];
}
