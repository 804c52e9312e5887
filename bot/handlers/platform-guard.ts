/**
 * Card actions are never answered in the platform channel, and the routes that say so: for each
 * verb an Action.Execute route and its Action.Submit fallback (older Teams clients), both running
 * the same handler behind notInPlatformChannel. Used by the status card's verbs and the signal verbs.
 */
import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { commandPlace, teamsScope } from '../conversation';
import type { BotDeps } from '../deps';
import { textsFor } from '../i18n/texts';
import { asInvokeResult, sendAsMessage, type ActionAnswer } from './nomination-actions/answer';

export type CardActionAnswer = (context: TurnContext, data: unknown) => Promise<ActionAnswer>;

/**
 * The platform channel gets counts only (10.2). No status or signal card is ever posted there, but
 * a card pressed there anyway (a forwarded or crafted one) would answer with personal data, and the
 * Action.Submit fallback would post it as a message for the whole channel: refuse, whoever asks.
 * Landlords' own team channels do get status cards, so only the configured platform channel counts.
 */
export function notInPlatformChannel(deps: BotDeps, answer: CardActionAnswer): CardActionAnswer {
  const platformChannelId = deps.config.platformChannelId;
  return async (context, data) => {
    const shared = teamsScope(context.activity) !== 'personal';
    if (platformChannelId !== undefined && shared && commandPlace(context.activity, platformChannelId).platform) {
      return { text: textsFor(context.activity.locale).nominationStatus.answers.cannotView };
    }
    return answer(context, data);
  };
}

/** Registers `verb` (Action.Execute and the Action.Submit fallback), refused in the platform channel. */
export function routeCardAction(
  app: Application<TurnState>,
  deps: BotDeps,
  verb: string,
  handler: CardActionAnswer,
): void {
  const answer = notInPlatformChannel(deps, handler);
  // teams-ai types the card as its own AdaptiveCard shape; ours is the same JSON.
  app.adaptiveCards.actionExecute(
    verb,
    async (context, _state, data) => asInvokeResult(await answer(context, data)) as never,
  );
  app.adaptiveCards.actionSubmit(verb, async (context, _state, data) =>
    sendAsMessage(context, await answer(context, data)),
  );
}
