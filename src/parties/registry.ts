/**
 * The party registry: seeds the covenant's parties, keeps their fixed contacts (5.1), lets new
 * parties join (13.2) and parties leave with notice (12.2). Every change is audited.
 */
import { randomUUID } from 'node:crypto';
import { DuplicateKeyError } from '../storage/ports';
import { compareDates, isIsoDate, localDate, systemClock, type IsoDate } from '../time/dates';
import { covenantParties } from './covenant-parties';
import { GEMEENTE_ID, type Contact, type ContactRole, type Party, type PartyKind } from './party';
import { auditPartyChange, changeParty, RegistryError, type ChangeContext, type RegistryStore } from './party-change';
import {
  earliestLeaveDate,
  isActive,
  normalizeContactName,
  normalizeEmail,
  roleFitsKind,
  sameEmail,
} from './party-rules';

export { isActive, earliestLeaveDate, roleFitsKind, ROLES_BY_KIND } from './party-rules';
export { RegistryError, type ChangeContext, type RegistryErrorCode, type RegistryStore } from './party-change';
export { resolveContact, type ContactIdentity, type ResolvedContact } from './resolve-contact';

/** Inserts the covenant parties that are missing; running it again changes nothing. */
export async function seedCovenantParties(
  store: RegistryStore,
  context: ChangeContext,
): Promise<{ inserted: string[] }> {
  const inserted: string[] = [];
  for (const party of covenantParties()) {
    if (await store.parties.get(party.id)) continue;
    try {
      const saved = await store.parties.insert(party);
      await auditPartyChange(store, saved, 'party.seed', context);
      inserted.push(saved.id);
    } catch (error) {
      // Another instance seeded it between our get and insert: that is the same outcome.
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
  }
  return { inserted };
}

export interface NewContact {
  name: string;
  email: string;
  role: ContactRole;
  /** Defaults to a random UUID; fixed ids keep demo data idempotent. */
  id?: string;
  aadObjectId?: string;
}

/** 5.1: adds a fixed contact person to a party. */
export async function addContact(
  store: RegistryStore,
  partyId: string,
  input: NewContact,
  context: ChangeContext,
): Promise<{ party: Party; contact: Contact }> {
  const contact: Contact = {
    id: input.id ?? randomUUID(),
    name: validName(input.name),
    email: validEmail(input.email),
    role: input.role,
  };
  if (input.aadObjectId !== undefined) contact.aadObjectId = input.aadObjectId;
  await refuseEmailHeldElsewhere(store, contact.email, contact.id);
  if (contact.aadObjectId !== undefined) await refuseAadObjectIdHeldElsewhere(store, contact.aadObjectId, contact.id);

  const party = await changeParty(store, partyId, 'party.contact.add', context, (current) => {
    refuseRoleThatDoesNotFit(current, contact.role);
    if (current.contacts.some((c) => c.id === contact.id)) {
      throw new RegistryError('contact-exists', `Contactpersoon ${contact.id} bestaat al bij ${current.name}.`);
    }
    refuseEmailWithin(current, contact.email, contact.id);
    current.contacts.push(contact);
    return current;
  });
  return { party, contact };
}

export interface ContactChanges {
  name?: string;
  email?: string;
  role?: ContactRole;
}

export async function updateContact(
  store: RegistryStore,
  partyId: string,
  contactId: string,
  changes: ContactChanges,
  context: ChangeContext,
): Promise<{ party: Party; contact: Contact }> {
  const name = changes.name === undefined ? undefined : validName(changes.name);
  const email = changes.email === undefined ? undefined : validEmail(changes.email);
  if (email !== undefined) await refuseEmailHeldElsewhere(store, email, contactId);

  const party = await changeParty(store, partyId, 'party.contact.update', context, (current) => {
    const contact = findContact(current, contactId);
    if (changes.role !== undefined) refuseRoleThatDoesNotFit(current, changes.role);
    if (email !== undefined) refuseEmailWithin(current, email, contactId);
    if (name !== undefined) contact.name = name;
    if (email !== undefined) contact.email = email;
    if (changes.role !== undefined) contact.role = changes.role;
    return current;
  });
  return { party, contact: findContact(party, contactId) };
}

/** Removes a contact; its id stays valid in audit records and nominations that name it. */
export async function removeContact(
  store: RegistryStore,
  partyId: string,
  contactId: string,
  context: ChangeContext,
): Promise<Party> {
  return changeParty(store, partyId, 'party.contact.remove', context, (current) => {
    findContact(current, contactId);
    current.contacts = current.contacts.filter((c) => c.id !== contactId);
    return current;
  });
}

export interface NewParty {
  name: string;
  /** Defaults to a slug of the name. */
  id?: string;
  /** 13.2 invites parties that provide guidance or treatment: zorgorganisaties. */
  kind?: PartyKind;
  joinedOn: IsoDate;
}

/**
 * 13.2: the platform invites a new party. The platform's decision is entered by a platform
 * coordinator (2 Gemeente e), whose contact id is `context.actorId` — the audit record keeps who
 * and when; joinedOn keeps from when.
 */
export async function joinParty(store: RegistryStore, input: NewParty, context: ChangeContext): Promise<Party> {
  const kind = input.kind ?? 'zorgorganisatie';
  if (kind !== 'zorgorganisatie') {
    throw new RegistryError('kind-cannot-join', 'Alleen zorgorganisaties kunnen worden uitgenodigd (13.2).');
  }
  const name = validName(input.name);
  if (!isIsoDate(input.joinedOn)) throw new RegistryError('invalid-date', `Ongeldige datum: ${input.joinedOn}.`);
  await refuseInviterOutsidePlatform(store, context.actorId, localDate((context.clock ?? systemClock)()));

  const id = input.id ?? slug(name);
  if (id === '') throw new RegistryError('invalid-name', 'Deze naam geeft geen bruikbare partij-id.');
  try {
    const party = await store.parties.insert({ id, name, kind, contacts: [], joinedOn: input.joinedOn });
    await auditPartyChange(store, party, 'party.join', context);
    return party;
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new RegistryError('party-exists', `Partij ${id} bestaat al.`);
    throw error;
  }
}

export interface Notice {
  /** The date of the written notice (12.2). */
  noticeGivenOn: IsoDate;
  /** Defaults to the earliest date the notice allows. */
  leavesOn?: IsoDate;
}

/** 12.2: a party ends its participation in writing, with at least six months' notice. */
export async function giveNotice(
  store: RegistryStore,
  partyId: string,
  notice: Notice,
  context: ChangeContext,
): Promise<Party> {
  for (const date of [notice.noticeGivenOn, notice.leavesOn]) {
    if (date !== undefined && !isIsoDate(date)) throw new RegistryError('invalid-date', `Ongeldige datum: ${date}.`);
  }
  const earliest = earliestLeaveDate(notice.noticeGivenOn);
  const leavesOn = notice.leavesOn ?? earliest;
  if (compareDates(leavesOn, earliest) < 0) {
    throw new RegistryError(
      'notice-too-short',
      `De opzegtermijn is ten minste zes maanden (12.2): de deelname eindigt op zijn vroegst op ${earliest}.`,
    );
  }
  return changeParty(store, partyId, 'party.notice', context, (current) => {
    if (current.noticeGivenOn !== undefined) {
      throw new RegistryError('notice-already-given', `${current.name} heeft al opgezegd op ${current.noticeGivenOn}.`);
    }
    if (compareDates(notice.noticeGivenOn, current.joinedOn) < 0) {
      throw new RegistryError('invalid-date', `Opzegging vóór deelname (${current.joinedOn}) kan niet.`);
    }
    current.noticeGivenOn = notice.noticeGivenOn;
    current.leavesOn = leavesOn;
    return current;
  });
}

function validName(name: string): string {
  const normalized = normalizeContactName(name);
  if (normalized === undefined) throw new RegistryError('invalid-name', 'Vul een naam in (hoogstens 200 tekens).');
  return normalized;
}

function validEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (normalized === undefined) throw new RegistryError('invalid-email', 'Vul een geldig e-mailadres in (5.1).');
  return normalized;
}

function findContact(party: Party, contactId: string): Contact {
  const contact = party.contacts.find((c) => c.id === contactId);
  if (!contact) throw new RegistryError('unknown-contact', `Contactpersoon ${contactId} hoort niet bij ${party.name}.`);
  return contact;
}

function refuseRoleThatDoesNotFit(party: Party, role: ContactRole): void {
  if (!roleFitsKind(party.kind, role)) {
    throw new RegistryError('role-not-allowed', `De rol ${role} past niet bij ${party.name}.`);
  }
}

function refuseEmailWithin(party: Party, email: string, exceptContactId: string): void {
  if (party.contacts.some((c) => c.id !== exceptContactId && sameEmail(c.email, email))) {
    throw new RegistryError('email-in-use', 'Dit e-mailadres is al van een andere contactpersoon.');
  }
}

/** One e-mail, one contact: otherwise signing in by e-mail (5.1) could not tell who is who. */
async function refuseEmailHeldElsewhere(store: RegistryStore, email: string, exceptContactId: string): Promise<void> {
  const holder = await store.parties.findByContactEmail(email);
  if (holder) refuseEmailWithin(holder, email, exceptContactId);
}

async function refuseAadObjectIdHeldElsewhere(
  store: RegistryStore,
  aadObjectId: string,
  exceptContactId: string,
): Promise<void> {
  const holder = await store.parties.findByContactAadObjectId(aadObjectId);
  if (holder?.contacts.some((c) => c.id !== exceptContactId && c.aadObjectId === aadObjectId)) {
    throw new RegistryError('aad-object-id-in-use', 'Deze Teams-gebruiker is al een andere contactpersoon.');
  }
}

async function refuseInviterOutsidePlatform(
  store: RegistryStore,
  actorId: string | undefined,
  today: IsoDate,
): Promise<void> {
  const gemeente = await store.parties.get(GEMEENTE_ID);
  const isCoordinator =
    gemeente !== undefined &&
    isActive(gemeente, today) &&
    gemeente.contacts.some((c) => c.id === actorId && c.role === 'platform-coordinator');
  if (!isCoordinator) {
    throw new RegistryError('not-invited-by-platform', 'Een nieuwe partij wordt uitgenodigd door het platform (13.2).');
  }
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
