/**
 * The teams-ai Application: routes only, no AI, no turn-state storage (drafts and everything
 * else the bot remembers are documents of their own, DESIGN.md "Storage"). Each route's handler
 * lives in bot/handlers/. Order matters: teams-ai runs the first route whose selector matches.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { COMMANDS, isCommandAvailable, matchCommand, type CommandDefinition, type CommandId } from './commands';
import { commandPlace } from './conversation';
import type { BotDeps } from './deps';
import { distributionHandler, registerDistributionActions } from './handlers/distribution';
import { helpHandler, sendHelp } from './handlers/help';
import { registerStatusCardActions } from './handlers/nomination-actions/register';
import { registerSignalActions } from './handlers/signals/register';
import { queueHandler } from './handlers/queue';
import { statusHandler } from './handlers/status';
import { myNominationsHandler, registerNominationActions, startNominationHandler } from './handlers/nomination';
import { welcomeHandler } from './handlers/welcome';
import { textsFor } from './i18n/texts';
import { identityGate } from './identity-gate';
import { identityOf } from './identity';
import { turnErrorHandler } from './turn-error';

type Handler = (context: TurnContext) => Promise<void>;

/** One handler per command; later work replaces a "coming soon" with the real thing. */
function commandHandlers(deps: BotDeps): Record<CommandId, (command: CommandDefinition) => Handler> {
  return {
    aanmelden: () => startNominationHandler(deps),
    'mijn-aanmeldingen': () => myNominationsHandler(deps),
    wachtrij: () => queueHandler(deps),
    status: () => statusHandler(deps),
    verdeling: () => distributionHandler(deps),
    help: () => helpHandler(deps),
  };
}

export function createApp(deps: BotDeps, adapter: TeamsAdapter): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    ...(deps.config.credentials && { botAppId: deps.config.credentials.appId }),
    // teams-ai 1.7.4 ignores this and still sends "typing" when a message turn takes over a second;
    // it says what we want should a later version honour it.
    startTypingTimer: false,
    removeRecipientMention: true,
  });

  app.turn('beforeTurn', identityGate(deps));
  app.conversationUpdate('membersAdded', welcomeHandler(deps));

  const handlers = commandHandlers(deps);
  for (const command of COMMANDS) {
    const selector = async (context: TurnContext) =>
      context.activity.type === ActivityTypes.Message && matchCommand(context.activity.text) === command;
    app.message(selector, onlyWhereAvailable(deps, command, handlers[command.id](command)));
  }

  // The nomination card and the help card's "Nieuwe aanmelding": Action.Execute, or Action.Submit on older clients.
  registerNominationActions(app, deps);
  // The status card's steps (acknowledge … sign the lease, evaluate and convert it, refuse, withdraw) and "Open".
  registerStatusCardActions(app, deps);
  // Signals on a tenancy (8.1, 8.2, 10.5): "Signaal versturen" on its status card, "Ontvangst bevestigen" on a signal.
  registerSignalActions(app, deps);
  // The platform channel's "verdeling" card: set the year's homes, record an exchange (9).
  registerDistributionActions(app, deps);

  // Anything else someone types: the help card.
  app.activity(ActivityTypes.Message, helpHandler(deps));
  // A card action with a verb no route knows (an old card, a tampered one): without this it got no
  // invoke answer at all, which Teams shows as its own error.
  app.activity(ActivityTypes.Invoke, unknownCardAction);

  // "Tijdelijk niet beschikbaar" when the database is down; a card button gets its invoke answer.
  app.error(turnErrorHandler(deps));
  return app;
}

async function unknownCardAction(context: TurnContext): Promise<void> {
  if (context.activity.name !== 'adaptiveCard/action') return;
  const text = textsFor(context.activity.locale).nominationStatus.answers.unreadable;
  const body = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** A command used where it is not offered (a landlord typing "aanmelden"): say so, and show what is. */
function onlyWhereAvailable(deps: BotDeps, command: CommandDefinition, handler: Handler): Handler {
  return async (context) => {
    const place = commandPlace(context.activity, deps.config.platformChannelId);
    if (isCommandAvailable(command, place, identityOf(context).role)) return handler(context);
    await sendHelp(context, deps, textsFor(context.activity.locale).commandNotAvailable(command.keyword));
  };
}
