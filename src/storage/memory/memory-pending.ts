/** The pending-notification calls (src/storage/pending-port.ts) over a map of stored documents. */
import type { PendingNotification } from '../../outbox/pending';
import { plainCopy } from '../plain-copy';
import { compareOptional } from './memory-state';

type Carrier = { pendingNotifications?: PendingNotification[] };

function oldestEntry(document: Carrier): string | undefined {
  return (document.pendingNotifications ?? []).map((e) => e.at).sort()[0];
}

export function withPendingBefore<T extends Carrier>(documents: Iterable<T>, before: string, limit: number): T[] {
  const due = [...documents].filter((d) => (d.pendingNotifications ?? []).some((e) => e.at <= before));
  return due
    .sort((a, b) => compareOptional(oldestEntry(a), oldestEntry(b)))
    .slice(0, Math.max(0, limit))
    .map(plainCopy);
}

/** Mutates the stored document: takes the entries off, keeps its version (one synchronous step, so atomic). */
export function clearPending(document: Carrier | undefined, entryIds: readonly string[]): void {
  if (!document?.pendingNotifications) return;
  const rest = document.pendingNotifications.filter((e) => !entryIds.includes(e.id));
  if (rest.length > 0) document.pendingNotifications = rest;
  else delete document.pendingNotifications;
}
