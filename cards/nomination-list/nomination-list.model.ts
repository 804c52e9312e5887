/**
 * A list of nominations, each with one button: "mijn aanmeldingen" (the organisation's
 * nominations, newest first) and the choice offered to someone with a draft open ("Verder
 * invullen", or start anew).
 */
import { renderCard, type CardAttachment } from '../render';
import template from './nomination-list.card.json' with { type: 'json' };

/** "Open": the verdict and status card of one nomination. */
export const SHOW_NOMINATION_VERB = 'nomination.show';
/** "Verder invullen": the draft on the nomination card, at the first step still to complete. */
export const CONTINUE_DRAFT_VERB = 'nomination.continue';

export interface NominationListItem {
  name: string;
  facts: { title: string; value: string }[];
  action: { title: string; verb: typeof SHOW_NOMINATION_VERB | typeof CONTINUE_DRAFT_VERB; nominationId: string };
}

export interface NominationListData {
  title: string;
  /** A sentence above the list, or why it is empty. */
  intro?: string;
  items: NominationListItem[];
  /** How many were left off. */
  more?: string;
  /** "Nieuwe aanmelding", skipping the draft check (data `fresh`). */
  startNew?: { title: string };
}

export function nominationListCard(data: NominationListData): CardAttachment {
  return renderCard(template, {
    ...data,
    intro: data.intro ?? null,
    more: data.more ?? null,
    startNew: data.startNew ?? null,
  });
}
