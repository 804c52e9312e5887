/**
 * Who must hear of a step. The service does not send: it stores these with the change itself
 * (`pendingNotifications`, src/outbox/pending.ts) and the bot's relay turns them into outbox
 * messages (DESIGN.md "Sending"); `version` makes their ids deterministic.
 */
import type { PendingNotification } from '../outbox/pending';
import { involvedLandlordIds, sideOf, type Actor } from './actor';
import type { Nomination, NominationState } from './nomination';
import { isTerminal } from './states';
import type { TransitionName } from './transitions';

export interface Notification {
  audience: 'landlords' | 'nominating-organisation';
  /** For audience 'landlords': the landlords' party ids. */
  landlordIds?: string[];
  event: TransitionName;
  state: NominationState;
  version: number;
}

/** One change's entry in `Nomination.pendingNotifications`. */
export interface PendingNominationNotification extends PendingNotification {
  /** Who must hear of it; every card sent before is updated as well, also when this is empty. */
  notifications: Notification[];
}

/**
 * The other side hears of each step. Landlords hear of it when they were or become involved
 * (5.3: a registration goes to every addressed landlord); when a landlord acts, the other
 * landlords hear only when they drop out (another one proposed a home) or the nomination closes.
 */
export function notificationsFor(
  event: TransitionName,
  actor: Actor,
  before: Nomination,
  after: Nomination,
  version: number,
): Notification[] {
  const was = involvedLandlordIds(before);
  const is = involvedLandlordIds(after);
  const base = { event, state: after.state, version };

  if (sideOf(actor.role) === 'care') {
    const landlordIds = [...new Set([...was, ...is])];
    return landlordIds.length ? [{ audience: 'landlords', landlordIds, ...base }] : [];
  }
  const others = was.filter((id) => id !== actor.partyId && (isTerminal(after.state) || !is.includes(id)));
  return [
    { audience: 'nominating-organisation', ...base },
    ...(others.length ? [{ audience: 'landlords' as const, landlordIds: others, ...base }] : []),
  ];
}
