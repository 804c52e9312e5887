/**
 * One handler per card action, answered the way the button was pressed: an Action.Execute gets
 * the card (or a sentence) back in place of the card it came from; its Action.Submit fallback, on
 * older clients, gets it as a new message. A failure answers with a sentence, never a 500: Teams
 * would show a bare error where the card was.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard, Application, TurnState } from '@microsoft/teams-ai';
import type { CardAttachment } from '../../cards/render';
import { StoreUnavailableError } from '../../src/storage/ports';
import type { BotDeps } from '../deps';
import { textsFor } from '../i18n/texts';

export type CardReply = CardAttachment | string;
export type CardActionHandler = (context: TurnContext, data: Record<string, unknown>) => Promise<CardReply>;

export function onCardAction(app: Application<TurnState>, deps: BotDeps, verb: string, handler: CardActionHandler) {
  const answer = async (context: TurnContext, data: unknown): Promise<CardReply> => {
    try {
      return await handler(context, isRecord(data) ? data : {});
    } catch (error) {
      const err = error as Error;
      // The error only: card data holds personal data.
      deps.logger.error(
        { err: { name: err.name, message: err.message, stack: err.stack }, verb },
        'card action failed',
      );
      const texts = textsFor(context.activity.locale);
      return error instanceof StoreUnavailableError ? texts.storeUnavailable : texts.somethingWentWrong;
    }
  };
  app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
    const reply = await answer(context, data);
    return typeof reply === 'string' ? reply : (reply.content as unknown as AdaptiveCard);
  });
  app.adaptiveCards.actionSubmit(verb, async (context, _state, data) => {
    await sendReply(context, await answer(context, data));
  });
}

export async function sendReply(context: TurnContext, reply: CardReply): Promise<void> {
  await context.sendActivity(typeof reply === 'string' ? reply : MessageFactory.attachment(reply));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
