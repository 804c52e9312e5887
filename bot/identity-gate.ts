/**
 * Runs before every turn (teams-ai `beforeTurn`): remembers conversations the bot is added to,
 * forgets those it is removed from, and lets only known contacts of covenant parties reach a
 * handler. Anyone else gets one sentence saying whom to ask, and nothing else: no help card, no data.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { forgetConversation, isBotAdded, isBotRemoved, rememberConversation, teamsScope } from './conversation';
import type { BotDeps } from './deps';
import { textsFor } from './i18n/texts';
import { resolveIdentity, setIdentity } from './identity';
import { hashId } from './logger';

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/** Activities someone sends to the bot and expects an answer to. */
function expectsAnswer(context: TurnContext): boolean {
  const { type } = context.activity;
  if (type === ActivityTypes.Message || type === ActivityTypes.Invoke) return true;
  return type === ActivityTypes.ConversationUpdate && isBotAdded(context.activity);
}

export function identityGate(deps: BotDeps) {
  return async (context: TurnContext): Promise<boolean> => {
    const { activity } = context;
    const now = deps.clock();
    const shared = teamsScope(activity) !== 'personal';
    // A channel or group chat is reachable whoever added the bot (the platform channel's digest).
    if (shared && isBotAdded(activity)) await rememberConversation(deps.store.conversations, activity, now);
    if (isBotRemoved(activity)) await forgetConversation(deps.store.conversations, activity);
    if (!expectsAnswer(context)) return true;

    const identity = await resolveIdentity(context, {
      store: deps.store,
      clock: deps.clock,
      timeZone: deps.config.timeZone,
    });
    if (!identity) {
      deps.logger.info({ activityType: activity.type, user: hashId(activity.from?.aadObjectId) }, 'unknown user');
      await answerNotKnown(context);
      return false;
    }
    setIdentity(context, identity);
    if (!shared) {
      // Known contacts become reachable 1:1, also those who installed the bot before they were registered.
      await rememberConversation(deps.store.conversations, activity, now, { onlyIfChanged: !isBotAdded(activity) });
    }
    return true;
  };
}

async function answerNotKnown(context: TurnContext): Promise<void> {
  const text = textsFor(context.activity.locale).notKnown;
  if (context.activity.type !== ActivityTypes.Invoke) {
    await context.sendActivity(text);
    return;
  }
  // A card action waits for an invoke response; a message-type response shows the text in the card's place.
  const body =
    context.activity.name === ADAPTIVE_CARD_ACTION
      ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text }
      : undefined;
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}
