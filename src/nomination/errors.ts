/**
 * What can go wrong with a step, as data the bot can show on a card (never a thrown string).
 * Messages are Dutch, for the person who tried the step.
 */
import type { NominationState } from './nomination';

export type LifecycleError =
  | { kind: 'not-found'; message: string }
  | { kind: 'not-allowed-for-role'; role: string; message: string }
  /** The nomination moved on (e.g. a stale card): currentState lets the card show where it is now. */
  | { kind: 'wrong-state'; currentState: NominationState; currentVersion: number; message: string }
  | { kind: 'invalid-payload'; field: string; message: string }
  /** Someone else changed the nomination first; reload and try again. */
  | { kind: 'conflict'; currentState: NominationState; currentVersion: number; message: string };

export type LifecycleErrorKind = LifecycleError['kind'];
