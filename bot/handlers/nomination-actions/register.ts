/**
 * The status card's actions on the teams-ai Application: for each verb an Action.Execute route
 * and its Action.Submit fallback (older Teams clients), both running the same step.
 */
import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { CARD_STEPS, OPEN_NOMINATION_VERB, stepVerb } from '../../../cards/nomination-status/status.model';
import type { BotDeps } from '../../deps';
import { asInvokeResult, sendAsMessage, type ActionAnswer } from './answer';
import { openNomination } from './open-nomination';
import { runStep } from './run-step';

type Answer = (context: TurnContext, data: unknown) => Promise<ActionAnswer>;

export function registerStatusCardActions(app: Application<TurnState>, deps: BotDeps): void {
  for (const step of CARD_STEPS) route(app, stepVerb(step), (context, data) => runStep(context, deps, step, data));
  route(app, OPEN_NOMINATION_VERB, (context, data) => openNomination(context, deps, data));
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
