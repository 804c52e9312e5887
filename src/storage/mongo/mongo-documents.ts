/**
 * Mapping between domain objects and stored documents: the domain key is stored as `_id`
 * (unique for free, and the only index every server has), and `_id` never leaves the adapter.
 */
import type { Document } from 'mongodb';

/** A stored document whose key is a string; typing collections with it lets filters use string ids. */
export type StringIdDoc = Document & { _id: string };

/** A stored document: the domain object with its key field `K` moved to `_id`. */
export type StoredDoc<T, K extends keyof T = 'id' & keyof T> = Omit<T, K> & { _id: T[K] };

export function toDoc<T, K extends keyof T>(value: T, key: K): StoredDoc<T, K> {
  const { [key]: id, ...rest } = value;
  return { ...rest, _id: id } as StoredDoc<T, K>;
}

/** Back to the domain object; `internal` names fields kept only for the database (e.g. lookup keys). */
export function fromDoc<T>(doc: Document, key: keyof T & string, internal: string[] = []): T {
  const { _id, ...rest } = doc;
  for (const field of internal) delete rest[field];
  return { [key]: _id, ...rest } as T;
}
