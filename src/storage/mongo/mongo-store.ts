/**
 * The MongoDB Store: MongoDB, Atlas, Cosmos DB for MongoDB, or FerretDB (DESIGN.md "Storage").
 * Idempotency is the unique `_id`; no transactions.
 *
 * Optimistic concurrency is a `{_id, version}` filter on one single-document write, made by the
 * holder of a claim: a unique-`_id` insert in `claims` (mongo-claims.ts). The filter alone is not
 * enough on FerretDB 1.x, which applies a filtered update or delete by reading, filtering in Go,
 * then writing by `_id` (FerretDB issue #3040); its unique-`_id` inserts do hold. So version-checked
 * writes, outbox claims and leases are race-safe on every server here, FerretDB included, at two
 * extra round trips per conditional write.
 */
import { MongoClient, type Db } from 'mongodb';
import type { Store } from '../ports';
import { MongoCardActivityStore } from './mongo-card-activities';
import { MongoContext } from './mongo-context';
import { toStoreError } from './mongo-errors';
import { MongoNominationStore } from './mongo-nominations';
import { MongoOutboxStore } from './mongo-outbox';
import { MongoPartyStore } from './mongo-parties';
import { MongoAuditStore, MongoConversationStore, MongoDistributionStore, MongoLeaseStore } from './mongo-records';
import { ensureIndexes } from './mongo-schema';
import { MongoSignalStore } from './mongo-signals';

export interface MongoStoreOptions {
  uri: string;
  /** Default: the database named in the URI, else "convenantbot". */
  dbName?: string;
  /** How long to look for a server before a call fails with StoreUnavailableError. Default 5000. */
  serverSelectionTimeoutMs?: number;
}

/** A Store that also exposes its database, e.g. for the bot's turn-state storage or for tests. */
export interface MongoStore extends Store {
  readonly db: Db;
}

export const DEFAULT_DB_NAME = 'convenantbot';

/** The database named in the URI's path, if any (`mongodb://host/name?…`). */
function dbNameInUri(uri: string): string | undefined {
  const name = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri)?.[1];
  return name ? decodeURIComponent(name) : undefined;
}

/** Connects, checks the server answers, and creates the indexes. */
export async function connectMongoStore(options: MongoStoreOptions): Promise<MongoStore> {
  const client = new MongoClient(options.uri, {
    appName: 'convenantbot',
    // An unreachable database fails fast, so the bot can answer "tijdelijk niet beschikbaar".
    // An option object beats the URI in the driver: a default here would silently override an
    // operator's `?serverSelectionTimeoutMS=` in MONGODB_URI, so it applies only when that is absent.
    serverSelectionTimeoutMS:
      options.serverSelectionTimeoutMs ?? (/[?&]serverSelectionTimeoutMS=/i.test(options.uri) ? undefined : 5000),
    // Optional domain fields left undefined are not stored (not as null), as in the memory store.
    ignoreUndefined: true,
  });
  const db = client.db(options.dbName ?? dbNameInUri(options.uri) ?? DEFAULT_DB_NAME);
  const context = new MongoContext(db);
  try {
    await client.connect();
    await ensureIndexes(db);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw toStoreError(error);
  }
  return {
    db,
    parties: new MongoPartyStore(context),
    nominations: new MongoNominationStore(context),
    conversations: new MongoConversationStore(context),
    outbox: new MongoOutboxStore(context),
    audit: new MongoAuditStore(context),
    distributions: new MongoDistributionStore(context),
    leases: new MongoLeaseStore(context),
    cardActivities: new MongoCardActivityStore(context),
    signals: new MongoSignalStore(context),
    ping: () =>
      context.run(async () => {
        await db.command({ ping: 1 });
      }),
    async close() {
      context.markClosed();
      await client.close();
    },
  };
}
