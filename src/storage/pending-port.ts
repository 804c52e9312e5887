/**
 * What the relay of pending notifications (src/outbox/pending.ts) needs of a store of versioned
 * documents that carry them: nominations and signals.
 */
import type { PendingNotification } from '../outbox/pending';

export interface PendingNotificationStore<T extends { pendingNotifications?: PendingNotification[] }> {
  /** Documents with an entry whose `at` <= `before`, at most `limit` (limit <= 0: none), in no set order. */
  withPendingNotifications(before: string, limit: number): Promise<T[]>;
  /**
   * Takes the entries with these ids off the document, where it still has them; an unknown document
   * or entry is ignored. Keeps the version: the entries are bookkeeping, not a change anyone sees.
   * Safe against a concurrent replace: neither write undoes the other's, except that a replace
   * that read the document before may put an entry back, which the next relay enqueues again as
   * nothing new and takes off again.
   */
  clearPendingNotifications(id: string, entryIds: readonly string[]): Promise<void>;
}
