/**
 * Chooses the Store: MongoDB when a URI is given (production, tests), the embedded
 * in-memory store otherwise (`npm run dev` without MONGODB_URI; nothing survives a restart).
 */
import { createMemoryStore } from './memory/memory-store';
import { connectMongoStore } from './mongo/mongo-store';
import type { Store } from './ports';

export interface CreateStoreOptions {
  mongodbUri?: string;
  dbName?: string;
  serverSelectionTimeoutMs?: number;
}

export async function createStore(options: CreateStoreOptions): Promise<Store> {
  if (!options.mongodbUri) return createMemoryStore();
  return connectMongoStore({
    uri: options.mongodbUri,
    dbName: options.dbName,
    serverSelectionTimeoutMs: options.serverSelectionTimeoutMs,
  });
}
