/**
 * What the user sees when a turn fails (teams-ai `app.error`): one sentence, "tijdelijk niet
 * beschikbaar" when the database is unreachable. A card button (Action.Execute) gets it as the
 * invoke's answer, since Teams waits for one and otherwise shows a bare error where the card was;
 * a nomination card comes back with what was typed in it (form-outage.ts).
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { StoreUnavailableError } from '../src/storage/ports';
import type { BotDeps } from './deps';
import { textsFor } from './i18n/texts';
import { formCardDuringOutage } from './nomination/form-outage';

const CARD_ACTION = 'adaptiveCard/action';

export function turnErrorHandler(deps: BotDeps) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    // The error only, never the activity: its text and card input may hold personal data.
    deps.logger.error({ err: { name: error.name, message: error.message, stack: error.stack } }, 'turn failed');
    const texts = textsFor(context.activity.locale);
    const unavailable = error instanceof StoreUnavailableError;
    const text = unavailable ? texts.storeUnavailable : texts.somethingWentWrong;
    const { type, name } = context.activity;
    if (type !== ActivityTypes.Invoke || name !== CARD_ACTION) {
      await context.sendActivity(text).catch(() => undefined);
      return;
    }
    const card = unavailable ? keptCard(context, deps) : undefined;
    const body = card
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
    await context
      .sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } })
      .catch(() => undefined);
  };
}

function keptCard(context: TurnContext, deps: BotDeps) {
  try {
    return formCardDuringOutage(context.activity, textsFor(context.activity.locale).nomination);
  } catch (error) {
    // A card that will not render (odd input) must not hide the outage: the sentence goes instead.
    deps.logger.warn({ err: { name: (error as Error).name } }, 'nomination card not kept during outage');
    return undefined;
  }
}
