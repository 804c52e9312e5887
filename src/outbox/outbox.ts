/**
 * Outbox (DESIGN.md "Sending"): every notification is first stored, then delivered
 * by a worker, so nothing is lost on a restart and nothing is sent twice.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';

export interface OutboxMessage {
  /** Deterministic id (e.g. `${nominationId}:${version}:${recipient}`): enqueueing twice stores once. */
  id: string;
  /** Where it goes: a stored conversation reference key. */
  conversationKey: string;
  /** Recipient contact, to mark unreachable on 403/404. */
  recipientContactId?: string;
  /** What to render: a card name and its data; rendered at send time in the recipient's locale. */
  kind: string;
  payload: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  /** ISO time before which the worker leaves it alone (backoff, pacing). */
  notBefore: string;
  /** Claimed by a worker until this time. */
  leaseUntil?: string;
  lastError?: string;
  createdAt: string;
  sentAt?: string;
}
