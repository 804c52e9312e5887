/**
 * Where signals (8.1, 8.2, 10.5) are kept. A signal changes after it is sent by its
 * acknowledgement and by the erasure of its personal data (src/retention), each a compare-and-set
 * on its version. Counting by kind is all the platform gets (10.2), so that is all this port
 * aggregates.
 */
import type { SignalCounter } from '../digest/signal-counts';
import type { Signal } from '../signals/signal';
import type { PendingNotificationStore } from './pending-port';

/** Also keeps who must hear of a send or an acknowledgement until it is in the outbox (src/outbox/pending.ts). */
export interface SignalStore extends SignalCounter, PendingNotificationStore<Signal> {
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
  /**
   * The nominations that have at least one signal not erased (no erasedAt), each once, sorted:
   * retention (src/retention) looks there for signals left behind by an erased nomination.
   */
  nominationIdsWithUnerasedSignals(): Promise<string[]>;
  /** Signals with from ≤ sentAt < before, counted by kind (SignalCounter). */
  countByType(from: string, before: string): Promise<Partial<Record<string, number>>>;
}
