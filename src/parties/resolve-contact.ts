/**
 * Who is this Teams user? A known contact of an active party (5.1), found by Entra object id,
 * or by e-mail the first time — after which the object id is recorded on the contact.
 */
import type { IsoDate } from '../time/dates';
import type { Contact, ContactRole, Party } from './party';
import { changeParty, type ChangeContext, type RegistryStore } from './party-change';
import { isActive, sameEmail } from './party-rules';

export interface ContactIdentity {
  aadObjectId?: string;
  email?: string;
}

export interface ResolvedContact {
  party: Party;
  contact: Contact;
  role: ContactRole;
}

/**
 * Undefined when the person is no contact of a party that takes part today: contacts of a party
 * that has left lose access (12.2), while the party and its history stay in the store.
 */
export async function resolveContact(
  store: RegistryStore,
  identity: ContactIdentity,
  today: IsoDate,
  context: Omit<ChangeContext, 'actorId'> = { origin: 'teams' },
): Promise<ResolvedContact | undefined> {
  const { aadObjectId, email } = identity;
  if (aadObjectId) {
    const party = await store.parties.findByContactAadObjectId(aadObjectId);
    const contact = party?.contacts.find((c) => c.aadObjectId === aadObjectId);
    if (party && contact && isActive(party, today)) return { party, contact, role: contact.role };
  }
  if (!email) return undefined;

  const party = await store.parties.findByContactEmail(email);
  const contact = party?.contacts.find((c) => sameEmail(c.email, email));
  if (!party || !contact || !isActive(party, today)) return undefined;
  // An e-mail match must not hand a contact already tied to one Teams account to another.
  if (contact.aadObjectId !== undefined && aadObjectId && contact.aadObjectId !== aadObjectId) return undefined;
  if (!aadObjectId || contact.aadObjectId !== undefined) return { party, contact, role: contact.role };

  return recordAadObjectId(store, party.id, contact.id, aadObjectId, { ...context, actorId: contact.id });
}

/** 5.1: the Teams identity, once known, so that later messages resolve by object id. */
async function recordAadObjectId(
  store: RegistryStore,
  partyId: string,
  contactId: string,
  aadObjectId: string,
  context: ChangeContext,
): Promise<ResolvedContact | undefined> {
  let claimedByOther = false;
  const saved = await changeParty(store, partyId, 'party.contact.link-aad-object-id', context, (current) => {
    const contact = current.contacts.find((c) => c.id === contactId);
    // Removed, or linked by a concurrent request in the meantime: nothing to write.
    if (!contact || contact.aadObjectId !== undefined) {
      claimedByOther = contact !== undefined && contact.aadObjectId !== aadObjectId;
      return undefined;
    }
    contact.aadObjectId = aadObjectId;
    return current;
  });
  const contact = saved.contacts.find((c) => c.id === contactId);
  if (!contact || claimedByOther) return undefined;
  return { party: saved, contact, role: contact.role };
}
