/**
 * One step on a nomination, decided without storage: who may, from which state, on which
 * version, with which payload — and the nomination that results, its history entry appended.
 * The service (service.ts) stores the result; tests drive this directly too.
 */
import { createHash } from 'node:crypto';
import { localDate } from '../time/dates';
import type { Actor } from './actor';
import { refuseActor } from './actor';
import type { LifecycleError } from './errors';
import type { HistoryEntry, Nomination } from './nomination';
import { PayloadError } from './payload';
import { refusalNl } from './refusal-texts.nl';
import type { Refusal } from './refusals';
import { isTerminal } from './states';
import { TRANSITIONS, type TransitionName } from './transitions';

export interface StepRequest {
  actor: Actor;
  transition: TransitionName;
  payload: unknown;
  /** The version the actor saw (the card's); the step applies only to that version. */
  expectedVersion: number;
}

export type StepDecision =
  /** `next` carries the new history entry; its version is still the old one (the store bumps it). */
  | { kind: 'change'; next: Nomination; entry: HistoryEntry }
  /** Nothing to do: the same request was applied before (a retry), or the outcome is there already. */
  | { kind: 'unchanged'; retryOf?: HistoryEntry }
  | { kind: 'error'; error: LifecycleError };

export function decideStep(n: Nomination, request: StepRequest, now: Date): StepDecision {
  const { actor, transition: name, payload, expectedVersion } = request;
  const transition = Object.hasOwn(TRANSITIONS, name) ? TRANSITIONS[name] : undefined;
  if (!transition) return error(invalidPayload('transition', { code: 'unknown-step' }));

  const requestHash = hashRequest(transition.requestKey ? transition.requestKey(payload) : payload);
  const retryOf = findRetry(n, actor, name, requestHash, expectedVersion);
  if (retryOf) return { kind: 'unchanged', retryOf };

  const refusal = refuseActor(n, actor, transition.roles) ?? transition.refuseActor?.(n, actor);
  if (refusal) return error(notAllowed(actor, refusal));
  if (!transition.from.includes(n.state)) return error(wrongState(n));
  if (transition.alreadyDone?.(n, actor)) return { kind: 'unchanged' };
  if (n.version !== expectedVersion) return error(conflict(n));

  let next: Nomination;
  try {
    next = transition.run(n, payload, { actor, at: now.toISOString(), today: localDate(now) });
  } catch (e) {
    if (e instanceof PayloadError) return error(invalidPayload(e.field, e.refusal));
    throw e;
  }
  const entry: HistoryEntry = {
    at: now.toISOString(),
    actorId: actor.contactId,
    action: name,
    from: n.state,
    to: next.state,
    version: n.version + 1,
    requestHash,
  };
  next = { ...next, version: n.version, history: [...n.history, entry] };
  if (isTerminal(next.state)) next.closedAt = now.toISOString();
  return { kind: 'change', next, entry };
}

export function wrongState(n: Nomination): LifecycleError {
  const refusal: Refusal = { code: 'wrong-state', state: n.state };
  return {
    kind: 'wrong-state',
    currentState: n.state,
    currentVersion: n.version,
    refusal,
    message: refusalNl(refusal),
  };
}

export function conflict(n: Nomination): LifecycleError {
  const refusal: Refusal = { code: 'conflict' };
  return { kind: 'conflict', currentState: n.state, currentVersion: n.version, refusal, message: refusalNl(refusal) };
}

export function notAllowed(actor: Pick<Actor, 'role'>, refusal: Refusal): LifecycleError {
  return { kind: 'not-allowed-for-role', role: actor.role, refusal, message: refusalNl(refusal) };
}

export function invalidPayload(field: string, refusal: Refusal): LifecycleError {
  return { kind: 'invalid-payload', field, refusal, message: refusalNl(refusal) };
}

/**
 * A retry (e.g. Teams resending an invoke) is the same actor sending the same step with the
 * same payload against the same version: the change it made then is in the history.
 */
function findRetry(
  n: Nomination,
  actor: Actor,
  action: TransitionName,
  requestHash: string,
  expectedVersion: number,
): HistoryEntry | undefined {
  return n.history.find(
    (e) =>
      e.version === expectedVersion + 1 &&
      e.action === action &&
      e.actorId === actor.contactId &&
      e.requestHash === requestHash,
  );
}

export function hashRequest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32);
}

/** JSON with object keys sorted, so {a,b} and {b,a} hash alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function error(e: LifecycleError): StepDecision {
  return { kind: 'error', error: e };
}
