import type { Db } from 'mongodb';
import { StoreUnavailableError } from '../ports';
import { Claims } from './mongo-claims';
import { toStoreError } from './mongo-errors';

/** What the MongoDB collections share: the database, its claims, and whether the store was closed. */
export class MongoContext {
  private closed = false;
  /** Every write of a versioned document goes through these (see mongo-claims.ts). */
  readonly claims: Claims;

  constructor(readonly db: Db) {
    this.claims = new Claims(db);
  }

  /** Runs one database call, mapping driver errors to the ports' errors. */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    // The driver reconnects on use after close(); a closed store must stay closed, as the memory store does.
    if (this.closed) throw new StoreUnavailableError(new Error('mongodb store closed'));
    try {
      return await operation();
    } catch (error) {
      throw toStoreError(error);
    }
  }

  markClosed(): void {
    this.closed = true;
  }
}
