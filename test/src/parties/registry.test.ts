import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COVENANT_PARTY_ENTRIES, LOKALE_KAMER_ID, PARNASSIA_ID } from '../../../src/parties/covenant-parties';
import { GEMEENTE_ID, LANDLORD_IDS } from '../../../src/parties/party';
import {
  addContact,
  giveNotice,
  joinParty,
  RegistryError,
  removeContact,
  seedCovenantParties,
  updateContact,
  type RegistryErrorCode,
} from '../../../src/parties/registry';
import { storeFactories, type TestStore } from '../../support/stores';
import { KIND_ROLE_TABLE } from './kind-role-table';
import { auditActions, context, NOW, partyIdOfKind } from './registry-fixture';

async function expectRefusal(promise: Promise<unknown>, code: RegistryErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  expect((error as RegistryError).code).toBe(code);
}

const bea = { name: 'Bea Begeleider', email: 'bea@parnassia.example.org', role: 'counsellor' as const };

describe.each(storeFactories)('party registry ($name)', ({ create }) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await create();
  });
  afterEach(async () => {
    await store.close();
  });

  describe('seeding', () => {
    it('inserts every covenant party once, with an audit record each', async () => {
      const { inserted } = await seedCovenantParties(store, context());
      const ids = COVENANT_PARTY_ENTRIES.map((e) => e.id).sort();
      expect([...inserted].sort()).toEqual(ids);
      expect((await store.parties.list()).map((p) => p.id).sort()).toEqual(ids);
      for (const id of ids) expect(await auditActions(store, id)).toEqual(['party.seed']);
    });

    it('changes nothing when run again', async () => {
      await seedCovenantParties(store, context());
      const before = await store.parties.list();
      const { inserted } = await seedCovenantParties(store, context());
      expect(inserted).toEqual([]);
      expect(await store.parties.list()).toEqual(before);
      expect(await auditActions(store, GEMEENTE_ID)).toEqual(['party.seed']);
    });

    it('leaves contacts added since alone', async () => {
      await seedCovenantParties(store, context());
      await addContact(store, PARNASSIA_ID, bea, context());
      await seedCovenantParties(store, context());
      expect((await store.parties.get(PARNASSIA_ID))?.contacts.map((c) => c.name)).toEqual(['Bea Begeleider']);
    });

    it('seeds each party once when two instances seed at the same time', async () => {
      const [a, b] = await Promise.all([seedCovenantParties(store, context()), seedCovenantParties(store, context())]);
      expect([...a.inserted, ...b.inserted].sort()).toEqual(COVENANT_PARTY_ENTRIES.map((e) => e.id).sort());
      expect(await store.parties.list()).toHaveLength(COVENANT_PARTY_ENTRIES.length);
    });
  });

  describe('contacts', () => {
    beforeEach(async () => {
      await seedCovenantParties(store, context());
    });

    it('adds a contact, normalised, and audits it with the actor', async () => {
      const { party, contact } = await addContact(
        store,
        PARNASSIA_ID,
        { ...bea, name: '  Bea  Begeleider ', email: ' bea@parnassia.example.org ' },
        context('coordinator-1'),
      );
      expect(contact).toMatchObject({ name: 'Bea Begeleider', email: 'bea@parnassia.example.org' });
      expect(party.version).toBe(2);
      expect(await store.parties.get(PARNASSIA_ID)).toEqual(party);
      const records = await store.audit.listForObject(PARNASSIA_ID);
      expect(records.find((r) => r.action === 'party.contact.add')).toMatchObject({
        object: { type: 'party', id: PARNASSIA_ID },
        result: 'success',
        origin: 'test',
        actorId: 'coordinator-1',
        at: NOW.toISOString(),
      });
    });

    it.each([
      ['an empty name', { name: '  ' }, 'invalid-name'],
      ['a malformed e-mail', { email: 'bea-at-parnassia' }, 'invalid-email'],
    ] as const)('refuses %s and changes nothing', async (_label, change, code) => {
      await expectRefusal(addContact(store, PARNASSIA_ID, { ...bea, ...change }, context()), code);
      expect((await store.parties.get(PARNASSIA_ID))?.version).toBe(1);
      expect(await auditActions(store, PARNASSIA_ID)).toEqual(['party.seed']);
    });

    it('refuses an unknown party', async () => {
      await expectRefusal(addContact(store, 'no-such-party', bea, context()), 'unknown-party');
    });

    it('refuses an e-mail another contact has, in any case, at any party', async () => {
      await addContact(store, PARNASSIA_ID, bea, context());
      const same = { ...bea, email: 'BEA@Parnassia.Example.org' };
      await expectRefusal(addContact(store, PARNASSIA_ID, same, context()), 'email-in-use');
      await expectRefusal(addContact(store, 'middin', same, context()), 'email-in-use');
    });

    it('refuses a Teams identity another contact has', async () => {
      await addContact(store, PARNASSIA_ID, { ...bea, aadObjectId: 'aad-1' }, context());
      const other = { ...bea, email: 'other@middin.example.org', aadObjectId: 'aad-1' };
      await expectRefusal(addContact(store, 'middin', other, context()), 'aad-object-id-in-use');
    });

    it('refuses a contact id that exists at the party', async () => {
      await addContact(store, PARNASSIA_ID, { ...bea, id: 'c-1' }, context());
      const again = { ...bea, id: 'c-1', email: 'other@parnassia.example.org' };
      await expectRefusal(addContact(store, PARNASSIA_ID, again, context()), 'contact-exists');
    });

    it('keeps all contacts added at the same time (optimistic concurrency)', async () => {
      await Promise.all(
        ['a', 'b', 'c'].map((n) =>
          addContact(store, PARNASSIA_ID, { ...bea, email: `${n}@parnassia.example.org` }, context()),
        ),
      );
      const party = await store.parties.get(PARNASSIA_ID);
      expect(party?.contacts.map((c) => c.email).sort()).toEqual(
        ['a', 'b', 'c'].map((n) => `${n}@parnassia.example.org`),
      );
      expect(party?.version).toBe(4);
      expect((await store.audit.listForObject(PARNASSIA_ID)).map((r) => r.id).sort()).toEqual(
        [1, 2, 3, 4].map((v) => `party:${PARNASSIA_ID}:v${v}`),
      );
    });

    it('updates name, e-mail and role, and audits it', async () => {
      const { contact } = await addContact(store, LOKALE_KAMER_ID, { ...bea, role: 'casemanager' }, context());
      const { contact: updated } = await updateContact(
        store,
        LOKALE_KAMER_ID,
        contact.id,
        { name: 'Bea Casemanager', email: 'bea@lokalekamer.example.org' },
        context(contact.id),
      );
      expect(updated).toMatchObject({ id: contact.id, name: 'Bea Casemanager', email: 'bea@lokalekamer.example.org' });
      expect(await auditActions(store, LOKALE_KAMER_ID)).toEqual([
        'party.contact.add',
        'party.contact.update',
        'party.seed',
      ]);
    });

    it('lets a contact keep its own e-mail in another case', async () => {
      const { contact } = await addContact(store, PARNASSIA_ID, bea, context());
      const change = { email: 'Bea@Parnassia.example.org' };
      const { contact: updated } = await updateContact(store, PARNASSIA_ID, contact.id, change, context());
      expect(updated.email).toBe('Bea@Parnassia.example.org');
    });

    it.each([
      ['a role that does not fit', { role: 'landlord-contact' }, 'role-not-allowed'],
      ['an e-mail of another contact', { email: 'other@middin.example.org' }, 'email-in-use'],
      ['a malformed e-mail', { email: 'nope' }, 'invalid-email'],
    ] as const)('refuses an update to %s', async (_label, change, code) => {
      const { contact } = await addContact(store, PARNASSIA_ID, bea, context());
      await addContact(store, 'middin', { ...bea, email: 'other@middin.example.org' }, context());
      await expectRefusal(updateContact(store, PARNASSIA_ID, contact.id, change, context()), code);
      expect((await store.parties.get(PARNASSIA_ID))?.contacts).toEqual([contact]);
    });

    it('refuses to update or remove an unknown contact', async () => {
      await expectRefusal(updateContact(store, PARNASSIA_ID, 'nobody', { name: 'X' }, context()), 'unknown-contact');
      await expectRefusal(removeContact(store, PARNASSIA_ID, 'nobody', context()), 'unknown-contact');
    });

    it('removes a contact and audits it', async () => {
      const { contact } = await addContact(store, PARNASSIA_ID, bea, context());
      const party = await removeContact(store, PARNASSIA_ID, contact.id, context('coordinator-1'));
      expect(party.contacts).toEqual([]);
      const records = await store.audit.listForObject(PARNASSIA_ID);
      expect(records.find((r) => r.action === 'party.contact.remove')?.actorId).toBe('coordinator-1');
    });
  });

  describe('joining (13.2)', () => {
    let coordinatorId: string;
    beforeEach(async () => {
      await seedCovenantParties(store, context());
      const coordinator = { name: 'Gemma', email: 'gemma@gemeente.example.org', role: 'platform-coordinator' as const };
      coordinatorId = (await addContact(store, GEMEENTE_ID, coordinator, context())).contact.id;
    });

    it('adds an invited zorgorganisatie and records who invited it and when', async () => {
      const party = await joinParty(
        store,
        { name: 'Stichting Nieuwe Zorg', joinedOn: '2025-07-01' },
        context(coordinatorId),
      );
      expect(party).toMatchObject({
        id: 'stichting-nieuwe-zorg',
        kind: 'zorgorganisatie',
        joinedOn: '2025-07-01',
        contacts: [],
        version: 1,
      });
      expect(await store.audit.listForObject(party.id)).toEqual([
        expect.objectContaining({ action: 'party.join', actorId: coordinatorId, at: NOW.toISOString() }),
      ]);
    });

    it('refuses an invitation not entered by a platform coordinator', async () => {
      const { contact } = await addContact(store, PARNASSIA_ID, bea, context());
      for (const actor of ['system', contact.id, 'unknown']) {
        await expectRefusal(
          joinParty(store, { name: 'X Zorg', joinedOn: '2025-07-01' }, context(actor)),
          'not-invited-by-platform',
        );
      }
      expect(await store.parties.get('x-zorg')).toBeUndefined();
    });

    it.each([
      ['a landlord', { name: 'Nieuwe Verhuurder', kind: 'sociale-verhuurder' }, 'kind-cannot-join'],
      ['an existing party', { name: 'Middin', id: 'middin' }, 'party-exists'],
      ['a bad date', { name: 'Y Zorg', joinedOn: '2025-02-30' }, 'invalid-date'],
      ['an empty name', { name: ' ' }, 'invalid-name'],
    ] as const)('refuses %s', async (_label, input, code) => {
      await expectRefusal(joinParty(store, { joinedOn: '2025-07-01', ...input }, context(coordinatorId)), code);
    });
  });

  describe('notice (12.2)', () => {
    beforeEach(async () => {
      await seedCovenantParties(store, context());
    });

    it.each([
      ['exactly six months', '2025-03-01', '2025-09-01', true],
      ['a day less', '2025-03-01', '2025-08-31', false],
      ['more than six months', '2025-03-01', '2026-01-01', true],
      ['month-end clamped: 31 Aug → 28 Feb', '2025-08-31', '2026-02-28', true],
      ['a day before 28 Feb', '2025-08-31', '2026-02-27', false],
      ['month-end clamped in a leap year: 31 Aug → 29 Feb', '2027-08-31', '2028-02-29', true],
      ['28 Feb of a leap year', '2027-08-31', '2028-02-28', false],
    ])('%s (notice %s, leaving %s): allowed %s', async (_label, noticeGivenOn, leavesOn, allowed) => {
      const giving = giveNotice(store, LANDLORD_IDS.wooninvest, { noticeGivenOn, leavesOn }, context('c-1'));
      if (allowed) {
        await expect(giving).resolves.toMatchObject({ noticeGivenOn, leavesOn });
        expect(await auditActions(store, LANDLORD_IDS.wooninvest)).toEqual(['party.notice', 'party.seed']);
      } else {
        await expectRefusal(giving, 'notice-too-short');
        expect((await store.parties.get(LANDLORD_IDS.wooninvest))?.noticeGivenOn).toBeUndefined();
      }
    });

    it('leaves at the earliest date when none is given', async () => {
      const party = await giveNotice(store, 'middin', { noticeGivenOn: '2025-08-31' }, context());
      expect(party.leavesOn).toBe('2026-02-28');
    });

    it('refuses a second notice', async () => {
      await giveNotice(store, 'middin', { noticeGivenOn: '2025-03-01' }, context());
      await expectRefusal(
        giveNotice(store, 'middin', { noticeGivenOn: '2025-04-01' }, context()),
        'notice-already-given',
      );
    });

    it.each([
      ['before the party joined', { noticeGivenOn: '2025-01-13' }],
      ['that is no date', { noticeGivenOn: '2025-13-01' }],
      ['with a leave date that is no date', { noticeGivenOn: '2025-03-01', leavesOn: 'soon' }],
    ])('refuses a notice %s', async (_label, notice) => {
      await expectRefusal(giveNotice(store, 'middin', notice, context()), 'invalid-date');
    });
  });
});

// One seeded store for the whole table: each case adds its own contact, so they do not interfere.
describe.each(storeFactories)('role fits kind, through addContact ($name)', ({ create }) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await create();
    await seedCovenantParties(store, context());
  });
  afterAll(async () => {
    await store.close();
  });

  it.each(KIND_ROLE_TABLE)('a $role at a $kind: allowed $allowed', async ({ kind, role, allowed }) => {
    const contact = { ...bea, role, email: `${role}@${kind}.example.org` };
    const adding = addContact(store, partyIdOfKind(kind), contact, context());
    if (allowed) await expect(adding).resolves.toMatchObject({ contact: { role } });
    else await expectRefusal(adding, 'role-not-allowed');
  });
});
