/**
 * How the registry changes a party: read, change, write with the version read (optimistic
 * concurrency, DESIGN.md "Storage"), retry on a conflict, then write the audit record.
 */
import type { AuditRecord } from '../audit/audit';
import { systemClock, type Clock } from '../time/dates';
import { VersionConflictError, type Store } from '../storage/ports';
import type { Party } from './party';

export type RegistryStore = Pick<Store, 'parties' | 'audit'>;

/** Who asks for a change and from where, for the audit trail (BIO 8.15.01). */
export interface ChangeContext {
  /** e.g. "teams", "seed", "test". */
  origin: string;
  /** The acting contact's id; 'system' for seeding and jobs. Never a name or e-mail. */
  actorId?: string;
  clock?: Clock;
}

export const SYSTEM_ACTOR = 'system';

export type RegistryErrorCode =
  | 'unknown-party'
  | 'unknown-contact'
  | 'contact-exists'
  | 'party-exists'
  | 'invalid-name'
  | 'invalid-email'
  | 'invalid-date'
  | 'role-not-allowed'
  | 'email-in-use'
  | 'aad-object-id-in-use'
  | 'kind-cannot-join'
  | 'not-invited-by-platform'
  | 'notice-already-given'
  | 'notice-too-short';

/** A refused registry change; the message is Dutch, for the platform coordinator. */
export class RegistryError extends Error {
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

// Enough for a handful of people editing the same party at once; more means something is wrong.
const MAX_ATTEMPTS = 5;

/**
 * Applies `change` to a fresh copy of the stored party and saves it. `change` may throw a
 * RegistryError, or return undefined when nothing needs to change (then nothing is written).
 */
export async function changeParty(
  store: RegistryStore,
  partyId: string,
  action: string,
  context: ChangeContext,
  change: (party: Party) => Party | undefined,
): Promise<Party> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.parties.get(partyId);
    if (!current) throw new RegistryError('unknown-party', `Partij ${partyId} bestaat niet.`);
    const next = change(structuredClone(current));
    if (!next) return current;
    try {
      const saved = await store.parties.update(next);
      await auditPartyChange(store, saved, action, context);
      return saved;
    } catch (error) {
      if (error instanceof VersionConflictError && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}

/**
 * One record per stored version: the id is derived from party and version, so a retried append of
 * the same change is stored once.
 */
export async function auditPartyChange(
  store: RegistryStore,
  party: Pick<Party, 'id' | 'version'>,
  action: string,
  context: ChangeContext,
): Promise<void> {
  const record: AuditRecord = {
    id: `party:${party.id}:v${party.version}`,
    at: (context.clock ?? systemClock)().toISOString(),
    action,
    object: { type: 'party', id: party.id },
    result: 'success',
    origin: context.origin,
    actorId: context.actorId ?? SYSTEM_ACTOR,
  };
  await store.audit.append(record);
}
