/**
 * A known data set for the platform figures: nominations in chosen states and dates, a year's
 * distribution with an exchange, contacts Teams cannot reach, failed outbox messages and a signal
 * counter. Every string a person wrote (names, ids, contacts, notes) carries a SECRET marker, so a
 * figure or card that leaks one shows up. "Now" is Wednesday 10 September 2025, 12:00 in
 * Amsterdam: ISO week 2025-W37 (8–14 September); the week before is 2025-W36.
 *
 *   id  type  registered (UTC)   state             landlord facts
 *   A   conv  2025-09-08 08:00   registered        to vidomes + wooninvest
 *   B   nood  2025-09-02 10:00   acknowledged      to vidomes + wooninvest
 *   C   conv  2025-05-01 10:00   registered        to vidomes; past its 3 months (5.4)
 *   D   conv  2025-09-07 22:30   home-proposed     wooninvest proposed (= Monday 00:30 local: week 37)
 *   E   conv  2025-06-01 10:00   offer-made        vidomes offered 2025-08-15
 *   F   conv  2024-06-01 10:00   lease-signed      vidomes 2024-09-01, never evaluated: due 2025-09-01
 *   G   conv  2025-01-06 10:00   lease-signed      wooninvest offered 2025-01-20, signed 2025-02-01
 *   H   nood  2024-07-01 10:00   lease-signed      wooninvest 2024-09-14, evaluated then: due 2025-09-14
 *   I   nood  2025-02-10 10:00   offer-declined    vidomes offered 2025-03-03
 *   J   nood  2025-02-03 10:00   lease-signed      aNominationFullOfSecrets: wooninvest offered 2025-02-14, signed 2025-03-01
 *   K   conv  —                  draft             created this week
 *   L   conv  2025-09-03 10:00   withdrawn         closed 2025-09-05
 *   M   conv  2025-04-01 10:00   lease-signed      vidomes offered 2025-06-20, signed 2025-07-01
 *   N   conv  2025-01-15 10:00   lease-signed      duivenvoorde offered 2025-03-15, signed 2025-04-01
 *   O   conv  2025-02-01 10:00   lease-signed      duivenvoorde offered 2025-04-15, signed 2025-05-01
 *   P   conv  —                  not-eligible      closed 2025-08-01
 *   Q   conv  2025-03-10 10:00   refused           closed 2025-04-10
 *
 * Distribution 2025: vidomes 3, wooninvest 3, duivenvoorde 1; wooninvest gave vidomes 1 home.
 */
import type { Lease, Nomination } from '../../../src/nomination/nomination';
import type { SignalCounter } from '../../../src/digest/signal-counts';
import { PARNASSIA_ID } from '../../../src/parties/covenant-parties';
import { addContact, seedCovenantParties } from '../../../src/parties/registry';
import type { Store } from '../../../src/storage/ports';
import { aNomination, aNominationFullOfSecrets, PERSONAL_MARKERS } from '../../support/nomination-fixture';

export const KNOWN_NOW = new Date('2025-09-10T10:00:00.000Z');

const ID = (letter: string) => `SECRET-ID-${letter}`;

function secret(letter: string, fields: Partial<Nomination>): Nomination {
  return aNomination({
    id: ID(letter),
    nominatingPartyId: PARNASSIA_ID,
    nominatedByContactId: `SECRET-NOMINATOR-${letter}`,
    candidate: {
      name: `SECRET-NAME-${letter}`,
      dateOfBirth: '1970-01-0' + ((letter.charCodeAt(0) % 9) + 1),
      household: { adults: 1, minorChildren: 0 },
    },
    requirements: { housing: `SECRET-HOUSING-${letter}` },
    ...fields,
  });
}

function lease(landlordId: string, signedOn: string): Lease {
  return {
    landlordId,
    signedOn,
    temporaryUntil: '2099-01-01',
    guidanceAgreementUntil: '2099-01-01',
    guidanceEndMayBeShared: false,
  };
}

const offer = (landlordId: string, madeOn: string, answer?: 'accepted' | 'declined') => ({
  landlordId,
  madeOn,
  ...(answer && { answer, answeredOn: madeOn }),
});

const BOTH = ['vidomes', 'wooninvest'];

export function knownNominations(): Nomination[] {
  return [
    secret('A', { registeredAt: '2025-09-08T08:00:00.000Z', state: 'registered', targetLandlordIds: BOTH }),
    secret('B', {
      type: 'noodwoning',
      registeredAt: '2025-09-02T10:00:00.000Z',
      state: 'acknowledged',
      targetLandlordIds: BOTH,
    }),
    secret('C', { registeredAt: '2025-05-01T10:00:00.000Z', state: 'registered', targetLandlordIds: ['vidomes'] }),
    secret('D', {
      registeredAt: '2025-09-07T22:30:00.000Z',
      state: 'home-proposed',
      targetLandlordIds: BOTH,
      proposedHome: {
        landlordId: 'wooninvest',
        description: 'SECRET-HOME-D',
        proposedAt: '2025-09-09T10:00:00.000Z',
        proposedBy: 'SECRET-PROPOSER-D',
      },
    }),
    secret('E', {
      registeredAt: '2025-06-01T10:00:00.000Z',
      state: 'offer-made',
      offer: offer('vidomes', '2025-08-15'),
    }),
    secret('F', {
      registeredAt: '2024-06-01T10:00:00.000Z',
      state: 'lease-signed',
      offer: offer('vidomes', '2024-08-01', 'accepted'),
      lease: lease('vidomes', '2024-09-01'),
    }),
    secret('G', {
      registeredAt: '2025-01-06T10:00:00.000Z',
      state: 'lease-signed',
      offer: offer('wooninvest', '2025-01-20', 'accepted'),
      lease: lease('wooninvest', '2025-02-01'),
    }),
    secret('H', {
      type: 'noodwoning',
      registeredAt: '2024-07-01T10:00:00.000Z',
      state: 'lease-signed',
      offer: offer('wooninvest', '2024-09-01', 'accepted'),
      lease: lease('wooninvest', '2024-09-14'),
      evaluations: [{ on: '2024-09-14', positive: true, recordedBy: 'SECRET-EVALUATOR-H' }],
    }),
    secret('I', {
      type: 'noodwoning',
      registeredAt: '2025-02-10T10:00:00.000Z',
      state: 'offer-declined',
      offer: offer('vidomes', '2025-03-03', 'declined'),
      closedAt: '2025-03-05T10:00:00.000Z',
    }),
    aNominationFullOfSecrets({ id: ID('J') }),
    secret('K', { createdAt: '2025-09-09T10:00:00.000Z', registeredAt: undefined, state: 'draft' }),
    secret('L', { registeredAt: '2025-09-03T10:00:00.000Z', state: 'withdrawn', closedAt: '2025-09-05T10:00:00.000Z' }),
    secret('M', {
      registeredAt: '2025-04-01T10:00:00.000Z',
      state: 'lease-signed',
      offer: offer('vidomes', '2025-06-20', 'accepted'),
      lease: lease('vidomes', '2025-07-01'),
    }),
    secret('N', {
      registeredAt: '2025-01-15T10:00:00.000Z',
      state: 'lease-signed',
      targetLandlordIds: ['duivenvoorde'],
      offer: offer('duivenvoorde', '2025-03-15', 'accepted'),
      lease: lease('duivenvoorde', '2025-04-01'),
    }),
    secret('O', {
      registeredAt: '2025-02-01T10:00:00.000Z',
      state: 'lease-signed',
      targetLandlordIds: ['duivenvoorde'],
      offer: offer('duivenvoorde', '2025-04-15', 'accepted'),
      lease: lease('duivenvoorde', '2025-05-01'),
    }),
    secret('P', {
      createdAt: '2025-08-01T09:00:00.000Z',
      registeredAt: undefined,
      state: 'not-eligible',
      closedAt: '2025-08-01T12:00:00.000Z',
    }),
    secret('Q', {
      registeredAt: '2025-03-10T10:00:00.000Z',
      state: 'refused',
      closedAt: '2025-04-10T10:00:00.000Z',
      refusal: { landlordId: 'vidomes', on: '2025-04-10', reason: 'SECRET-REFUSAL-Q' },
    }),
  ];
}

const CONTACTS = [
  { partyId: PARNASSIA_ID, role: 'counsellor', unreachable: true, n: 1 },
  { partyId: PARNASSIA_ID, role: 'counsellor', unreachable: true, n: 2 },
  { partyId: 'vidomes', role: 'landlord-contact', unreachable: true, n: 3 },
  { partyId: 'vidomes', role: 'landlord-contact', unreachable: false, n: 4 },
] as const;

/** Every personal string of the data set: no platform figure or card may contain one. */
export const KNOWN_SECRETS: readonly string[] = [
  ...PERSONAL_MARKERS,
  ...knownNominations().flatMap((n) => [n.id, n.candidate.name, n.nominatedByContactId]),
  ...knownNominations().flatMap((n) => (n.candidate.dateOfBirth ? [n.candidate.dateOfBirth] : [])),
  ...CONTACTS.flatMap(({ n }) => [`SECRET-CONTACT-NAME-${n}`, `secret.contact.${n}@example.org`]),
  'SECRET-EXCHANGE-NOTE',
  'SECRET-HOME-D',
  'SECRET-REFUSAL-Q',
  'SECRET-SIGNAL-TYPE',
  'SECRET-OUTBOX',
];

export async function seedKnownDataSet(store: Store): Promise<void> {
  const context = { origin: 'test', actorId: 'system' };
  await seedCovenantParties(store, context);
  for (const { partyId, role, unreachable, n } of CONTACTS) {
    const { contact } = await addContact(
      store,
      partyId,
      { name: `SECRET-CONTACT-NAME-${n}`, email: `secret.contact.${n}@example.org`, role },
      context,
    );
    if (!unreachable) continue;
    const party = (await store.parties.get(partyId))!;
    const contacts = party.contacts.map((c) =>
      c.id === contact.id ? { ...c, unreachableSince: '2025-08-01T10:00:00.000Z' } : c,
    );
    await store.parties.update({ ...party, contacts });
  }
  for (const nomination of knownNominations()) await store.nominations.insert(nomination);
  await store.distributions.save(
    {
      year: 2025,
      homes: { vidomes: 3, wooninvest: 3, duivenvoorde: 1 },
      exchanges: [
        {
          fromLandlordId: 'wooninvest',
          toLandlordId: 'vidomes',
          homes: 1,
          on: '2025-06-01',
          recordedBy: 'SECRET-COORDINATOR',
          note: 'SECRET-EXCHANGE-NOTE',
        },
      ],
      version: 0,
    },
    0,
  );
  const at = '2025-09-01T10:00:00.000Z';
  for (const [i, outcome] of (['failed', 'unreachable', 'pending'] as const).entries()) {
    const id = `SECRET-OUTBOX-${i}`;
    await store.outbox.enqueue({
      id,
      conversationKey: `user:${id}`,
      kind: 'test',
      payload: {},
      notBefore: at,
      createdAt: at,
    });
    if (outcome !== 'pending') await store.outbox.markFailed(id, outcome, 'test');
  }
}

/** Signals by type for the week windows: 2 nuisance, 1 rent arrears this week; a type the digest does not know. */
export const knownSignals: SignalCounter & { calls: [string, string][] } = {
  calls: [],
  async countByType(from, before) {
    this.calls.push([from, before]);
    return from === '2025-09-07T22:00:00.000Z'
      ? { overlast: 2, huurachterstand: 1, 'SECRET-SIGNAL-TYPE': 5 }
      : { 'einde-begeleiding': 1 };
  },
};
