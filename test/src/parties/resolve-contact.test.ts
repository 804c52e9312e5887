import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARNASSIA_ID } from '../../../src/parties/covenant-parties';
import type { Contact } from '../../../src/parties/party';
import { addContact, giveNotice, resolveContact, seedCovenantParties } from '../../../src/parties/registry';
import { storeFactories, type TestStore } from '../../support/stores';
import { context, NOW } from './registry-fixture';

const TODAY = '2025-06-01';
const resolveContext = { origin: 'test', clock: () => NOW };

describe.each(storeFactories)('resolveContact ($name)', ({ create }) => {
  let store: TestStore;
  let linked: Contact; // has a Teams identity already
  let unlinked: Contact; // known by e-mail only
  beforeEach(async () => {
    store = await create();
    await seedCovenantParties(store, context());
    linked = (
      await addContact(
        store,
        PARNASSIA_ID,
        { name: 'Bea', email: 'bea@parnassia.example.org', role: 'counsellor', aadObjectId: 'aad-bea' },
        context(),
      )
    ).contact;
    unlinked = (
      await addContact(
        store,
        'vidomes',
        { name: 'Victor', email: 'Victor.Verhuur@Vidomes.example.org', role: 'landlord-contact' },
        context(),
      )
    ).contact;
  });
  afterEach(async () => {
    await store.close();
  });

  it('finds a contact by Entra object id, before the e-mail', async () => {
    const resolved = await resolveContact(
      store,
      { aadObjectId: 'aad-bea', email: 'victor.verhuur@vidomes.example.org' },
      TODAY,
    );
    expect(resolved).toMatchObject({ party: { id: PARNASSIA_ID }, contact: { id: linked.id }, role: 'counsellor' });
  });

  it('finds a contact by e-mail, case-insensitively, and records the object id once', async () => {
    const identity = { aadObjectId: 'aad-victor', email: 'victor.verhuur@VIDOMES.example.org' };
    const resolved = await resolveContact(store, identity, TODAY, resolveContext);
    expect(resolved).toMatchObject({
      party: { id: 'vidomes' },
      contact: { id: unlinked.id, aadObjectId: 'aad-victor' },
      role: 'landlord-contact',
    });
    const stored = await store.parties.get('vidomes');
    expect(stored?.contacts.find((c) => c.id === unlinked.id)?.aadObjectId).toBe('aad-victor');

    // From now on the object id alone is enough, and nothing more is written.
    expect(await resolveContact(store, { aadObjectId: 'aad-victor' }, TODAY)).toMatchObject({
      contact: { id: unlinked.id },
    });
    await resolveContact(store, identity, TODAY, resolveContext);
    expect((await store.parties.get('vidomes'))?.version).toBe(stored?.version);

    const records = await store.audit.listForObject('vidomes');
    expect(records.filter((r) => r.action === 'party.contact.link-aad-object-id')).toEqual([
      expect.objectContaining({ actorId: unlinked.id, origin: 'test', at: NOW.toISOString(), result: 'success' }),
    ]);
  });

  it('finds a contact by e-mail alone without writing anything', async () => {
    const before = await store.parties.get('vidomes');
    const resolved = await resolveContact(store, { email: 'victor.verhuur@vidomes.example.org' }, TODAY);
    expect(resolved?.contact.id).toBe(unlinked.id);
    expect(await store.parties.get('vidomes')).toEqual(before);
  });

  it.each([
    ['an unknown object id', { aadObjectId: 'aad-nobody' }],
    ['an unknown e-mail', { email: 'nobody@example.org' }],
    ['an unknown object id and e-mail', { aadObjectId: 'aad-nobody', email: 'nobody@example.org' }],
    ['nothing at all', {}],
    [
      'the e-mail of a contact tied to another Teams account',
      { aadObjectId: 'aad-other', email: 'bea@parnassia.example.org' },
    ],
  ])('gives undefined for %s', async (_label, identity) => {
    expect(await resolveContact(store, identity, TODAY)).toBeUndefined();
    expect((await store.parties.get(PARNASSIA_ID))?.contacts).toEqual([linked]);
  });

  describe('a party that gave notice (12.2)', () => {
    beforeEach(async () => {
      await giveNotice(store, PARNASSIA_ID, { noticeGivenOn: '2025-03-01' }, context()); // leaves 2025-09-01
      await giveNotice(store, 'vidomes', { noticeGivenOn: '2025-03-01' }, context());
    });

    it.each([
      ['before leaving', '2025-08-31', true],
      ['on the day it leaves', '2025-09-01', false],
      ['after it left', '2026-01-01', false],
    ])('%s (%s): resolves %s', async (_label, today, resolves) => {
      const byAad = await resolveContact(store, { aadObjectId: 'aad-bea' }, today);
      const byEmail = await resolveContact(store, { aadObjectId: 'aad-v', email: unlinked.email }, today);
      expect(byAad !== undefined).toBe(resolves);
      expect(byEmail !== undefined).toBe(resolves);
    });

    it('keeps the departed party and its contacts in the store', async () => {
      await resolveContact(store, { aadObjectId: 'aad-bea' }, '2026-01-01');
      const party = await store.parties.get(PARNASSIA_ID);
      expect(party).toMatchObject({ leavesOn: '2025-09-01', contacts: [linked] });
    });
  });

  it('gives undefined before a party has joined', async () => {
    expect(await resolveContact(store, { aadObjectId: 'aad-bea' }, '2025-01-13')).toBeUndefined();
  });
});
