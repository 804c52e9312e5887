import { StoreUnavailableError } from '../ports';

/**
 * What the in-memory collections share: whether the store was closed.
 * Every method checks and mutates synchronously (no await in between), so on Node's
 * single thread each call is atomic, like a single-document update in MongoDB.
 */
export class MemoryState {
  private closed = false;

  assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError(new Error('memory store closed'));
  }

  close(): void {
    this.closed = true;
  }
}

/** Ascending string order that puts missing values first, as MongoDB sorts missing fields before strings. */
export function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}
