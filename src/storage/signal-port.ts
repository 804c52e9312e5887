/**
 * Where signals (8.1, 8.2, 10.5) are kept. A signal changes once after it is sent — its
 * acknowledgement — as a compare-and-set on its version. Counting by kind is all the platform
 * gets (10.2), so that is all this port aggregates.
 */
import type { SignalCounter } from '../digest/signal-counts';
import type { Signal } from '../signals/signal';

export interface SignalStore extends SignalCounter {
  /** Inserts with version 1; DuplicateKeyError if the id exists (a retried send). */
  insert(signal: Omit<Signal, 'version'>): Promise<Signal>;
  get(id: string): Promise<Signal | undefined>;
  /**
   * Atomic compare-and-set: stores `next` only if the stored version equals `expectedVersion`,
   * and returns it with version expectedVersion + 1. VersionConflictError otherwise.
   */
  replace(next: Signal, expectedVersion: number): Promise<Signal>;
  /** A tenancy's signals, by sentAt then id. */
  listForNomination(nominationId: string): Promise<Signal[]>;
  /** Signals with from ≤ sentAt < before, counted by kind (SignalCounter). */
  countByType(from: string, before: string): Promise<Partial<Record<string, number>>>;
}
