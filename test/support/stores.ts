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
 * Both run every test, the concurrency races included: the MongoDB adapter's conditional writes
 * are race-safe on FerretDB 1.x too (src/storage/mongo/mongo-claims.ts).
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import { connectMongoStore } from '../../src/storage/mongo/mongo-store';
import type { Store } from '../../src/storage/ports';

export type TestStore = Store;

export interface StoreFactory {
  name: 'memory' | 'mongodb';
  create(): Promise<TestStore>;
}

async function createMongoTestStore(): Promise<TestStore> {
  // Unique per create(): letters, digits and '_' only, well under every server's name limit.
  const dbName = `test_${randomBytes(8).toString('hex')}`;
  const store = await connectMongoStore({ uri: inject('mongodbUri'), dbName, serverSelectionTimeoutMs: 5000 });
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
    cardActivities: store.cardActivities,
    signals: store.signals,
    ping: () => store.ping(),
    close: () => (closed ??= dropAndClose()),
  };
}

export const storeFactories: StoreFactory[] = [
  { name: 'memory', create: async () => createMemoryStore() },
  { name: 'mongodb', create: createMongoTestStore },
];
