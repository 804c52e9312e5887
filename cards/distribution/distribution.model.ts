/**
 * The "verdeling" card (3, 9): the year's homes per landlord against leases, the exchanges, and —
 * for the platform coordinator only — inputs to set the homes and to record an exchange.
 * Everyone else gets the same card without inputs and buttons.
 */
import type { FigureRow } from '../digest/digest.model';
import { renderCard, type CardAttachment } from '../render';
import template from './distribution.card.json' with { type: 'json' };

export const SAVE_HOMES_VERB = 'distribution.save-homes';
export const RECORD_EXCHANGE_VERB = 'distribution.exchange';

/** The id of the homes input for a landlord; card inputs come back under their id. */
export function homesInputId(landlordId: string): string {
  return `homes_${landlordId}`;
}
export const EXCHANGE_INPUTS = {
  from: 'exchangeFrom',
  to: 'exchangeTo',
  homes: 'exchangeHomes',
  note: 'exchangeNote',
} as const;
export const EXCHANGE_NOTE_MAX = 200;

export interface DistributionEdit {
  homesHeading: string;
  homes: { id: string; label: string; value: number }[];
  saveTitle: string;
  exchangeHeading: string;
  fromLabel: string;
  toLabel: string;
  exchangeHomesLabel: string;
  noteLabel: string;
  landlordChoices: { title: string; value: string }[];
  exchangeTitle: string;
  /** Sent back with either button: the year shown and the version the figures were read at. */
  year: number;
  version: number;
}

export interface DistributionCardData {
  title: string;
  intro: string;
  /** The outcome of the last action; '' for none. */
  message: string;
  messageColor: 'Good' | 'Attention' | 'Default';
  rows: FigureRow[];
  exchangesHeading: string;
  exchanges: { text: string }[];
  edit: DistributionEdit | undefined;
}

export function distributionCard(data: DistributionCardData): CardAttachment {
  // The template tests `edit != null`; undefined would be left unbound.
  return renderCard(template, {
    ...data,
    edit: data.edit ?? null,
    inputs: { ...EXCHANGE_INPUTS, noteMax: EXCHANGE_NOTE_MAX },
    verbs: { save: SAVE_HOMES_VERB, exchange: RECORD_EXCHANGE_VERB },
  });
}
