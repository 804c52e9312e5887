/**
 * All steps on a nomination in one table, keyed by name. The service (service.ts) checks role,
 * state and version before running a step; a step only reads its payload and returns the
 * changed nomination. See transition.ts for what a step is, steps/ for the steps.
 */
import { HOME_AND_OFFER_STEPS } from './steps/home-and-offer';
import { LEASE_STEPS } from './steps/lease';
import { LETTING_STEPS } from './steps/letting';
import { REGISTRATION_STEPS } from './steps/registration';
import type { Transition, TransitionName } from './transition';

export { TRANSITION_NAMES, type Transition, type TransitionName } from './transition';

export const TRANSITIONS: Record<TransitionName, Transition> = {
  ...REGISTRATION_STEPS,
  ...HOME_AND_OFFER_STEPS,
  ...LETTING_STEPS,
  ...LEASE_STEPS,
};
