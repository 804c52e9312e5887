/**
 * The nomination status card: one template, two role views. A landlord's card is filled from the
 * LandlordView only (10.6); a counsellor's from the OrganisationView. The bot fills in every text
 * (bot/nomination-card/), in the reader's language; this file only fixes the card's shape and
 * the card-action verbs and input ids that the handlers read back.
 */
import type { TransitionName } from '../../src/nomination/transitions';
import { renderCard, type CardAttachment } from '../render';
import { signalFormAction, type SignalFormData } from '../signal/signal.model';
import busyTemplate from './busy.card.json' with { type: 'json' };
import template from './status.card.json' with { type: 'json' };

/** The steps a status card offers: every step but submit (the nomination card's). In the card's order. */
export const CARD_STEPS = [
  'acknowledge',
  'propose-home',
  'confirm-suitable',
  'reject-suitable',
  'make-offer',
  'record-offer-answer',
  'plan-intake',
  'record-credit-check',
  'sign-lease',
  'record-evaluation',
  'confirm-evaluation',
  'convert-lease',
  'refuse',
  'withdraw',
] as const satisfies readonly TransitionName[];
export type CardStep = (typeof CARD_STEPS)[number];

export const stepVerb = (step: CardStep) => `nomination.${step}` as const;

/** "Open" on a queue entry: show the status card for the one who asks. */
export const OPEN_NOMINATION_VERB = 'nomination.open';

/**
 * Input ids, unique across the card (two forms can be open at once, e.g. intake and credit
 * check after an accepted offer); the handlers map them back to the step's payload fields.
 */
export const INPUT_IDS = {
  homeDescription: 'homeDescription',
  offerMadeOn: 'offerMadeOn',
  offerAnswer: 'offerAnswer',
  offerAnsweredOn: 'offerAnsweredOn',
  intakeOn: 'intakeOn',
  creditCheckOn: 'creditCheckOn',
  creditOutcome: 'creditOutcome',
  creditExtraConditions: 'creditExtraConditions',
  creditAgreedWithCareProvider: 'creditAgreedWithCareProvider',
  leaseSignedOn: 'leaseSignedOn',
  leaseTemporaryUntil: 'leaseTemporaryUntil',
  leaseGuidanceUntil: 'leaseGuidanceUntil',
  leaseCounsellorPresent: 'leaseCounsellorPresent',
  leaseGuidanceEndMayBeShared: 'leaseGuidanceEndMayBeShared',
  evaluationOn: 'evaluationOn',
  evaluationOutcome: 'evaluationOutcome',
  leaseConvertedOn: 'leaseConvertedOn',
  refusalReason: 'refusalReason',
} as const;

export interface Fact {
  title: string;
  value: string;
}

export interface Choice {
  title: string;
  value: string;
}

/** A button: its title, and for a step with inputs the form's labels (keys of INPUT_IDS) and the confirm button. */
export interface CardAction {
  title: string;
  confirm?: string;
  labels?: Partial<Record<keyof typeof INPUT_IDS, string>>;
  /** Input.ChoiceSet choices, by input. */
  choices?: Partial<Record<keyof typeof INPUT_IDS, Choice[]>>;
  /** A sentence above the form, e.g. the covenant rule it records. */
  hint?: string;
}

export interface StatusCardData {
  role: 'landlord' | 'counsellor';
  nominationId: string;
  version: number;
  /** Default for date inputs: today in the covenant's time zone. */
  today: string;
  /** Shown under a required input left empty. */
  requiredMessage: string;
  title: string;
  subtitle: string;
  stateTitle: string;
  stateLabel: string;
  /** About what just happened with this reader's action (stale card, refused input): shown in attention. */
  note?: string;
  /** About the nomination itself, e.g. "another landlord proposed a home". */
  notice?: string;
  /** "Ontvangst bevestigd door X op …" */
  acknowledgement?: string;
  personTitle: string;
  personFacts: Fact[];
  /** Landlord view: checklist complete, budget management, debt arrangement (5.6h, j). */
  checklistTitle: string;
  checklistFacts: Fact[];
  /** Counsellor view: each landlord's acknowledgement and queue position. */
  landlordsTitle: string;
  landlordFacts: Fact[];
  progressTitle: string;
  progressFacts: Fact[];
  actions: Partial<Record<CardStep, CardAction>>;
  /** 8.1, 8.2, 10.5: the "Signaal" form, on a tenancy's card for its landlord and its organisation. */
  signal?: SignalFormData;
}

export function nominationStatusCard(data: StatusCardData): CardAttachment {
  // The template tests `x != null` (undefined would be left unbound), and reads camelCase keys.
  const actions = Object.fromEntries(CARD_STEPS.map((step) => [camelCase(step), data.actions[step] ?? null]));
  const offered = CARD_STEPS.filter((step) => data.actions[step] !== undefined);
  const card = renderCard(templateWith(offered), {
    ...data,
    note: data.note ?? null,
    notice: data.notice ?? null,
    acknowledgement: data.acknowledgement ?? null,
    actions,
  });
  if (!data.signal) return card;
  // Its own template (cards/signal/), appended: signals are no step of the lifecycle.
  const cardActions = (card.content.actions as unknown[] | undefined) ?? [];
  return { ...card, content: { ...card.content, actions: [...cardActions, signalFormAction(data.signal)] } };
}

const templates = new Map<string, object>();

/**
 * The template without the forms of steps not offered. Their `$when` would drop them anyway, but
 * the templating library parses every expression it meets, and the forms hold most of them: this
 * keeps a render from taking a tenth of a second.
 */
function templateWith(offered: readonly CardStep[]): object {
  const key = offered.join(',');
  let pruned = templates.get(key);
  if (!pruned) {
    const wanted = new Set(offered.map((step) => `\${actions.${camelCase(step)} != null}`));
    const actions = (template.actions as { $when?: string }[]).filter(
      (a) => a.$when === undefined || wanted.has(a.$when),
    );
    pruned = { ...template, actions };
    templates.set(key, pruned);
  }
  return pruned;
}

function camelCase(step: CardStep): string {
  return step.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}

export interface BusyCardData {
  title: string;
  text: string;
}

/** Shown in the card's place when the database is slow: the real card follows when the work is done. */
export function nominationBusyCard(data: BusyCardData): CardAttachment {
  return renderCard(busyTemplate, data);
}
