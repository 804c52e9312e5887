/**
 * "status" in the platform channel (art. 3): the digest card on demand, with the figures of this
 * moment. Counts only (10.2); the router offers it only in the platform channel.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import { digestFiguresOf } from '../../src/digest/digest-figures-of';
import type { BotDeps } from '../deps';
import { textsFor } from '../i18n/texts';
import { digestCardFor } from '../platform/digest-card';
import { landlordNamesOf } from '../platform/landlord-names';

export function statusHandler(deps: BotDeps) {
  return async (context: TurnContext) => {
    const [figures, names] = await Promise.all([
      // 8.1, 8.2, 10.5: signals by kind, counts only (10.2).
      digestFiguresOf(deps.store, deps.clock, { signals: deps.store.signals }),
      landlordNamesOf(deps.store),
    ]);
    const card = digestCardFor(figures, textsFor(context.activity.locale).platform, names, 'status');
    await context.sendActivity(MessageFactory.attachment(card));
  };
}
