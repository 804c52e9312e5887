/**
 * Insert, get and compare-and-set of a collection of versioned documents keyed by `id`: what the
 * nominations and signals stores share. Every replace goes through a claim (mongo-claims.ts),
 * so it is race-safe on FerretDB too.
 */
import type { Collection, Document } from 'mongodb';
import { DuplicateKeyError, VersionConflictError } from '../ports';
import { plainCopy } from '../plain-copy';
import type { MongoContext } from './mongo-context';
import { fromDoc, toDoc, type StringIdDoc } from './mongo-documents';
import { isDuplicateKeyError } from './mongo-errors';

export class VersionedDocuments<T extends { id: string; version: number }> {
  readonly collection: Collection<StringIdDoc>;

  constructor(
    private readonly context: MongoContext,
    private readonly name: string,
  ) {
    this.collection = context.db.collection(name);
  }

  fromDoc(doc: Document): T {
    return fromDoc<T>(doc, 'id');
  }

  /** Stored with version 1; DuplicateKeyError if the id exists. */
  insert(value: Omit<T, 'version'>): Promise<T> {
    const stored = { ...plainCopy(value), version: 1 } as T;
    return this.context.run(async () => {
      try {
        await this.collection.insertOne(toDoc(stored, 'id'));
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateKeyError(this.name, value.id);
        throw error;
      }
      return stored;
    });
  }

  get(id: string): Promise<T | undefined> {
    return this.context.run(async () => {
      const doc = await this.collection.findOne({ _id: id });
      return doc ? this.fromDoc(doc) : undefined;
    });
  }

  /** Stores `next` as version expectedVersion + 1 if the stored version is still expectedVersion. */
  replace(next: T, expectedVersion: number): Promise<T> {
    const stored = { ...plainCopy(next), version: expectedVersion + 1 } as T;
    return this.context.run(async () => {
      const replaced = await this.context.claims.replace(
        this.collection,
        next.id,
        expectedVersion,
        toDoc(stored, 'id'),
      );
      if (!replaced) throw new VersionConflictError(this.name, next.id, expectedVersion);
      return stored;
    });
  }
}
