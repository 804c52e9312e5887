/**
 * What can go wrong with a step, as data the bot can show on a card (never a thrown string).
 * `refusal` is the stable code with its values (refusals.ts), which the bot words in the reader's
 * language; `message` is the same in Dutch (refusal-texts.nl.ts), for the audit trail and logs.
 */
import type { NominationState } from './nomination';
import type { Refusal } from './refusals';

export type LifecycleError = { refusal: Refusal; message: string } & (
  | { kind: 'not-found' }
  | { kind: 'not-allowed-for-role'; role: string }
  /** The nomination moved on (e.g. a stale card): currentState lets the card show where it is now. */
  | { kind: 'wrong-state'; currentState: NominationState; currentVersion: number }
  | { kind: 'invalid-payload'; field: string }
  /** Someone else changed the nomination first; reload and try again. */
  | { kind: 'conflict'; currentState: NominationState; currentVersion: number }
);

export type LifecycleErrorKind = LifecycleError['kind'];
