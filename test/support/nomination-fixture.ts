/**
 * Nominations for tests: a plain registered convenantwoning nomination by default,
 * and one whose every string carries a marker so a projection's leaks show up.
 */
import type { Nomination } from '../../src/nomination/nomination';

let counter = 0;

export function aNomination(overrides: Partial<Nomination> = {}): Nomination {
  counter += 1;
  const id = overrides.id ?? `n-${String(counter).padStart(4, '0')}`;
  return {
    id,
    version: 1,
    type: 'convenantwoning',
    nominatingPartyId: 'parnassia',
    nominatedByContactId: 'c-counsellor',
    state: 'registered',
    createdAt: '2025-03-01T09:00:00.000Z',
    registeredAt: '2025-03-01T10:00:00.000Z',
    candidate: { name: 'Test Kandidaat', household: { adults: 1, minorChildren: 0 } },
    residency: [{ from: '2010-01-01' }],
    requirements: {},
    targetLandlordIds: ['vidomes', 'wooninvest'],
    checklist: {},
    scope: { wlzFunded: false, expectedToLiveIndependently: true, boundaryCrossingBehaviourInFamily: false },
    acknowledgements: [],
    evaluations: [],
    history: [],
    ...overrides,
  };
}

/** Markers a landlord contact of vidomes or wooninvest may see (DESIGN.md "Who may see what"). */
export const LANDLORD_VISIBLE_MARKERS = [
  'Jan MARKER',
  'SECRET-HOUSING-REQ',
  'SECRET-NEIGHBOURHOOD-REQ',
  '1987-06-05', // date of birth
  '2025-12-24', // expected end of intramural care (5.3)
] as const;

/** Markers no landlord may ever see (10.6, 5.6k, 5.6l, 4.2, 1c, motivations, free text of others). */
export const LANDLORD_FORBIDDEN_MARKERS = [
  'SECRET-MOTIVATION-a',
  'SECRET-MOTIVATION-b',
  'SECRET-MOTIVATION-c',
  'SECRET-MOTIVATION-h',
  'SECRET-MOTIVATION-j',
  'SECRET-MOTIVATION-k',
  'SECRET-MOTIVATION-l',
  'SECRET-RESIDENCY-MAATWERK',
  '1999-01-01', // residency period (1c)
  'SECRET-REASON-TBS',
  'SECRET-REASON-EVICTION',
  'SECRET-EVICTING-LANDLORD',
  'SECRET-HISTORY-ACTOR',
  'SECRET-REQUEST-HASH',
  'SECRET-EVALUATION-RECORDER',
] as const;

/** Markers only the landlord that took the nomination on (wooninvest here) may see: its own records. */
export const COMMITTED_LANDLORD_MARKERS = [
  'SECRET-OWN-HOME-DESCRIPTION',
  'SECRET-CREDIT-CONDITIONS',
  'SECRET-REFUSAL-REASON',
] as const;

/** Everything personal in the fixture: what retention must erase. */
export const PERSONAL_MARKERS = [
  ...LANDLORD_VISIBLE_MARKERS,
  ...LANDLORD_FORBIDDEN_MARKERS,
  ...COMMITTED_LANDLORD_MARKERS,
  'SECRET-NOMINATOR-CONTACT',
  'SECRET-OWN-CONTACT-NAME',
  'SECRET-PROPOSER-CONTACT',
  'SECRET-OWN-CONTACT-ID',
] as const;

/**
 * A noodwoning nomination by LIMOR to vidomes and wooninvest (the evicting landlord is
 * excluded by the verdict, 6.3), taken on by wooninvest, with every field filled and
 * every string the people involved wrote carrying a marker. The states of its steps
 * need not be consistent: it exists to catch leaks.
 */
export function aNominationFullOfSecrets(overrides: Partial<Nomination> = {}): Nomination {
  return aNomination({
    id: 'nom-full-1',
    type: 'noodwoning',
    nominatingPartyId: 'limor',
    nominatedByContactId: 'SECRET-NOMINATOR-CONTACT',
    state: 'lease-signed',
    createdAt: '2025-02-01T09:00:00.000Z',
    registeredAt: '2025-02-03T10:00:00.000Z',
    candidate: { name: 'Jan MARKER', dateOfBirth: '1987-06-05', household: { adults: 2, minorChildren: 3 } },
    residency: [{ from: '1999-01-01', to: '2024-12-31' }],
    residencyMaatwerkMotivation: 'SECRET-RESIDENCY-MAATWERK',
    expectedEndOfIntramuralCare: '2025-12-24',
    requirements: { housing: 'SECRET-HOUSING-REQ', neighbourhood: 'SECRET-NEIGHBOURHOOD-REQ' },
    targetLandlordIds: ['vidomes', 'wooninvest', 'SECRET-EVICTING-LANDLORD'],
    checklist: {
      a: { status: 'met', motivation: 'SECRET-MOTIVATION-a' },
      b: { status: 'exception', motivation: 'SECRET-MOTIVATION-b' },
      c: { status: 'exception', motivation: 'SECRET-MOTIVATION-c' },
      d: { status: 'met' },
      e: { status: 'met' },
      f: { status: 'met' },
      g: { status: 'met' },
      h: { status: 'met', motivation: 'SECRET-MOTIVATION-h' },
      i: { status: 'met' },
      j: { status: 'exception', motivation: 'SECRET-MOTIVATION-j' },
      k: { status: 'exception', motivation: 'SECRET-MOTIVATION-k' },
      l: { status: 'exception', motivation: 'SECRET-MOTIVATION-l' },
    },
    scope: { wlzFunded: false, expectedToLiveIndependently: true, boundaryCrossingBehaviourInFamily: true },
    noodwoning: {
      referredByGgdMeldpunt: true,
      evictingLandlordId: 'SECRET-EVICTING-LANDLORD',
      consultationFlagged: true,
    },
    viaMayor: true,
    verdict: {
      kind: 'eligible-with-maatwerk',
      reasons: [
        { code: 'tbs-via-mayor', article: '5.6l', text: 'SECRET-REASON-TBS', severity: 'info' },
        { code: 'eviction-from-noodwoning', article: '5.6k', text: 'SECRET-REASON-EVICTION', severity: 'info' },
      ],
      allowedLandlordIds: ['vidomes', 'wooninvest'],
      decidedAt: '2025-02-03T09:59:00.000Z',
    },
    acknowledgements: [
      {
        landlordId: 'wooninvest',
        contactId: 'SECRET-OWN-CONTACT-ID',
        contactName: 'SECRET-OWN-CONTACT-NAME',
        at: '2025-02-05T08:00:00.000Z',
      },
    ],
    proposedHome: {
      landlordId: 'wooninvest',
      description: 'SECRET-OWN-HOME-DESCRIPTION',
      proposedAt: '2025-02-10T08:00:00.000Z',
      proposedBy: 'SECRET-PROPOSER-CONTACT',
    },
    suitabilityConfirmedAt: '2025-02-12T08:00:00.000Z',
    offer: { landlordId: 'wooninvest', madeOn: '2025-02-14', answer: 'accepted', answeredOn: '2025-02-15' },
    intake: { on: '2025-02-20' },
    creditCheck: { on: '2025-02-21', outcome: 'elevated-risk', extraConditions: 'SECRET-CREDIT-CONDITIONS' },
    lease: {
      landlordId: 'wooninvest',
      signedOn: '2025-03-01',
      temporaryUntil: '2027-03-01',
      guidanceAgreementUntil: '2026-03-01',
      guidanceEndMayBeShared: true,
    },
    evaluations: [{ on: '2025-09-01', positive: true, recordedBy: 'SECRET-EVALUATION-RECORDER' }],
    refusal: { landlordId: 'wooninvest', on: '2025-02-22', reason: 'SECRET-REFUSAL-REASON' },
    history: [
      {
        at: '2025-02-03T10:00:00.000Z',
        actorId: 'SECRET-HISTORY-ACTOR',
        action: 'register',
        from: 'draft',
        to: 'registered',
        version: 2,
        requestHash: 'SECRET-REQUEST-HASH',
      },
    ],
    ...overrides,
  });
}
