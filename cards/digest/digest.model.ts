/**
 * The platform digest card (art. 3, 11): the weekly overview and the answer to "status".
 * Counts only (10.2). The bot fills every text in the reader's language; the card only lays
 * out sections of text-bar rows and facts.
 */
import { renderCard, type CardAttachment } from '../render';
import template from './digest.card.json' with { type: 'json' };

export interface FigureRow {
  label: string;
  /** A text bar, e.g. "■■■■□□ 4/6" (text-bar.ts). */
  bar: string;
  /** A line under the bar; '' for none. */
  detail: string;
}

export interface Fact {
  title: string;
  value: string;
}

export interface DigestSection {
  heading: string;
  rows: FigureRow[];
  facts: Fact[];
  /** A plain remark under the section; '' for none. */
  remark: string;
  /** A remark that asks for attention (6.4's consultation); '' for none. */
  note: string;
}

export interface DigestCardData {
  title: string;
  subtitle: string;
  sections: DigestSection[];
}

export function digestCard(data: DigestCardData): CardAttachment {
  return renderCard(template, data);
}
