/**
 * "Ontvangst bevestigen" on a signal card: any contact of the receiving side confirms receipt,
 * once; the answer is the card as it now stands, and every other card of the signal — the
 * sender's and the other receivers' — is updated in place through the outbox. Anyone else is
 * refused without seeing the signal, and an erased signal is answered as gone.
 */
import type { TurnContext } from 'botbuilder';
import { SignalService } from '../../../src/signals/signal-service';
import type { BotDeps } from '../../deps';
import { textsFor } from '../../i18n/texts';
import { identityOf } from '../../identity';
import { actorOf, viewerOf } from '../../nomination-card/viewer';
import { notifySignalChanged } from '../../signals/notify-signal';
import { signalCardFor } from '../../signals/signal-card';
import type { ActionAnswer } from '../nomination-actions/answer';
import { readAcknowledgeSignalData } from './signal-data';

export async function acknowledgeSignal(context: TurnContext, deps: BotDeps, raw: unknown): Promise<ActionAnswer> {
  const texts = textsFor(context.activity.locale);
  const a = texts.signals.answers;
  const request = readAcknowledgeSignalData(raw);
  if (!request) return { text: a.unreadable };
  // Erased with its tenancy (src/retention): nothing left to confirm, and confirming would put a
  // contact id back on it. (The rule belongs in decideAcknowledge; until then, here.)
  if ((await deps.store.signals.get(request.signalId))?.erasedAt) return { text: a.errors['not-found'] };
  const identity = identityOf(context);
  const service = new SignalService({ store: deps.store, clock: deps.clock, origin: 'teams' });
  const result = await service.acknowledge(request.signalId, actorOf(identity));
  if (!result.ok) return { text: a.errors[result.error.code] };
  if (!result.alreadyAcknowledged) await notifySignalChanged(deps, result.signal);
  const viewer = viewerOf(identity);
  const card = viewer && (await signalCardFor(deps, result.signal, viewer, texts));
  return card ? { card } : { text: a.cannotView };
}
