/**
 * "mijn aanmeldingen": the nominations of the counsellor's own organisation (OrganisationView),
 * newest first, and the drafts offered when someone types "aanmelden" with one still open.
 */
import {
  CONTINUE_DRAFT_VERB,
  nominationListCard,
  SHOW_NOMINATION_VERB,
  type NominationListItem,
} from '../../cards/nomination-list/nomination-list.model';
import type { CardAttachment } from '../../cards/render';
import { addressedLandlordIds } from '../../src/nomination/actor';
import type { Nomination } from '../../src/nomination/nomination';
import { registrationDate } from '../../src/queue/target-date';
import { localDate } from '../../src/time/dates';
import { organisationView, type OrganisationView } from '../../src/views/organisation-view';
import type { BotDeps } from '../deps';
import { auditRead } from './audit-read';
import type { NominationTurn } from './nomination-turn';
import { partyNames } from './verdict-view';

/** A card has room for this many; the rest are counted. */
export const LIST_LIMIT = 15;
/** Drafts offered on "aanmelden": the few most recent are the ones anyone means to go on with. */
export const DRAFT_CHOICE_LIMIT = 3;

export async function ownNominations(deps: BotDeps, turn: NominationTurn): Promise<OrganisationView[]> {
  const partyId = turn.identity.party.id;
  const found = await deps.store.nominations.find({ nominatingPartyId: partyId });
  return found
    .map((n) => organisationView(n, partyId))
    .filter((view): view is OrganisationView => view !== undefined)
    .sort((a, b) => newestFirst(a.nomination, b.nomination));
}

export async function nominationListCardFor(deps: BotDeps, turn: NominationTurn): Promise<CardAttachment> {
  const t = turn.texts;
  const views = await ownNominations(deps, turn);
  const names = await partyNames(deps);
  const shown = views.slice(0, LIST_LIMIT);
  await auditRead(
    deps,
    turn,
    shown.map((view) => view.nomination.id),
    'organisation-list',
  );
  return nominationListCard({
    title: t.list.title(turn.identity.party.name),
    ...(views.length === 0 && { intro: t.list.empty }),
    items: shown.map((view) => listItem(view, names, turn)),
    ...(views.length > shown.length && { more: t.list.more(views.length - shown.length) }),
  });
}

/** The contact's own open drafts, newest first, as many as the choice offers; empty when there are none. */
export async function openDrafts(deps: BotDeps, turn: NominationTurn): Promise<Nomination[]> {
  const drafts = await deps.store.nominations.find({ nominatingPartyId: turn.identity.party.id, states: ['draft'] });
  const own = drafts
    .filter((n) => n.nominatedByContactId === turn.actor.contactId)
    .sort(newestFirst)
    .slice(0, DRAFT_CHOICE_LIMIT);
  await auditRead(
    deps,
    turn,
    own.map((n) => n.id),
    'organisation-drafts',
  );
  return own;
}

export function draftChoiceCard(drafts: readonly Nomination[], turn: NominationTurn): CardAttachment {
  const t = turn.texts;
  return nominationListCard({
    title: t.form.title,
    intro: t.drafts.intro,
    items: drafts.map((n) => ({
      name: t.drafts.item(n.candidate.name, t.date(localDate(new Date(n.createdAt)))),
      facts: [{ title: t.verdict.type, value: t.types[n.type] }],
      action: { title: t.drafts.continue, verb: CONTINUE_DRAFT_VERB, nominationId: n.id },
    })),
    startNew: { title: t.drafts.startNew },
  });
}

function listItem(
  view: OrganisationView,
  names: ReadonlyMap<string, string>,
  turn: NominationTurn,
): NominationListItem {
  const t = turn.texts;
  const n = view.nomination;
  const landlords = (n.registeredAt ? addressedLandlordIds(n) : n.targetLandlordIds).map((id) => names.get(id) ?? id);
  const draft = n.state === 'draft';
  return {
    name: n.candidate.name || t.list.none,
    facts: [
      { title: t.verdict.state, value: t.states[n.state] },
      { title: t.verdict.type, value: t.types[n.type] },
      { title: t.verdict.landlords, value: landlords.join(', ') || t.list.none },
      { title: t.verdict.registeredOn, value: n.registeredAt ? t.date(registrationDate(n)) : t.list.none },
      { title: t.verdict.targetDate, value: view.offerTargetDate ? t.date(view.offerTargetDate) : t.list.none },
    ],
    action: draft
      ? { title: t.list.continue, verb: CONTINUE_DRAFT_VERB, nominationId: n.id }
      : { title: t.list.open, verb: SHOW_NOMINATION_VERB, nominationId: n.id },
  };
}

function newestFirst(a: Nomination, b: Nomination): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}
