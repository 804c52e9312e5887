/**
 * The signal card (8.1, 8.2, 10.5): what the receiving side gets at once, with "Ontvangst
 * bevestigen", and what the sender keeps, showing who confirmed and when — one template, filled
 * in by the bot (bot/signals/) in the reader's language. And the "Signaal" form that the status
 * card of a tenancy carries (signal-form.action.json), with the verbs and input ids the handlers
 * read back.
 */
import { renderCard, type CardAttachment } from '../render';
import formTemplate from './signal-form.action.json' with { type: 'json' };
import template from './signal.card.json' with { type: 'json' };

export const SIGNAL_SEND_VERB = 'signal.send';
export const SIGNAL_ACKNOWLEDGE_VERB = 'signal.acknowledge';

/** The form's input ids: unique on the status card that carries the form. */
export const SIGNAL_INPUT_IDS = {
  kind: 'signalKind',
  amount: 'signalAchterstandBedrag',
  since: 'signalAchterstandSinds',
  note: 'signalNote',
} as const;

export interface Fact {
  title: string;
  value: string;
}

export interface SignalCardData {
  signalId: string;
  title: string;
  subtitle: string;
  /** About the reader's own action (e.g. a refused acknowledgement). */
  note?: string;
  facts: Fact[];
  /** 8.1, 10.5: the guidance agreement allows telling this; no treatment content is shared. */
  guidanceNotice?: string;
  /** "Ontvangst bevestigd door … op …" or "nog niet bevestigd". */
  status: string;
  acknowledged: boolean;
  /** 10.6: no treatment or justice content in signals. */
  privacyReminder: string;
  /** The receiver's button, while nobody has confirmed receipt. */
  acknowledgeTitle?: string;
}

export function signalCard(data: SignalCardData): CardAttachment {
  return renderCard(template, {
    ...data,
    note: data.note ?? null,
    guidanceNotice: data.guidanceNotice ?? null,
    acknowledgeTitle: data.acknowledgeTitle ?? null,
    statusColor: data.acknowledged ? 'Good' : 'Warning',
  });
}

export interface SignalFormData {
  nominationId: string;
  title: string;
  hint: string;
  /** Why the guidance kinds (8.1, 10.5) are not offered, when they are not. */
  guidanceHint?: string;
  /** 10.6, shown beside the note. */
  warning: string;
  requiredMessage: string;
  /** Latest date for "achterstand sinds". */
  today: string;
  kinds: { title: string; value: string }[];
  /** amount and since only where arrears can be chosen. */
  labels: { kind: string; note: string; amount?: string; since?: string };
  confirm: string;
}

/** The "Signaal" button with its form, as an action for the status card's actions. */
export function signalFormAction(data: SignalFormData): Record<string, unknown> {
  const bound = renderCard(formTemplate, {
    ...data,
    guidanceHint: data.guidanceHint ?? null,
    labels: { amount: null, since: null, ...data.labels },
  });
  return bound.content;
}
