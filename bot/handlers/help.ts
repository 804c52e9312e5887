/**
 * "help", any text the bot does not understand, and the greeting after installation: the help
 * card with the commands this person may use here, in their language.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import { helpCard, type HelpCardData } from '../../cards/help/help.model';
import { availableCommands, type CommandPlace } from '../commands';
import { commandPlace } from '../conversation';
import type { BotDeps } from '../deps';
import { textsFor, type Texts } from '../i18n/texts';
import { identityOf, type Identity } from '../identity';

export function helpCardData(identity: Identity, place: CommandPlace, texts: Texts): HelpCardData {
  const commands = availableCommands(place, identity.role);
  const personal = place.scope === 'personal';
  return {
    title: texts.help.title,
    // In a shared conversation the card is for everyone present, so it says nothing about the sender.
    intro: personal
      ? texts.help.introPersonal(texts.roles[identity.role], identity.party.name)
      : texts.help.introShared,
    commands: commands.map((command) => ({ keyword: command.keyword, description: texts.commands[command.id] })),
    ...(personal &&
      commands.some((c) => c.id === 'aanmelden') && { newNomination: { title: texts.help.newNomination } }),
  };
}

/** Sends the help card, with `lead` as the message text above it when given. */
export async function sendHelp(context: TurnContext, deps: BotDeps, lead?: string): Promise<void> {
  const texts = textsFor(context.activity.locale);
  const place = commandPlace(context.activity, deps.config.platformChannelId);
  const card = helpCard(helpCardData(identityOf(context), place, texts));
  await context.sendActivity(MessageFactory.attachment(card, lead));
}

export function helpHandler(deps: BotDeps) {
  return (context: TurnContext) => sendHelp(context, deps);
}
