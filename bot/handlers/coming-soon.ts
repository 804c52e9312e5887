/** Commands and card actions that other work will build; until then they say so, politely. */
import type { TurnContext } from 'botbuilder';
import type { CommandDefinition } from '../commands';
import { textsFor } from '../i18n/texts';

export function comingSoonText(context: TurnContext, keyword: string): string {
  return textsFor(context.activity.locale).comingSoon(keyword);
}

export function comingSoonHandler(command: CommandDefinition) {
  return async (context: TurnContext) => {
    await context.sendActivity(comingSoonText(context, command.keyword));
  };
}
