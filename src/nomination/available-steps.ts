/**
 * Which steps someone may take on a nomination right now, asked of the lifecycle itself (the
 * transition table and its who-may rules), so a card never offers a button the service refuses.
 */
import { refuseActor, type Actor } from './actor';
import type { Nomination } from './nomination';
import { TRANSITION_NAMES, TRANSITIONS, type TransitionName } from './transitions';

export function availableSteps(n: Nomination, actor: Actor): TransitionName[] {
  return TRANSITION_NAMES.filter((name) => {
    const step = TRANSITIONS[name];
    if (!step.from.includes(n.state)) return false;
    if (refuseActor(n, actor, step.roles) ?? step.refuseActor?.(n, actor)) return false;
    // e.g. no evaluation waiting for confirmation: the step would only be refused.
    if (step.ready && !step.ready(n)) return false;
    // e.g. this landlord acknowledged already: the step would change nothing.
    return !step.alreadyDone?.(n, actor);
  });
}
