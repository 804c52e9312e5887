/**
 * "Signaal versturen" on a tenancy's status card (8.1, 8.2, 10.5): store the signal as the one who
 * pressed it, put the cards in the outbox (the receiving side's contacts at once, the sender's
 * own copy), and answer with the status card and a note saying it went — the status card stays
 * the status card, so its in-place updates keep working. A refusal for who asks shows nothing of
 * the tenancy; a refusal for what was filled in shows the card with the reason.
 */
import type { TurnContext } from 'botbuilder';
import { isDenied } from '../../../src/signals/signal-rules';
import { SignalService } from '../../../src/signals/signal-service';
import { conversationKey } from '../../conversation';
import type { BotDeps } from '../../deps';
import { textsFor, type Texts } from '../../i18n/texts';
import { identityOf } from '../../identity';
import { statusCardFor } from '../../nomination-card/load-status-card';
import { actorOf, viewerOf } from '../../nomination-card/viewer';
import { notifySignalSent } from '../../signals/notify-signal';
import type { ActionAnswer } from '../nomination-actions/answer';
import { readSendSignalData, signalIdFor } from './signal-data';

export async function sendSignal(context: TurnContext, deps: BotDeps, raw: unknown): Promise<ActionAnswer> {
  const texts = textsFor(context.activity.locale);
  const a = texts.signals.answers;
  const request = readSendSignalData(raw);
  if (!request) return { text: a.unreadable };
  const identity = identityOf(context);
  const viewer = viewerOf(identity);
  const service = new SignalService({
    store: deps.store,
    clock: deps.clock,
    timeZone: deps.config.timeZone,
    origin: 'teams',
  });
  const id = signalIdFor(context.activity, identity.contact.id);
  const senderConversationKey = conversationKey(context.activity);
  const result = await service.send(actorOf(identity), request.nominationId, request.input, id, {
    ...(senderConversationKey && { senderConversationKey }),
  });
  if (!result.ok && isDenied(result.error)) return { text: a.errors[result.error.code] };

  let note: string;
  if (result.ok) {
    // Relays what the send stored with the signal; a retry finds it relayed already, or finishes it.
    const { unreachable } = await notifySignalSent(deps, result.signal);
    const receiver = await deps.store.parties.get(result.signal.to.partyId);
    note = [
      a.sent(receiver?.name ?? result.signal.to.partyId),
      ...(unreachable.length ? [a.unreachable(unreachable.join(', '))] : []),
    ].join(' ');
  } else {
    note = a.notSent(errorText(texts, result.error.code, result.error.date));
  }
  const nomination = await deps.store.nominations.get(request.nominationId);
  const card = nomination && viewer ? await statusCardFor(deps, nomination, viewer, texts, note) : undefined;
  if (card) return { card };
  // A nomination this person may not see (another organisation's draft addressed to their landlord,
  // say): why the signal was refused would tell them it exists. As for a denial: not found.
  return result.ok ? { text: note } : { text: a.errors['not-found'] };
}

function errorText(texts: Texts, code: keyof Texts['signals']['answers']['errors'], date?: string): string {
  const text = texts.signals.answers.errors[code];
  return date ? text.replace('{date}', texts.nominationStatus.date(date)) : text;
}
