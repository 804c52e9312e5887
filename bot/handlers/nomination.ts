/**
 * The counsellor's side of a nomination (issue 4): "aanmelden" and the help card's "Nieuwe
 * aanmelding" open the nomination card (or offer the open draft first), the card's buttons save
 * and submit it, "mijn aanmeldingen" lists the organisation's nominations, and "Open" shows one.
 */
import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { NEW_NOMINATION_VERB } from '../../cards/help/help.model';
import { NOMINATION_FORM_VERB } from '../../cards/nomination-form/nomination-form.model';
import { CONTINUE_DRAFT_VERB, SHOW_NOMINATION_VERB } from '../../cards/nomination-list/nomination-list.model';
import { NOMINATION_LIST_VERB } from '../../cards/nomination-verdict/nomination-verdict.model';
import type { BotDeps } from '../deps';
import { onCardAction, sendReply, type CardReply } from '../nomination/card-reply';
import { formIdOf } from '../nomination/draft-id';
import { answerFormAction, draftFormCard, newFormCard } from '../nomination/form-flow';
import { readNominationId } from '../nomination/form-schema';
import { draftChoiceCard, nominationListCardFor, openDrafts } from '../nomination/list-view';
import { auditRead } from '../nomination/audit-read';
import { mayNominate, nominationTurn, type NominationTurn } from '../nomination/nomination-turn';
import { verdictCard } from '../nomination/verdict-view';

/** "aanmelden": the draft choice when one is open, else a new card. */
async function startNomination(context: TurnContext, deps: BotDeps, fresh: boolean): Promise<CardReply> {
  const turn = nominationTurn(context, deps);
  if (!mayNominate(context, deps)) return turn.allTexts.commandNotAvailable('aanmelden');
  const drafts = fresh ? [] : await openDrafts(deps, turn);
  if (drafts.length > 0) return draftChoiceCard(drafts, turn);
  return newFormCard(context, deps, formIdOf(context.activity));
}

async function continueDraft(context: TurnContext, deps: BotDeps, data: unknown): Promise<CardReply> {
  const turn = nominationTurn(context, deps);
  if (!mayNominate(context, deps)) return turn.allTexts.commandNotAvailable('aanmelden');
  const found = await findOwn(deps, turn, readNominationId(data));
  if (!found) return turn.texts.verdict.notFound;
  if (found.state !== 'draft') return (await verdictCard(deps, turn, found)) ?? turn.texts.verdict.notFound;
  return draftFormCard(context, deps, found, formIdOf(context.activity));
}

async function showNomination(context: TurnContext, deps: BotDeps, data: unknown): Promise<CardReply> {
  const turn = nominationTurn(context, deps);
  if (!mayNominate(context, deps)) return turn.allTexts.commandNotAvailable('mijn aanmeldingen');
  const found = await findOwn(deps, turn, readNominationId(data));
  if (!found) return turn.texts.verdict.notFound;
  if (found.state === 'draft') return draftFormCard(context, deps, found, formIdOf(context.activity));
  return (await verdictCard(deps, turn, found)) ?? turn.texts.verdict.notFound;
}

async function listNominations(context: TurnContext, deps: BotDeps): Promise<CardReply> {
  const turn = nominationTurn(context, deps);
  if (!mayNominate(context, deps)) return turn.allTexts.commandNotAvailable('mijn aanmeldingen');
  return nominationListCardFor(deps, turn);
}

/**
 * Another organisation's nomination is answered as not found: whether it exists is not theirs to
 * know. The attempt is audited as denied.
 */
async function findOwn(deps: BotDeps, turn: NominationTurn, id: string | undefined) {
  const found = id ? await deps.store.nominations.get(id) : undefined;
  if (!found || found.nominatingPartyId === turn.identity.party.id) return found;
  await auditRead(deps, turn, [found.id], 'organisation-view', 'denied');
  return undefined;
}

/** The typed command "aanmelden". */
export function startNominationHandler(deps: BotDeps) {
  return async (context: TurnContext) => sendReply(context, await startNomination(context, deps, false));
}

/** The typed command "mijn aanmeldingen". */
export function myNominationsHandler(deps: BotDeps) {
  return async (context: TurnContext) => sendReply(context, await listNominations(context, deps));
}

export function registerNominationActions(app: Application<TurnState>, deps: BotDeps): void {
  onCardAction(app, deps, NEW_NOMINATION_VERB, (context, data) =>
    startNomination(context, deps, data.fresh === true || data.fresh === 'true'),
  );
  onCardAction(app, deps, NOMINATION_FORM_VERB, (context, data) => answerFormAction(context, deps, data));
  onCardAction(app, deps, CONTINUE_DRAFT_VERB, (context, data) => continueDraft(context, deps, data));
  onCardAction(app, deps, SHOW_NOMINATION_VERB, (context, data) => showNomination(context, deps, data));
  onCardAction(app, deps, NOMINATION_LIST_VERB, (context) => listNominations(context, deps));
}
