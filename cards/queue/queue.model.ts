/**
 * "wachtrij": a landlord's queue in covenant order (5.4), each entry from the LandlordView only
 * (10.6), with an "Open" button for its status card. The bot fills in every text.
 */
import { OPEN_NOMINATION_VERB } from '../nomination-status/status.model';
import { renderCard, type CardAttachment } from '../render';
import template from './queue.card.json' with { type: 'json' };

export { OPEN_NOMINATION_VERB };

export interface QueueEntryData {
  nominationId: string;
  /** e.g. "1. Jan Jansen" */
  heading: string;
  /** Past the three-month target date (5.4): a line in attention colour. */
  overdue?: string;
  facts: { title: string; value: string }[];
  openTitle: string;
}

export interface QueueCardData {
  title: string;
  intro: string;
  /** Shown when nobody waits. */
  empty: string;
  entries: QueueEntryData[];
  /** "… and 12 more": a card has a size limit, so a long queue is cut. */
  more?: string;
}

export function queueCard(data: QueueCardData): CardAttachment {
  return renderCard(template, {
    ...data,
    entries: data.entries.map((entry) => ({ ...entry, overdue: entry.overdue ?? null })),
    more: data.more ?? null,
  });
}
