/**
 * Notifications in the same write as the change (DESIGN.md "Sending"). A change to a nomination or
 * a signal is one compare-and-set, and that write also appends an entry to the document's
 * `pendingNotifications`: who must hear of this change, by ids only. A crash after it loses
 * nothing, because the entry is stored with the change itself.
 *
 * A relay (bot/outbox/relay.ts) then turns each entry into outbox messages with deterministic ids
 * (`<id>:v<version>:<conversation>`: enqueueing them twice stores them once) and takes the entry
 * off the document again. It runs right after the change, in the same turn, and as a sweep of the
 * outbox worker over entries older than RELAY_AFTER_MS: the recovery after a crash between the two.
 * The relay and the sweep may both run, on several instances at once: the outbox keeps one message
 * per id, and taking an entry off twice is taking it off once.
 *
 * Taking entries off is not a change anyone sees: it keeps the document's version (the storage
 * ports explain how it stays race-safe), so a card showing that version stays current and its
 * buttons keep working.
 */

export interface PendingNotification {
  /** `${documentId}:v${version}`: one entry per change. */
  id: string;
  /** The version the change produced; the outbox messages' ids carry it. */
  version: number;
  /** When the change was stored (ISO): the sweep relays entries older than RELAY_AFTER_MS. */
  at: string;
}

/** The sweep leaves younger entries to the relay of the turn that made them. */
export const RELAY_AFTER_MS = 5_000;

export function pendingNotificationId(documentId: string, version: number): string {
  return `${documentId}:v${version}`;
}

/** `document` with `entry` added, as the compare-and-set that makes the change stores it. */
export function withPendingNotification<E extends PendingNotification, T extends { pendingNotifications?: E[] }>(
  document: T,
  entry: E,
): T {
  const others = (document.pendingNotifications ?? []).filter((e) => e.id !== entry.id);
  return { ...document, pendingNotifications: [...others, entry] };
}
