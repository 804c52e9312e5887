/**
 * Demo contacts for `npm run dev` and tests: fictional people with example.org addresses, one per
 * role the bot knows, each tied to an Entra object id the caller chooses (e.g. the Agents
 * Playground's users). Idempotent: a contact that exists already is left alone.
 */
import type { ContactRole } from './party';
import { GEMEENTE_ID, LANDLORD_IDS, LIMOR_ID } from './party';
import { LOKALE_KAMER_ID, PARNASSIA_ID } from './covenant-parties';
import type { ChangeContext, RegistryStore } from './party-change';
import { addContact, seedCovenantParties } from './registry';

export type DemoRole =
  | 'counsellor-parnassia'
  | 'casemanager-lokale-kamer'
  | 'counsellor-limor'
  | 'landlord-vidomes'
  | 'landlord-wooninvest'
  | 'landlord-duivenvoorde'
  | 'platform-coordinator';

/** Each demo role's Entra object id. */
export type DemoIdentities = Record<DemoRole, string>;

export const DEFAULT_DEMO_IDENTITIES: DemoIdentities = {
  'counsellor-parnassia': '00000000-0000-0000-0000-000000000001',
  'casemanager-lokale-kamer': '00000000-0000-0000-0000-000000000002',
  'counsellor-limor': '00000000-0000-0000-0000-000000000003',
  'landlord-vidomes': '00000000-0000-0000-0000-000000000004',
  'landlord-wooninvest': '00000000-0000-0000-0000-000000000005',
  'landlord-duivenvoorde': '00000000-0000-0000-0000-000000000006',
  'platform-coordinator': '00000000-0000-0000-0000-000000000007',
};

interface DemoContact {
  partyId: string;
  role: ContactRole;
  name: string;
  email: string;
}

// Names say what the person does, so nobody mistakes them for real people.
export const DEMO_CONTACTS: Readonly<Record<DemoRole, DemoContact>> = {
  'counsellor-parnassia': {
    partyId: PARNASSIA_ID,
    role: 'counsellor',
    name: 'Bea Begeleider',
    email: 'bea.begeleider@parnassia.example.org',
  },
  'casemanager-lokale-kamer': {
    partyId: LOKALE_KAMER_ID,
    role: 'casemanager',
    name: 'Casper Casemanager',
    email: 'casper.casemanager@lokalekamer.example.org',
  },
  'counsellor-limor': {
    partyId: LIMOR_ID,
    role: 'counsellor',
    name: 'Lotte Limor',
    email: 'lotte.limor@limor.example.org',
  },
  'landlord-vidomes': {
    partyId: LANDLORD_IDS.vidomes,
    role: 'landlord-contact',
    name: 'Victor Verhuur',
    email: 'victor.verhuur@vidomes.example.org',
  },
  'landlord-wooninvest': {
    partyId: LANDLORD_IDS.wooninvest,
    role: 'landlord-contact',
    name: 'Wim Woning',
    email: 'wim.woning@wooninvest.example.org',
  },
  'landlord-duivenvoorde': {
    partyId: LANDLORD_IDS.duivenvoorde,
    role: 'landlord-contact',
    name: 'Daan Duivenvoorde',
    email: 'daan.duivenvoorde@duivenvoorde.example.org',
  },
  'platform-coordinator': {
    partyId: GEMEENTE_ID,
    role: 'platform-coordinator',
    name: 'Gemma Gemeente',
    email: 'gemma.gemeente@gemeente.example.org',
  },
};

/** The demo contact's id: fixed, so running the seed twice adds nothing. */
export function demoContactId(role: DemoRole): string {
  return `demo-${role}`;
}

/** Seeds the covenant parties if needed, then adds the demo contacts that are missing. */
export async function seedDemoContacts(
  store: RegistryStore,
  identities: DemoIdentities = DEFAULT_DEMO_IDENTITIES,
  context: ChangeContext = { origin: 'seed' },
): Promise<{ added: DemoRole[] }> {
  await seedCovenantParties(store, context);
  const added: DemoRole[] = [];
  for (const [role, demo] of Object.entries(DEMO_CONTACTS) as [DemoRole, DemoContact][]) {
    const party = await store.parties.get(demo.partyId);
    if (party?.contacts.some((c) => c.id === demoContactId(role))) continue;
    await addContact(
      store,
      demo.partyId,
      { id: demoContactId(role), name: demo.name, email: demo.email, role: demo.role, aadObjectId: identities[role] },
      context,
    );
    added.push(role);
  }
  return { added };
}
