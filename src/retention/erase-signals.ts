/**
 * Erases the signals of a nomination whose personal data is erased (erase-signal.ts says what
 * stays), each with a compare-and-set on the signal's version — an acknowledgement at the same
 * moment makes it re-read and try again — and one audit record per signal, as for the
 * nomination's own erasure. Signals erased before are left alone, so running it again writes
 * nothing.
 */
import type { Signal } from '../signals/signal';
import type { Store } from '../storage/ports';
import { VersionConflictError } from '../storage/ports';
import { eraseSignalPersonalData } from './erase-signal';

export interface SignalErasure {
  /** `retention` or `erase-request`: the audit record's id is `<idPrefix>:signal:<signal id>`. */
  idPrefix: string;
  /** e.g. signal.erase:retention */
  action: string;
  origin: string;
  actorId: string;
  now: Date;
}

export interface SignalErasureResult {
  erasedIds: string[];
  /** Still conflicting after a few tries: the next retention run tries again. */
  skippedIds: string[];
}

const MAX_ATTEMPTS = 3;

export async function eraseSignalsOf(
  store: Pick<Store, 'signals' | 'audit'>,
  nominationId: string,
  erasure: SignalErasure,
): Promise<SignalErasureResult> {
  const result: SignalErasureResult = { erasedIds: [], skippedIds: [] };
  for (const found of await store.signals.listForNomination(nominationId)) {
    if (found.erasedAt) continue;
    const erased = await eraseOne(store, found, erasure);
    if (erased !== undefined) (erased ? result.erasedIds : result.skippedIds).push(found.id);
  }
  return result;
}

/** True when erased now, false when it kept conflicting, undefined when someone else erased it first. */
async function eraseOne(
  store: Pick<Store, 'signals' | 'audit'>,
  found: Signal,
  erasure: SignalErasure,
): Promise<boolean | undefined> {
  let current: Signal | undefined = found;
  for (let attempt = 1; current && !current.erasedAt; attempt++) {
    try {
      await store.signals.replace(eraseSignalPersonalData(current, erasure.now), current.version);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      if (attempt >= MAX_ATTEMPTS) return false;
      current = await store.signals.get(found.id);
      continue;
    }
    await store.audit.append({
      id: `${erasure.idPrefix}:signal:${current.id}`,
      at: erasure.now.toISOString(),
      action: erasure.action,
      object: { type: 'signal', id: current.id },
      result: 'success',
      origin: erasure.origin,
      actorId: erasure.actorId,
    });
    return true;
  }
  return undefined;
}
