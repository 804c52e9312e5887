/**
 * Where a status or signal card's button may be pressed, and the routes that say so: for each verb
 * an Action.Execute route and its Action.Submit fallback (older Teams clients), both running the
 * same handler behind onlyWhereCardsBelong. Used by the status card's verbs and the signal verbs.
 */
import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { channelConversationId, commandPlace, teamsScope } from '../conversation';
import type { BotDeps } from '../deps';
import { textsFor } from '../i18n/texts';
import { identityOf } from '../identity';
import { asInvokeResult, sendAsMessage, type ActionAnswer } from './nomination-actions/answer';

export type CardActionAnswer = (context: TurnContext, data: unknown) => Promise<ActionAnswer>;

/**
 * Status and signal cards are posted in two places only: a contact's 1:1 chat, and the team channel
 * of the contact's own party (`teamChannelId`, for contacts the bot cannot reach 1:1). Pressed
 * anywhere else — the platform channel (counts only, 10.2), another team's channel, a group chat —
 * the card is a forwarded or crafted one, and its answer would show personal data there; the
 * Action.Submit fallback would even post it for everyone present. So: refused, whoever asks,
 * before the handler runs (nothing is read, changed or audited). The platform channel is refused
 * even if it were also someone's team channel.
 */
export function onlyWhereCardsBelong(deps: BotDeps, answer: CardActionAnswer): CardActionAnswer {
  const platformChannelId = deps.config.platformChannelId;
  return async (context, data) => {
    const scope = teamsScope(context.activity);
    if (scope === 'personal') return answer(context, data);
    const platform = platformChannelId !== undefined && commandPlace(context.activity, platformChannelId).platform;
    if (!platform && scope === 'team' && isOwnTeamChannel(context)) return answer(context, data);
    return { text: textsFor(context.activity.locale).nominationStatus.answers.cannotView };
  };
}

/** The channel is the presser's own party's team channel: the channel id and the thread's agree. */
function isOwnTeamChannel(context: TurnContext): boolean {
  const own = identityOf(context).party.teamChannelId;
  if (!own) return false;
  const { channelData, conversation } = context.activity;
  const channelId = (channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
  const thread = typeof conversation?.id === 'string' ? channelConversationId(conversation.id) : undefined;
  return thread === own && (channelId === undefined || channelId === own);
}

/** Registers `verb` (Action.Execute and the Action.Submit fallback), refused where no such card belongs. */
export function routeCardAction(
  app: Application<TurnState>,
  deps: BotDeps,
  verb: string,
  handler: CardActionAnswer,
): void {
  const answer = onlyWhereCardsBelong(deps, handler);
  // teams-ai types the card as its own AdaptiveCard shape; ours is the same JSON.
  app.adaptiveCards.actionExecute(
    verb,
    async (context, _state, data) => asInvokeResult(await answer(context, data)) as never,
  );
  app.adaptiveCards.actionSubmit(verb, async (context, _state, data) =>
    sendAsMessage(context, await answer(context, data)),
  );
}
