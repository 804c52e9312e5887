/**
 * The bot was added to a 1:1 chat, team or group chat: greet with the help card. The
 * conversation reference is stored by the identity gate (app.ts), before this runs.
 */
import type { TurnContext } from 'botbuilder';
import { isBotAdded } from '../conversation';
import type { BotDeps } from '../deps';
import { sendHelp } from './help';

export function welcomeHandler(deps: BotDeps) {
  return async (context: TurnContext) => {
    // membersAdded also fires when people join a team the bot is in: they are greeted by nobody.
    if (!isBotAdded(context.activity)) return;
    await sendHelp(context, deps);
  };
}
