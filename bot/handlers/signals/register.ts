/**
 * The signal verbs on the teams-ai Application: Action.Execute, and the Action.Submit fallback of
 * older clients, each running the same handler — and neither in the platform channel
 * (../platform-guard.ts): a signal card pressed there would show or post a tenancy's signal.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import { SIGNAL_ACKNOWLEDGE_VERB, SIGNAL_SEND_VERB } from '../../../cards/signal/signal.model';
import type { BotDeps } from '../../deps';
import { routeCardAction } from '../platform-guard';
import { acknowledgeSignal } from './acknowledge-signal';
import { sendSignal } from './send-signal';

export function registerSignalActions(app: Application<TurnState>, deps: BotDeps): void {
  routeCardAction(app, deps, SIGNAL_SEND_VERB, (context, data) => sendSignal(context, deps, data));
  routeCardAction(app, deps, SIGNAL_ACKNOWLEDGE_VERB, (context, data) => acknowledgeSignal(context, deps, data));
}
