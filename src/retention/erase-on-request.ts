/**
 * Erasure on request (AVG/GDPR art. 17, via the nominating organisation, which acts for
 * the candidate, 10.3): only a counsellor or casemanager of the nominating organisation
 * may ask. It erases at once, whatever the state; an open nomination is first closed as
 * withdrawn, since nothing can proceed without the person's data. The signals on the
 * tenancy are erased with it (erase-signal.ts); one that was being sent at that moment is
 * erased by the next retention run (run-retention.ts).
 */
import type { Nomination } from '../nomination/nomination';
import type { ContactRole } from '../parties/party';
import type { Store } from '../storage/ports';
import { VersionConflictError } from '../storage/ports';
import type { Clock } from '../time/dates';
import { erasePersonalData } from './erase-personal-data';
import { eraseSignalsOf } from './erase-signals';

const MAY_REQUEST: readonly ContactRole[] = ['counsellor', 'casemanager'];
const ACTION = 'nomination.erase:request';

export type EraseOnRequestResult =
  { outcome: 'erased'; nomination: Nomination } | { outcome: 'not-found' } | { outcome: 'forbidden' };

export async function eraseOnRequest(
  store: Pick<Store, 'nominations' | 'parties' | 'signals' | 'audit'>,
  nominationId: string,
  actor: { contactId: string },
  options: { clock: Clock; origin?: string },
): Promise<EraseOnRequestResult> {
  const now = options.clock();
  const audit = (result: 'success' | 'denied', suffix: string) =>
    store.audit.append({
      id: `erase-request:${nominationId}:${suffix}`,
      at: now.toISOString(),
      action: ACTION,
      object: { type: 'nomination', id: nominationId },
      result,
      origin: options.origin ?? 'teams',
      actorId: actor.contactId,
    });

  for (let attempt = 1; ; attempt++) {
    const current = await store.nominations.get(nominationId);
    if (!current) {
      await audit('denied', `${actor.contactId}:${now.toISOString()}`);
      return { outcome: 'not-found' };
    }
    if (!(await mayRequestErasure(store, current, actor.contactId))) {
      await audit('denied', `${actor.contactId}:${now.toISOString()}`);
      return { outcome: 'forbidden' };
    }
    if (current.erasedAt) {
      await audit('success', 'done'); // idempotent: the first erasure's record stays
      await eraseSignals(store, nominationId, actor.contactId, now, options.origin); // left by a crash
      return { outcome: 'erased', nomination: current };
    }
    let erased: Nomination;
    try {
      erased = await store.nominations.replace(
        erasePersonalData(closedAsWithdrawn(current, now), now),
        current.version,
      );
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= 3) throw error;
      continue;
    }
    await audit('success', 'done');
    await eraseSignals(store, nominationId, actor.contactId, now, options.origin);
    return { outcome: 'erased', nomination: erased };
  }
}

async function eraseSignals(
  store: Pick<Store, 'signals' | 'audit'>,
  nominationId: string,
  actorId: string,
  now: Date,
  origin = 'teams',
): Promise<void> {
  // A signal still conflicting after a few tries is erased by the next retention run.
  await eraseSignalsOf(store, nominationId, {
    idPrefix: 'erase-request',
    action: 'signal.erase:request',
    origin,
    actorId,
    now,
  });
}

async function mayRequestErasure(
  store: Pick<Store, 'parties'>,
  nomination: Nomination,
  contactId: string,
): Promise<boolean> {
  const party = await store.parties.get(nomination.nominatingPartyId);
  const contact = party?.contacts.find((c) => c.id === contactId);
  return contact !== undefined && MAY_REQUEST.includes(contact.role);
}

function closedAsWithdrawn(nomination: Nomination, now: Date): Nomination {
  if (nomination.closedAt) return nomination;
  const at = now.toISOString();
  return {
    ...nomination,
    state: 'withdrawn',
    closedAt: at,
    history: [
      ...nomination.history,
      {
        at,
        actorId: '',
        action: 'erase-on-request',
        from: nomination.state,
        to: 'withdrawn',
        version: nomination.version + 1,
      },
    ],
  };
}
