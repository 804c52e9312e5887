/**
 * The status card's actions on the teams-ai Application: for each verb an Action.Execute route
 * and its Action.Submit fallback (older Teams clients), both running the same step — and none of
 * them in the platform channel (../platform-guard.ts).
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import { CARD_STEPS, OPEN_NOMINATION_VERB, stepVerb } from '../../../cards/nomination-status/status.model';
import type { BotDeps } from '../../deps';
import { routeCardAction } from '../platform-guard';
import { openNomination } from './open-nomination';
import { runStep } from './run-step';

export function registerStatusCardActions(app: Application<TurnState>, deps: BotDeps): void {
  for (const step of CARD_STEPS)
    routeCardAction(app, deps, stepVerb(step), (context, data) => runStep(context, deps, step, data));
  routeCardAction(app, deps, OPEN_NOMINATION_VERB, (context, data) => openNomination(context, deps, data));
}
