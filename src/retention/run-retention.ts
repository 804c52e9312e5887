/**
 * The retention job: erases the personal data of nominations closed longer than the
 * retention period ago (DESIGN.md "Who may see what"). Safe to run again and from
 * several instances: each erasure is a compare-and-set on the nomination's version,
 * an erased nomination is never touched again, and the audit record's id is fixed.
 */
import type { Nomination } from '../nomination/nomination';
import type { Store } from '../storage/ports';
import { VersionConflictError } from '../storage/ports';
import type { Clock } from '../time/dates';
import { erasePersonalData } from './erase-personal-data';

const DAY_MS = 86_400_000;
export const RETENTION_ACTOR_ID = 'system:retention';

export interface RetentionResult {
  erasedIds: string[];
  /** Changed by someone else meanwhile and no longer due, or still conflicting: the next run tries again. */
  skippedIds: string[];
}

export async function runRetention(
  store: Pick<Store, 'nominations' | 'audit'>,
  options: { retentionDays: number; clock: Clock },
): Promise<RetentionResult> {
  if (!Number.isInteger(options.retentionDays) || options.retentionDays < 0) {
    throw new RangeError(`retentionDays must be a whole number ≥ 0, got ${options.retentionDays}`);
  }
  const now = options.clock();
  const closedBefore = new Date(now.getTime() - options.retentionDays * DAY_MS).toISOString();
  const due = (n: Nomination | undefined): n is Nomination =>
    n !== undefined && !n.erasedAt && n.closedAt !== undefined && Date.parse(n.closedAt) < Date.parse(closedBefore);

  const result: RetentionResult = { erasedIds: [], skippedIds: [] };
  for (const found of await store.nominations.find({ closedBefore, erased: false })) {
    if (!due(found)) continue;
    const erased = await eraseWhileDue(store, found, due, now);
    (erased ? result.erasedIds : result.skippedIds).push(found.id);
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
