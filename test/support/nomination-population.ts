/**
 * A synthetic but realistic population of nominations (bench/digest-queue.ts, digest tests):
 * registrations spread over the four years before "now", most of them long closed (leases,
 * withdrawals, not eligible), a tenth still waiting for an offer, about 5 % noodwoningen. Every
 * document has what a submitted nomination has (checklist, verdict with reasons, history), so a
 * database reads documents of the real size (about 2.5 KB as JSON). Deterministic per seed.
 */
import type { Nomination, NominationState } from '../../src/nomination/nomination';
import { addDays, localDate } from '../../src/time/dates';
import { seededRandom } from './teams-limits-connector';

const LANDLORDS = ['vidomes', 'wooninvest', 'duivenvoorde'] as const;
const ORGANISATIONS = ['parnassia', 'middin', 'fivoor', 'exodus', 'leger-des-heils', 'limor'] as const;

/** Share of each state in the population; waiting states (registered … suitability-confirmed) add up to 13 %. */
const STATE_MIX: readonly [NominationState, number][] = [
  ['draft', 0.02],
  ['not-eligible', 0.12],
  ['registered', 0.06],
  ['acknowledged', 0.04],
  ['home-proposed', 0.02],
  ['suitability-confirmed', 0.01],
  ['offer-made', 0.01],
  ['offer-accepted', 0.01],
  ['intake-planned', 0.01],
  ['credit-checked', 0.01],
  ['lease-signed', 0.2],
  ['lease-indefinite', 0.3],
  ['withdrawn', 0.12],
  ['refused', 0.03],
  ['offer-declined', 0.04],
];

const REACHED_OFFER = new Set<NominationState>([
  'offer-made',
  'offer-accepted',
  'intake-planned',
  'credit-checked',
  'lease-signed',
  'lease-indefinite',
  'offer-declined',
]);
const REACHED_HOME = new Set<NominationState>([...REACHED_OFFER, 'home-proposed', 'suitability-confirmed']);
const CLOSED = new Set<NominationState>(['not-eligible', 'withdrawn', 'refused', 'offer-declined']);

function pickState(r: number): NominationState {
  let acc = 0;
  for (const [state, share] of STATE_MIX) {
    acc += share;
    if (r < acc) return state;
  }
  return 'lease-indefinite';
}

const DAY = 86_400_000;

/** `count` nominations, registered over the 4 years (1461 days) before `now`; ids `bench-<seed>-<n>`. */
export function makeNominations(count: number, now: Date, seed = 1): Nomination[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: Nomination[] = [];
  for (let i = 0; i < count; i++) {
    const state = pickState(random());
    // Waiting ones are younger (most within the last year); closed ones anywhere in the four years.
    const ageDays = REACHED_OFFER.has(state) || CLOSED.has(state) ? random() * 1461 : random() * 400;
    const registered = new Date(now.getTime() - ageDays * DAY - random() * DAY);
    const created = new Date(registered.getTime() - (1 + random() * 5) * DAY);
    const regDate = localDate(registered);
    const type = random() < 0.05 ? 'noodwoning' : 'convenantwoning';
    const targets =
      type === 'noodwoning'
        ? ['vidomes', 'wooninvest']
        : random() < 0.7
          ? ['vidomes', 'wooninvest']
          : [pick(LANDLORDS)];
    const unregistered = state === 'draft' || state === 'not-eligible';
    const leading = pick(targets);
    const organisation = type === 'noodwoning' ? 'limor' : pick(ORGANISATIONS);
    const n: Nomination = {
      id: `bench-${seed}-${String(i).padStart(6, '0')}`,
      version: 3,
      type,
      nominatingPartyId: organisation,
      nominatedByContactId: `contact-${organisation}-${Math.floor(random() * 5)}`,
      state,
      createdAt: created.toISOString(),
      ...(!unregistered && { registeredAt: registered.toISOString() }),
      candidate: {
        name: `Kandidaat ${i}`,
        dateOfBirth: `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        household: { adults: 1 + Math.floor(random() * 2), minorChildren: type === 'noodwoning' ? 2 : 0 },
      },
      residency: [{ from: '2010-01-01' }],
      expectedEndOfIntramuralCare: addDays(regDate, 60),
      requirements: { housing: 'Gelijkvloers, geen trap', neighbourhood: 'Niet in de buurt van de vorige woning' },
      targetLandlordIds: targets,
      checklist: {
        a: { status: 'met' },
        b: { status: 'met' },
        c: { status: 'met' },
        d: { status: 'met' },
        e: { status: 'met' },
        f: { status: 'met' },
        g: { status: 'met' },
        h: { status: 'not-applicable' },
        i: { status: 'met' },
        j: { status: 'met' },
        k: { status: 'met' },
        l: { status: 'met' },
      },
      scope: { wlzFunded: false, expectedToLiveIndependently: true, boundaryCrossingBehaviourInFamily: false },
      ...(type === 'noodwoning' && { noodwoning: { referredByGgdMeldpunt: true } }),
      verdict: {
        kind: state === 'not-eligible' ? 'not-eligible' : 'eligible',
        reasons:
          state === 'not-eligible'
            ? [
                {
                  code: 'not-expected-to-live-independently',
                  article: '4.1',
                  text: '4.1: niet naar verwachting zelfstandig.',
                  severity: 'blocking',
                },
              ]
            : [
                {
                  code: 'woonnet-not-needed-for-duivenvoorde',
                  article: '5.6b',
                  text: '5.6b: voor Duivenvoorde is Woonnet niet nodig.',
                  severity: 'info',
                },
              ],
        allowedLandlordIds: targets,
        decidedAt: registered.toISOString(),
      },
      acknowledgements:
        state === 'registered' || unregistered
          ? []
          : [
              {
                landlordId: leading,
                contactId: `contact-${leading}-0`,
                contactName: 'Vaste Contactpersoon',
                at: registered.toISOString(),
              },
            ],
      evaluations: [],
      history: [
        {
          at: created.toISOString(),
          actorId: `contact-${organisation}-0`,
          action: 'create-draft',
          from: 'draft',
          to: 'draft',
          version: 1,
        },
        {
          at: registered.toISOString(),
          actorId: `contact-${organisation}-0`,
          action: 'submit',
          from: 'draft',
          to: unregistered ? state : 'registered',
          version: 2,
        },
        {
          at: registered.toISOString(),
          actorId: `contact-${leading}-0`,
          action: 'step',
          from: 'registered',
          to: state,
          version: 3,
        },
      ],
    };
    const later = (days: number) => localDate(new Date(Math.min(now.getTime(), registered.getTime() + days * DAY)));
    if (REACHED_HOME.has(state)) {
      n.proposedHome = {
        landlordId: leading,
        description: 'Portiekflat, 2 kamers',
        proposedAt: registered.toISOString(),
        proposedBy: `contact-${leading}-0`,
      };
    }
    if (REACHED_OFFER.has(state)) {
      const madeOn = later(30 + random() * 90);
      n.offer = {
        landlordId: leading,
        madeOn,
        ...(state !== 'offer-made' && {
          answer: state === 'offer-declined' ? 'declined' : 'accepted',
          answeredOn: madeOn,
        }),
      };
    }
    if (state === 'lease-signed' || state === 'lease-indefinite') {
      const signedOn = later(150);
      n.lease = {
        landlordId: leading,
        signedOn,
        temporaryUntil: addDays(signedOn, 700),
        guidanceAgreementUntil: addDays(signedOn, 400),
        guidanceEndMayBeShared: true,
        ...(state === 'lease-indefinite' && { convertedOn: addDays(signedOn, 700) }),
      };
      if (random() < 0.5)
        n.evaluations = [{ on: addDays(signedOn, 330), positive: true, recordedBy: `contact-${leading}-0` }];
    }
    if (CLOSED.has(state))
      n.closedAt = new Date(Math.min(now.getTime(), registered.getTime() + 40 * DAY)).toISOString();
    out.push(n);
  }
  return out;
}
