/**
 * The claims behind the MongoDB adapter's compare-and-set (src/storage/mongo/mongo-claims.ts):
 * what a writer that died, or one still busy, leaves behind. MongoDB-only: the memory store has none.
 */
import { randomBytes } from 'node:crypto';
import type { Collection } from 'mongodb';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Nomination } from '../../../src/nomination/nomination';
import { NominationService } from '../../../src/nomination/service';
import { STALE_AFTER_MS, type ClaimDoc } from '../../../src/storage/mongo/mongo-claims';
import { COLLECTIONS } from '../../../src/storage/mongo/mongo-schema';
import { connectMongoStore, type MongoStore } from '../../../src/storage/mongo/mongo-store';
import { VersionConflictError } from '../../../src/storage/ports';
import { aNomination } from '../../support/nomination-fixture';

const at = (m: number) => new Date(Date.UTC(2025, 2, 1, 9, m)).toISOString();
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const STALE = STALE_AFTER_MS + 1_000;

function nomination(id: string): Omit<Nomination, 'version'> {
  const { version: _version, ...rest } = aNomination({ id });
  return rest;
}

describe('claims (mongodb)', () => {
  let store: MongoStore;
  let claims: Collection<ClaimDoc>;
  const claim = (_id: string, age: number) => claims.insertOne({ _id, owner: 'other', at: ago(age) });

  beforeEach(async () => {
    const dbName = `test_${randomBytes(8).toString('hex')}`;
    store = await connectMongoStore({ uri: inject('mongodbUri'), dbName });
    claims = store.db.collection(COLLECTIONS.claims);
  });
  afterEach(async () => {
    await store.db.dropDatabase().catch(() => undefined);
    await store.close();
  });

  it('leaves no claims behind after writes of every kind', async () => {
    const v1 = await store.nominations.insert(nomination('n1'));
    const v2 = await store.nominations.replace(v1, 1);
    await store.nominations.replace(v2, 2);
    await expect(store.nominations.replace(v1, 1)).rejects.toBeInstanceOf(VersionConflictError);
    await store.outbox.enqueue({
      id: 'm1',
      conversationKey: 'k',
      kind: 'x',
      payload: {},
      notBefore: at(0),
      createdAt: at(0),
    });
    await store.outbox.claimNext(at(1), at(5));
    await store.outbox.markSent('m1', at(2));
    await store.leases.acquire('digest', 'A', at(0), at(5));
    await store.leases.acquire('digest', 'A', at(1), at(6));
    await store.leases.release('digest', 'A');
    expect(await claims.countDocuments()).toBe(0);
  });

  it('refuses a write while another writer holds the step, and allows it once that writer is done', async () => {
    const v1 = await store.nominations.insert(nomination('n1'));
    await claim('nominations/n1/v2/0', 1_000);
    await expect(store.nominations.replace({ ...v1, state: 'withdrawn' }, 1)).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    expect(await store.nominations.get('n1')).toEqual(v1);
    await claims.deleteOne({ _id: 'nominations/n1/v2/0' });
    expect(await store.nominations.replace({ ...v1, state: 'withdrawn' }, 1)).toMatchObject({ version: 2 });
  });

  it('takes over the step of a writer that died holding it, and cleans up after it', async () => {
    const v1 = await store.nominations.insert(nomination('n1'));
    await claim('nominations/n1/v2/0', STALE);
    await claim('nominations/n1/v2/1', STALE); // its first successor died too
    expect(await store.nominations.replace({ ...v1, state: 'withdrawn' }, 1)).toMatchObject({ version: 2 });
    expect(await claims.countDocuments()).toBe(0);
  });

  it('gives a dead writer’s step to exactly one of 10 concurrent successors, 10 rounds', async () => {
    let current = await store.nominations.insert(nomination('n1'));
    for (let round = 0; round < 10; round++) {
      await claim(`nominations/n1/v${current.version + 1}/0`, STALE);
      const from = current;
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => store.nominations.replace(from, from.version)),
      );
      const won = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
      expect(won, `round ${round}`).toHaveLength(1);
      current = won[0]!;
    }
  });

  it('answers a conflict, not a take-over, when the document moved on past a dead writer’s step', async () => {
    const v1 = await store.nominations.insert(nomination('n1'));
    await store.nominations.replace(v1, 1);
    await claim('nominations/n1/v2/0', STALE);
    await expect(store.nominations.replace(v1, 1)).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('is not held up by the claim of a writer that died after writing', async () => {
    const v1 = await store.nominations.insert(nomination('n1'));
    const v2 = await store.nominations.replace(v1, 1);
    await claim('nominations/n1/v2/0', 1_000);
    expect(await store.nominations.replace(v2, 2)).toMatchObject({ version: 3 });
  });

  it('skips an outbox message another worker is claiming, and claims the next', async () => {
    for (const id of ['m1', 'm2']) {
      await store.outbox.enqueue({
        id,
        // Two conversations: within one, m2 would wait for m1 anyway (in order per conversation).
        conversationKey: `k-${id}`,
        kind: 'x',
        payload: {},
        notBefore: at(0),
        createdAt: at(0),
      });
    }
    await claim('outbox/m1/v1/0', 1_000);
    expect((await store.outbox.claimNext(at(1), at(5)))?.id).toBe('m2');
    expect(await store.outbox.claimNext(at(1), at(5))).toBeUndefined();
    await claims.deleteOne({ _id: 'outbox/m1/v1/0' });
    expect((await store.outbox.claimNext(at(1), at(5)))?.id).toBe('m1');
  });

  it('takes relayed notifications off under the step’s claim, without moving the version', async () => {
    const entry = (version: number) => ({ id: `n1:v${version}`, version, at: at(version), notifications: [] });
    const v1 = await store.nominations.insert({ ...nomination('n1'), pendingNotifications: [entry(1)] });
    const v2 = await store.nominations.replace({ ...v1, pendingNotifications: [entry(1), entry(2)] }, 1);
    // A writer holds the step 2 → 3: taking entries off waits for it, as a replace would.
    await claim('nominations/n1/v3/0', 1_000);
    const clearing = store.nominations.clearPendingNotifications('n1', ['n1:v1']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await store.nominations.get('n1'))?.pendingNotifications).toHaveLength(2);
    await claims.deleteOne({ _id: 'nominations/n1/v3/0' });
    await clearing;
    expect(await store.nominations.get('n1')).toEqual({ ...v2, pendingNotifications: [entry(2)] });
    await store.nominations.clearPendingNotifications('n1', ['n1:v2']);
    expect(await store.nominations.get('n1')).not.toHaveProperty('pendingNotifications');
    expect(await claims.countDocuments()).toBe(0);
    // The version did not move: the next change is still 2 → 3.
    expect(await store.nominations.replace(v2, 2)).toMatchObject({ version: 3 });
  });

  it('applies a step that met the claim of a write keeping the version, instead of refusing it', async () => {
    await store.nominations.insert(nomination('n1'));
    const service = new NominationService({ store, clock: () => new Date(at(5)), origin: 'test' });
    const landlord = { contactId: 'c-l', contactName: 'L', partyId: 'vidomes', role: 'landlord-contact' as const };
    // What clearPendingNotifications holds while it writes: the next step's claim; the version stays 1.
    await claim('nominations/n1/v2/0', 0);
    const applying = service.apply('n1', landlord, 'acknowledge', {}, 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await claims.deleteOne({ _id: 'nominations/n1/v2/0' });
    expect(await applying).toMatchObject({ ok: true, nomination: { version: 2, state: 'acknowledged' } });
  });

  it('takes over a lease past an instance that died while taking it over', async () => {
    await store.leases.acquire('digest', 'A', at(0), at(1));
    await claim('leases/digest/v1/0', STALE);
    expect(await store.leases.acquire('digest', 'B', at(2), at(5))).toBe(true);
    expect(await store.leases.acquire('digest', 'A', at(3), at(6))).toBe(false);
  });
});
