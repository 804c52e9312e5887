/**
 * Compare-and-set that holds on any MongoDB wire-protocol server, FerretDB 1.x included.
 *
 * Why: FerretDB 1.x runs a filtered update or delete as read → filter in Go → write by _id, with
 * no transaction around it, so `replaceOne({_id, version: n}, …)` alone lets two concurrent
 * writers that both read version n both win. What it does run atomically is an insert with a
 * unique `_id`. So the unique `_id` of a document in `claims` decides who may move a document
 * from version n to n + 1 (a "step"); the filtered write itself only has to turn away writers
 * that read an older version.
 *
 * How: before writing document D from n to n + 1, insert claim `<collection>/<id>/v<n+1>/<gen>`.
 * - Inserted: we hold the step. Write with the filter {_id, version: n}, then delete the claim.
 * - Duplicate, claim fresh: another writer is moving D from n right now → conflict, once that
 *   writer is done (waiting up to WAIT_FOR_HOLDER_MS), so a re-read shows its version.
 * - Duplicate, claim gone: its holder finished, so D is past n for good → conflict.
 * - Duplicate, claim older than STALE_AFTER_MS: its writer died between claim and write. We take
 *   generation gen + 1 instead (one of several recoverers wins that insert). The stale claim is
 *   not deleted to make room: FerretDB deletes by a filter as read-then-delete-by-_id too, so
 *   "delete it if it is still that owner's" could delete a recoverer's fresh claim.
 *
 * Why that is enough: D's version only grows (callers pass a version they read), and every write
 * of a versioned document goes through here. While a writer holds step n → n + 1, nobody else
 * can move D away from n, so its read-then-write cannot interleave with another write of D; and
 * a writer still expecting n (a claim taken after ours was deleted, or a later generation) reads
 * D only after our write has landed and its filter finds n + 1 or more. Claims are deleted only
 * once D is past n for good (written, or the filter saw another version), so a gap in the
 * generations cannot let two writers in while D is still at n.
 *
 * Crash windows:
 * - Died after the claim, before the write: D stays at n; writers of that step get a conflict
 *   until the claim is STALE_AFTER_MS old, then the next generation takes over.
 * - Died after the write, before deleting the claim: harmless garbage (D is past n, so the claim
 *   only turns away writers that would fail anyway). Nothing deletes it: a few bytes per crash.
 * - A write that failed with an unknown outcome (network): the claim stays, as the write may yet
 *   land; it goes stale like a crash.
 * - Not a crash but a stall: a holder whose write lands more than STALE_AFTER_MS after its claim
 *   could race the next generation. It does not start a write more than WRITE_BY_MS after taking
 *   its claim, so that needs a single write taking over 20 s. Claim times come from each
 *   instance's clock; a few seconds of skew only narrow that margin.
 * - A deleted and re-inserted document (same id, versions from 1 again) could meet a writer that
 *   read its previous life; our ids are not reused.
 */
import { randomUUID } from 'node:crypto';
import type { Collection, Db, Document, Filter, WithoutId } from 'mongodb';
import { isDuplicateKeyError } from './mongo-errors';
import { COLLECTIONS } from './mongo-schema';

/** A claim this old belongs to a writer that died (or stalled) between claim and write. */
export const STALE_AFTER_MS = 30_000;
/** A holder that got its claim later than this after asking does not write any more. */
const WRITE_BY_MS = 10_000;
/** How long a writer that meets a busy claim waits for its holder's write to land. */
const WAIT_FOR_HOLDER_MS = 2_000;
/** Each generation is a writer that died holding the step; more than this and we give up (conflict). */
const MAX_GENERATIONS = 100;

export interface ClaimDoc {
  _id: string;
  /** Random per attempt: tells our own insert, retried by the driver, from someone else's. */
  owner: string;
  /** ISO time the claimant asked for it, by its own clock. */
  at: string;
}

/** The version filter for documents whose first version is stored as a missing field (0). */
export function versionFilter(version: number): Document | number {
  return version === 0 ? { $exists: false } : version;
}

export class Claims {
  private readonly collection: Collection<ClaimDoc>;

  constructor(
    db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.collection = db.collection(COLLECTIONS.claims);
  }

  /**
   * Moves `target` ('<collection>/<id>') from version `expected` to `expected + 1`: `write` must
   * write with the filter {_id, version: expected} and answer whether it matched.
   * False when another writer holds the step or made it already: a version conflict. With `wait`
   * (the default) it first lets a busy holder finish, so a caller that re-reads after the conflict
   * sees the new version (e.g. to tell a retry of its own request from someone else's change);
   * without, it answers at once (an outbox claimer moves on to the next message).
   */
  async compareAndSet(
    target: string,
    expected: number,
    write: () => Promise<boolean>,
    { wait = true }: { wait?: boolean } = {},
  ): Promise<boolean> {
    const step = `${target}/v${expected + 1}`;
    const held = await this.take(step, wait);
    // Kept, not deleted: a slow claim may have been superseded already (see "Crash windows").
    if (!held || this.now() - held.at > WRITE_BY_MS) return false;
    // If this throws the claim stays: the write may still land.
    const wrote = await write();
    // D is past `expected` for good: this step's claims are garbage now.
    await this.release(step, held.generation);
    return wrote;
  }

  /** `replaceOne({_id, version: expected}, next)` as a compare-and-set; false on a version conflict. */
  replace<T extends { _id: string | number }>(
    collection: Collection<T>,
    id: T['_id'],
    expected: number,
    next: WithoutId<T>,
  ): Promise<boolean> {
    // Typed loosely: `version` is a field of every document written through here, not of T.
    const filter: Document = { _id: id, version: expected };
    return this.compareAndSet(`${collection.collectionName}/${id}`, expected, async () => {
      return (await collection.replaceOne(filter as Filter<T>, next)).matchedCount === 1;
    });
  }

  /** Deletes the step's claims up to `generation`: ours and the dead ones we superseded. Best effort. */
  private async release(step: string, generation: number): Promise<void> {
    const ids = Array.from({ length: generation + 1 }, (_, gen) => `${step}/${gen}`);
    // One id is the usual case, and on FerretDB a deleteOne by _id costs a third of a deleteMany.
    const deleted =
      ids.length === 1 ? this.collection.deleteOne({ _id: ids[0] }) : this.collection.deleteMany({ _id: { $in: ids } });
    await deleted.catch(() => undefined);
  }

  private async take(step: string, wait: boolean): Promise<{ generation: number; at: number } | undefined> {
    const owner = randomUUID();
    for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
      const _id = `${step}/${generation}`;
      const at = this.now();
      try {
        await this.collection.insertOne({ _id, owner, at: new Date(at).toISOString() });
        return { generation, at };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const holder = await this.holder(_id, owner, wait);
      if (holder === 'ours') return { generation, at };
      if (holder !== 'stale') return undefined;
    }
    return undefined;
  }

  /**
   * Whose claim `_id` is, after our insert met it: ours (the driver retried our insert), gone (its
   * holder finished), stale, or busy. With `wait`, a busy holder gets WAIT_FOR_HOLDER_MS to finish.
   */
  private async holder(_id: string, owner: string, wait: boolean): Promise<'ours' | 'gone' | 'stale' | 'busy'> {
    const deadline = this.now() + (wait ? WAIT_FOR_HOLDER_MS : 0);
    for (let pause = 5; ; pause = Math.min(2 * pause, 100)) {
      const holder = await this.collection.findOne({ _id });
      if (!holder) return 'gone';
      if (holder.owner === owner) return 'ours';
      // An unreadable time counts as stale: it must not block the step for ever.
      if (!(this.now() - Date.parse(holder.at) < STALE_AFTER_MS)) return 'stale';
      if (this.now() >= deadline) return 'busy';
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
