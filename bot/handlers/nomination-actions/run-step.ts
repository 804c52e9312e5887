/**
 * One card action on a nomination: read the card, apply the step as the person who pressed it,
 * enqueue the notifications (the worker sends them after), and answer with the refreshed card —
 * within Teams' invoke time. When the database is slow, answer "bezig" and let the work finish;
 * the worker then puts the real card in that card's place.
 */
import type { TurnContext } from 'botbuilder';
import { nominationBusyCard, type CardStep } from '../../../cards/nomination-status/status.model';
import { NominationService, type ServiceResult } from '../../../src/nomination/service';
import { conversationKey } from '../../conversation';
import type { BotDeps } from '../../deps';
import { textsFor } from '../../i18n/texts';
import { identityOf } from '../../identity';
import { actorOf, viewerOf, type CardViewer } from '../../nomination-card/viewer';
import { statusMessage } from '../../outbox/nomination-message';
import { notifyNominationChange } from '../../outbox/notify-nomination';
import { answerForResult, type ActionAnswer } from './answer';
import { readStepData } from './step-data';

/** Teams waits about 10–15 s for an invoke answer (DESIGN.md "Sending"); leave room for the rest. */
export const DEFAULT_CARD_ACTION_BUDGET_MS = 5_000;

export async function runStep(
  context: TurnContext,
  deps: BotDeps,
  step: CardStep,
  raw: unknown,
): Promise<ActionAnswer> {
  const texts = textsFor(context.activity.locale);
  const request = readStepData(step, raw);
  if (!request) return { text: texts.nominationStatus.answers.unreadable };
  const identity = identityOf(context);
  const viewer = viewerOf(identity);
  const service = new NominationService({ store: deps.store, clock: deps.clock, origin: 'teams' });

  const work = (async () => {
    const result = await service.apply(request.nominationId, actorOf(identity), step, request.payload, request.version);
    if (result.ok) await notifyNominationChange(deps, result);
    return result;
  })();

  const result = await within(work, deps.cardActionBudgetMs ?? DEFAULT_CARD_ACTION_BUDGET_MS);
  if (result === 'timed-out') {
    const place = { conversationKey: conversationKey(context.activity), activityId: context.activity.replyToId };
    void work
      .then((late) => replaceBusyCard(deps, late, request.nominationId, viewer, place))
      .catch((error: unknown) => deps.logger.error({ err: errorShape(error) }, 'slow card action failed'));
    return {
      card: nominationBusyCard({
        title: texts.nominationStatus.answers.busyTitle,
        text: texts.nominationStatus.answers.busy,
      }),
    };
  }
  return answerForResult(deps, result, request.nominationId, viewer, texts);
}

async function within<T>(work: Promise<T>, ms: number): Promise<T | 'timed-out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The worker updates the very card that shows "bezig" to the nomination as it now stands. */
async function replaceBusyCard(
  deps: BotDeps,
  result: ServiceResult,
  nominationId: string,
  viewer: CardViewer | undefined,
  place: { conversationKey: string | undefined; activityId: string | undefined },
): Promise<void> {
  if (!viewer || !place.conversationKey || !place.activityId) return;
  const nomination = result.ok ? result.nomination : await deps.store.nominations.get(nominationId);
  if (!nomination) return;
  // The card the worker keeps current anyway (notifyNominationChange): one update is enough.
  const tracked = await deps.store.cardActivities.get(nomination.id, place.conversationKey);
  if (result.ok && tracked?.activityId === place.activityId) return;
  const at = deps.clock().toISOString();
  const delivery = { conversationKey: place.conversationKey, viewer, replaceActivityId: place.activityId };
  await deps.store.outbox.enqueue(statusMessage(nomination.id, nomination.version, delivery, at));
}

function errorShape(error: unknown): { name?: string; message?: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : {};
}
