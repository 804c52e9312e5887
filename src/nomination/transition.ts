/**
 * What a step on a nomination is, as data: its name, the states it may start from, the states
 * it can lead to, the roles that may take it, the covenant article it comes from, and its
 * effect. The steps themselves live in steps/; transitions.ts puts them in one table.
 */
import type { ContactRole } from '../parties/party';
import type { IsoDate } from '../time/dates';
import type { Actor } from './actor';
import type { Nomination, NominationState } from './nomination';
import type { Refusal } from './refusals';

export const TRANSITION_NAMES = [
  'submit',
  'acknowledge',
  'propose-home',
  'confirm-suitable',
  'reject-suitable',
  'make-offer',
  'record-offer-answer',
  'plan-intake',
  'record-credit-check',
  'sign-lease',
  'record-evaluation',
  'confirm-evaluation',
  'convert-lease',
  'withdraw',
  'refuse',
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

export interface StepContext {
  actor: Actor;
  /** ISO instant of the step. */
  at: string;
  /** Local date in Europe/Amsterdam of the step. */
  today: IsoDate;
}

export interface Transition {
  name: TransitionName;
  /** Covenant article(s) the step comes from. */
  article: string;
  from: readonly NominationState[];
  to: readonly NominationState[];
  roles: readonly ContactRole[];
  /** A who-may rule beyond the roles; e.g. the other side confirms an evaluation. */
  refuseActor?(n: Nomination, actor: Actor): Refusal | undefined;
  /**
   * Whether the nomination holds what the step needs (e.g. an evaluation to confirm), so that a
   * card offers it only then; the step itself still refuses without it (`run`).
   */
  ready?(n: Nomination): boolean;
  /** The step's outcome is there already for this actor's side: nothing to do. */
  alreadyDone?(n: Nomination, actor: Actor): boolean;
  /** What makes two requests "the same" for retries; the whole payload when absent. */
  requestKey?(payload: unknown): unknown;
  /** Reads the payload (PayloadError on the first problem) and returns the changed nomination. */
  run(n: Nomination, payload: unknown, ctx: StepContext): Nomination;
}

export const CARE: readonly ContactRole[] = ['counsellor', 'casemanager'];
export const LANDLORD: readonly ContactRole[] = ['landlord-contact'];
export const CARE_OR_LANDLORD: readonly ContactRole[] = [...CARE, ...LANDLORD];

/** Every state of a running nomination before the lease is signed. */
export const BEFORE_SIGNING: readonly NominationState[] = [
  'registered',
  'acknowledged',
  'home-proposed',
  'suitability-confirmed',
  'offer-made',
  'offer-accepted',
  'intake-planned',
  'credit-checked',
];

/** "2027-06-10" → "10-06-2027", as Dutch readers write a date. */
export function dutchDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}-${month}-${year}`;
}
