/**
 * The retention job: erases the personal data of nominations closed longer than the
 * retention period ago (DESIGN.md "Who may see what"), and then of every signal whose
 * nomination is erased (erase-signal.ts). Safe to run again and from several instances:
 * each erasure is a compare-and-set on the document's version, an erased document is
 * never touched again, and the audit record's id is fixed.
 *
 * The signals are found from the signal store's side (the nominations that still have a
 * signal not erased), not from the nominations erased in this run, so that signals left
 * behind are erased by the next run: those of a nomination erased on request, or by a run
 * that died between the nomination and its signals, or one sent while its tenancy was
 * being erased.
 */
import type { Nomination } from '../nomination/nomination';
import type { Store } from '../storage/ports';
import { VersionConflictError } from '../storage/ports';
import type { Clock } from '../time/dates';
import { erasePersonalData } from './erase-personal-data';
import { eraseSignalsOf } from './erase-signals';

const DAY_MS = 86_400_000;
export const RETENTION_ACTOR_ID = 'system:retention';

export interface RetentionResult {
  erasedIds: string[];
  /** Changed by someone else meanwhile and no longer due, or still conflicting: the next run tries again. */
  skippedIds: string[];
  /** Signals erased because their nomination is erased (or gone). */
  erasedSignalIds: string[];
  /** Still conflicting: the next run tries again. */
  skippedSignalIds: string[];
}

export async function runRetention(
  store: Pick<Store, 'nominations' | 'signals' | 'audit'>,
  options: { retentionDays: number; clock: Clock },
): Promise<RetentionResult> {
  if (!Number.isInteger(options.retentionDays) || options.retentionDays < 0) {
    throw new RangeError(`retentionDays must be a whole number ≥ 0, got ${options.retentionDays}`);
  }
  const now = options.clock();
  const closedBefore = new Date(now.getTime() - options.retentionDays * DAY_MS).toISOString();
  const due = (n: Nomination | undefined): n is Nomination =>
    n !== undefined && !n.erasedAt && n.closedAt !== undefined && Date.parse(n.closedAt) < Date.parse(closedBefore);

  const result: RetentionResult = { erasedIds: [], skippedIds: [], erasedSignalIds: [], skippedSignalIds: [] };
  for (const found of await store.nominations.find({ closedBefore, erased: false })) {
    if (!due(found)) continue;
    const erased = await eraseWhileDue(store, found, due, now);
    (erased ? result.erasedIds : result.skippedIds).push(found.id);
  }
  for (const nominationId of await store.signals.nominationIdsWithUnerasedSignals()) {
    const nomination = await store.nominations.get(nominationId);
    // A signal of no nomination has no tenancy left to serve.
    if (nomination && !nomination.erasedAt) continue;
    const signals = await eraseSignalsOf(store, nominationId, {
      idPrefix: 'retention',
      action: 'signal.erase:retention',
      origin: 'retention',
      actorId: RETENTION_ACTOR_ID,
      now,
    });
    result.erasedSignalIds.push(...signals.erasedIds);
    result.skippedSignalIds.push(...signals.skippedIds);
  }
  return result;
}

const MAX_ATTEMPTS = 3;

/** Erases with compare-and-set; on a conflict re-reads and tries again if it is still due. */
async function eraseWhileDue(
  store: Pick<Store, 'nominations' | 'audit'>,
  found: Nomination,
  due: (n: Nomination | undefined) => n is Nomination,
  now: Date,
): Promise<boolean> {
  let current: Nomination | undefined = found;
  for (let attempt = 1; due(current); attempt++) {
    try {
      await store.nominations.replace(erasePersonalData(current, now), current.version);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      current = attempt < MAX_ATTEMPTS ? await store.nominations.get(found.id) : undefined;
      continue;
    }
    await store.audit.append({
      id: `retention:${current.id}`,
      at: now.toISOString(),
      action: 'nomination.erase:retention',
      object: { type: 'nomination', id: current.id },
      result: 'success',
      origin: 'retention',
      actorId: RETENTION_ACTOR_ID,
    });
    return true;
  }
  return false;
}
