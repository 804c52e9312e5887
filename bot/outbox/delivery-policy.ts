/**
 * What the worker does after a failed send (DESIGN.md "Sending", after Company Communicator):
 * throttling and transient errors are retried with jittered exponential backoff, at least as long
 * as Retry-After says; 403/404 mean the bot was removed or the conversation is gone.
 */
import type { DeliveryError } from './proactive-sender';

/** 429 throttled, 412 precondition failed (Teams' transient conflict), 5xx gateway / server hiccups. */
const RETRY_STATUSES = new Set([412, 429, 500, 502, 503, 504]);
const UNREACHABLE_STATUSES = new Set([403, 404]);

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 8;

export type FailureDecision = { kind: 'retry'; delayMs: number } | { kind: 'unreachable' } | { kind: 'failed' };

/** `attempts`: failed attempts before this one; `random` in [0, 1). */
export function decideOnFailure(error: DeliveryError, attempts: number, random: number): FailureDecision {
  if (error.status !== undefined && UNREACHABLE_STATUSES.has(error.status)) return { kind: 'unreachable' };
  // No status: the request never got an answer (network, DNS, timeout): worth another try.
  const transient = error.status === undefined || RETRY_STATUSES.has(error.status);
  if (!transient || attempts + 1 >= MAX_ATTEMPTS) return { kind: 'failed' };
  return { kind: 'retry', delayMs: backoffMs(attempts, error.retryAfterMs, random) };
}

/** Full exponential step with jitter in its upper half, never shorter than Retry-After. */
export function backoffMs(attempts: number, retryAfterMs: number | undefined, random: number): number {
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempts);
  const jittered = Math.round(exponential * (0.5 + random / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}
