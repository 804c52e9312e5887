/**
 * The signal verbs on the teams-ai Application: Action.Execute, and the Action.Submit fallback of
 * older clients, each running the same handler.
 */
import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { SIGNAL_ACKNOWLEDGE_VERB, SIGNAL_SEND_VERB } from '../../../cards/signal/signal.model';
import type { BotDeps } from '../../deps';
import { asInvokeResult, sendAsMessage, type ActionAnswer } from '../nomination-actions/answer';
import { acknowledgeSignal } from './acknowledge-signal';
import { sendSignal } from './send-signal';

type Answer = (context: TurnContext, data: unknown) => Promise<ActionAnswer>;

export function registerSignalActions(app: Application<TurnState>, deps: BotDeps): void {
  route(app, SIGNAL_SEND_VERB, (context, data) => sendSignal(context, deps, data));
  route(app, SIGNAL_ACKNOWLEDGE_VERB, (context, data) => acknowledgeSignal(context, deps, data));
}

function route(app: Application<TurnState>, verb: string, answer: Answer): void {
  // teams-ai types the card as its own AdaptiveCard shape; ours is the same JSON.
  app.adaptiveCards.actionExecute(
    verb,
    async (context, _state, data) => asInvokeResult(await answer(context, data)) as never,
  );
  app.adaptiveCards.actionSubmit(verb, async (context, _state, data) =>
    sendAsMessage(context, await answer(context, data)),
  );
}
