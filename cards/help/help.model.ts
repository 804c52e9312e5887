/**
 * The help card: the commands a person may use where they are, and — for those who nominate —
 * a button to start a nomination. The caller picks the commands and the language.
 */
import { renderCard, type CardAttachment } from '../render';
import template from './help.card.json' with { type: 'json' };

/** The card action that starts a nomination: Action.Execute, with an Action.Submit fallback. */
export const NEW_NOMINATION_VERB = 'nomination.new';

export interface HelpCardData {
  title: string;
  intro: string;
  commands: { keyword: string; description: string }[];
  /** Only for counsellors and casemanagers in a 1:1 chat. */
  newNomination?: { title: string };
}

export function helpCard(data: HelpCardData): CardAttachment {
  // The template tests `newNomination != null`; undefined would be left unbound.
  return renderCard(template, { ...data, newNomination: data.newNomination ?? null });
}
