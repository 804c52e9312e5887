/**
 * The stores a storage-backed test runs against: every suite runs once per store.
 *
 *   import { storeFactories, type TestStore } from '../../support/stores';
 *
 *   describe.each(storeFactories)('landlord queue ($name)', ({ create }) => {
 *     let store: TestStore;
 *     beforeEach(async () => (store = await create()));
 *     afterEach(() => store.close());
 *     it('…', async () => { await store.nominations.insert(…); });
 *   });
 *
 * - 'memory': the embedded in-memory store.
 * - 'mongodb': the MongoDB adapter on the server of test/setup/global-mongo.ts (MONGODB_URI, or the
 *   FerretDB it started), in a fresh database of its own per create(), so tests and test files
 *   running in parallel never see each other's data. close() drops that database, then closes.
 *
 * `atomicConditionalUpdates` is false on FerretDB 1.x: it applies a filtered update by reading,
 * filtering and then writing by _id, so two *concurrent* version-checked writes (or outbox claims)
 * can both succeed there. Sequential conflicts are detected everywhere. Tests that race writers
 * must skip when it is false: `ctx.skip(!store.atomicConditionalUpdates, 'FerretDB 1.x: …')`.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import { connectMongoStore, type MongoStore } from '../../src/storage/mongo/mongo-store';
import type { Store } from '../../src/storage/ports';

export interface TestStore extends Store {
  /** True where concurrent conditional single-document updates are atomic (not on FerretDB 1.x). */
  readonly atomicConditionalUpdates: boolean;
}

export interface StoreFactory {
  name: 'memory' | 'mongodb';
  create(): Promise<TestStore>;
}

/** FerretDB answers buildInfo with a `ferretdbVersion`; 2.x runs on PostgreSQL's DocumentDB extension. */
async function hasAtomicConditionalUpdates(store: MongoStore): Promise<boolean> {
  const info = await store.db.admin().command({ buildInfo: 1 });
  const ferretDb = info.ferretdbVersion as string | undefined;
  return ferretDb === undefined || !/^v?1\./.test(ferretDb);
}

async function createMongoTestStore(): Promise<TestStore> {
  // Unique per create(): letters, digits and '_' only, well under every server's name limit.
  const dbName = `test_${randomBytes(8).toString('hex')}`;
  const store = await connectMongoStore({ uri: inject('mongodbUri'), dbName, serverSelectionTimeoutMs: 5000 });
  const atomicConditionalUpdates = await hasAtomicConditionalUpdates(store);
  let closed: Promise<void> | undefined;
  const dropAndClose = async () => {
    await store.db.dropDatabase().catch(() => undefined);
    await store.close();
  };
  return {
    parties: store.parties,
    nominations: store.nominations,
    conversations: store.conversations,
    outbox: store.outbox,
    audit: store.audit,
    distributions: store.distributions,
    leases: store.leases,
    ping: () => store.ping(),
    close: () => (closed ??= dropAndClose()),
    atomicConditionalUpdates,
  };
}

export const storeFactories: StoreFactory[] = [
  { name: 'memory', create: async () => ({ ...createMemoryStore(), atomicConditionalUpdates: true }) },
  { name: 'mongodb', create: createMongoTestStore },
];
