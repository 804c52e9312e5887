/**
 * What a card action answers: a card or one sentence. Action.Execute shows it in the card's place
 * (invoke response); the Action.Submit fallback of older clients gets it as a new message.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import type { CardAttachment } from '../../../cards/render';
import type { LifecycleError } from '../../../src/nomination/errors';
import type { NominationState } from '../../../src/nomination/nomination';
import { refusalText } from '../../../src/nomination/refusals';
import type { ServiceResult } from '../../../src/nomination/service';
import type { BotDeps } from '../../deps';
import type { Texts } from '../../i18n/texts';
import { statusCardFor } from '../../nomination-card/load-status-card';
import type { CardViewer } from '../../nomination-card/viewer';

export type ActionAnswer = { card: CardAttachment } | { text: string };

/** teams-ai's actionExecute takes the card's content, or a string. */
export function asInvokeResult(answer: ActionAnswer): Record<string, unknown> | string {
  return 'card' in answer ? answer.card.content : answer.text;
}

export async function sendAsMessage(context: TurnContext, answer: ActionAnswer): Promise<void> {
  await context.sendActivity('card' in answer ? MessageFactory.attachment(answer.card) : answer.text);
}

/**
 * The refreshed card after a step; after a refused one the current card with a short note (a
 * stale card, a conflict, a value the covenant does not allow), or — for someone who may not act
 * here at all — the lifecycle's refusal and nothing about the nomination.
 */
export async function answerForResult(
  deps: BotDeps,
  result: ServiceResult,
  nominationId: string,
  viewer: CardViewer | undefined,
  texts: Texts,
): Promise<ActionAnswer> {
  const a = texts.nominationStatus.answers;
  if (!result.ok && result.error.kind === 'not-found') return { text: a.notFound };
  if (!result.ok && result.error.kind === 'not-allowed-for-role') {
    return { text: a.notAllowed(refusalIn(texts, result.error)) };
  }
  if (!viewer) return { text: a.cannotView };

  const nomination = result.ok ? result.nomination : await deps.store.nominations.get(nominationId);
  if (!nomination) return { text: a.notFound };
  const note = result.ok ? undefined : noteFor(result.error, nomination.state, texts);
  const card = await statusCardFor(deps, nomination, viewer, texts, note);
  return card ? { card } : { text: a.cannotView };
}

function noteFor(
  error: Exclude<ServiceResult, { ok: true }>['error'],
  currentState: NominationState,
  texts: Texts,
): string {
  const a = texts.nominationStatus.answers;
  switch (error.kind) {
    case 'wrong-state':
      return a.wrongState(texts.nominationStatus.states[currentState]);
    case 'conflict':
      return a.conflict;
    case 'invalid-payload':
      return a.invalid(refusalIn(texts, error));
    default:
      return a.notAllowed(refusalIn(texts, error));
  }
}

/** The lifecycle's refusal by its code, in the reader's language (the Dutch is the lifecycle's own). */
export function refusalIn(texts: Texts, error: LifecycleError): string {
  return refusalText(texts.nominationStatus.refusals, error.refusal);
}
