import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COVENANT_PARTY_ENTRIES } from '../../../src/parties/covenant-parties';
import {
  DEFAULT_DEMO_IDENTITIES,
  DEMO_CONTACTS,
  demoContactId,
  seedDemoContacts,
  type DemoIdentities,
  type DemoRole,
} from '../../../src/parties/demo-contacts';
import { resolveContact } from '../../../src/parties/registry';
import { storeFactories, type TestStore } from '../../support/stores';

const TODAY = '2025-06-01';
const ROLES = Object.keys(DEFAULT_DEMO_IDENTITIES) as DemoRole[];

/** The kind of party and role each demo person must have. */
const EXPECTED: Record<DemoRole, { partyId: string; role: string }> = {
  'counsellor-parnassia': { partyId: 'parnassia-haaglanden', role: 'counsellor' },
  'casemanager-lokale-kamer': { partyId: 'lokale-kamer-leidschendam-voorburg', role: 'casemanager' },
  'counsellor-limor': { partyId: 'limor', role: 'counsellor' },
  'landlord-vidomes': { partyId: 'vidomes', role: 'landlord-contact' },
  'landlord-wooninvest': { partyId: 'wooninvest', role: 'landlord-contact' },
  'landlord-duivenvoorde': { partyId: 'duivenvoorde', role: 'landlord-contact' },
  'platform-coordinator': { partyId: 'gemeente-leidschendam-voorburg', role: 'platform-coordinator' },
};

describe('demo contacts as data', () => {
  it('uses example.org addresses only', () => {
    for (const demo of Object.values(DEMO_CONTACTS)) expect(demo.email).toMatch(/@([a-z]+\.)?example\.org$/);
  });

  it('gives every role a distinct default Entra object id', () => {
    expect(new Set(Object.values(DEFAULT_DEMO_IDENTITIES)).size).toBe(ROLES.length);
  });
});

describe.each(storeFactories)('seedDemoContacts ($name)', ({ create }) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await create();
  });
  afterEach(async () => {
    await store.close();
  });

  it.each(ROLES)('makes %s resolvable by its default object id', async (demoRole) => {
    await seedDemoContacts(store);
    const resolved = await resolveContact(store, { aadObjectId: DEFAULT_DEMO_IDENTITIES[demoRole] }, TODAY);
    expect(resolved).toMatchObject({
      party: { id: EXPECTED[demoRole].partyId },
      contact: { id: demoContactId(demoRole) },
      role: EXPECTED[demoRole].role,
    });
  });

  it('seeds the covenant parties as well, and adds nothing the second time', async () => {
    expect((await seedDemoContacts(store)).added.sort()).toEqual([...ROLES].sort());
    const before = await store.parties.list();
    expect(before).toHaveLength(COVENANT_PARTY_ENTRIES.length);
    expect((await seedDemoContacts(store)).added).toEqual([]);
    expect(await store.parties.list()).toEqual(before);
  });

  it('takes the identities the caller chooses, e.g. the Agents Playground users', async () => {
    const playground = Object.fromEntries(
      ROLES.map((role, i) => [role, `00000000-0000-0000-0000-00000000000${20 + i}`]),
    ) as DemoIdentities;
    await seedDemoContacts(store, playground);
    const resolved = await resolveContact(store, { aadObjectId: playground['landlord-wooninvest'] }, TODAY);
    expect(resolved?.contact.id).toBe(demoContactId('landlord-wooninvest'));
    expect(await resolveContact(store, { aadObjectId: DEFAULT_DEMO_IDENTITIES['landlord-wooninvest'] }, TODAY)).toBe(
      undefined,
    );
  });

  it('audits each added contact as done by the system, from the seed', async () => {
    await seedDemoContacts(store);
    const records = await store.audit.listForObject('vidomes');
    expect(records.find((r) => r.action === 'party.contact.add')).toMatchObject({ origin: 'seed', actorId: 'system' });
  });
});
