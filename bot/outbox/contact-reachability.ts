/**
 * A 403/404 from Teams means the contact removed the app (or left): record when, so the next
 * notification reports them as unreachable instead of sending into the void, and a later
 * successful send (they installed it again) clears it. Audited like every party change.
 */
import { changeParty, SYSTEM_ACTOR, type RegistryStore } from '../../src/parties/party-change';
import type { Clock } from '../../src/time/dates';

export async function markContactUnreachable(
  store: RegistryStore,
  partyId: string,
  contactId: string,
  at: string,
  clock: Clock,
): Promise<void> {
  await changeParty(
    store,
    partyId,
    'party.contact.unreachable',
    { origin: 'outbox', actorId: SYSTEM_ACTOR, clock },
    (party) => {
      const contact = party.contacts.find((c) => c.id === contactId);
      if (!contact || contact.unreachableSince !== undefined) return undefined;
      contact.unreachableSince = at;
      return party;
    },
  );
}

export async function clearContactUnreachable(
  store: RegistryStore,
  partyId: string,
  contactId: string,
  clock: Clock,
): Promise<void> {
  const party = await store.parties.get(partyId);
  // The common case reads once and writes nothing.
  if (!party?.contacts.some((c) => c.id === contactId && c.unreachableSince !== undefined)) return;
  await changeParty(
    store,
    partyId,
    'party.contact.reachable',
    { origin: 'outbox', actorId: SYSTEM_ACTOR, clock },
    (current) => {
      const contact = current.contacts.find((c) => c.id === contactId);
      if (!contact || contact.unreachableSince === undefined) return undefined;
      delete contact.unreachableSince;
      return current;
    },
  );
}
