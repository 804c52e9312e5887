/** The buttons of a status card, with their forms' labels, in the reader's language. */
import type { CardAction, CardStep, StatusCardData } from '../../cards/nomination-status/status.model';
import type { NominationStatusTexts } from '../i18n/nomination-status.nl';

/** What a form's sentence names from the nomination, as the reader writes dates; from the reader's view. */
export interface ActionContext {
  /** The latest evaluation (5.11): the one to confirm, or the joint one to convert after (4.9). */
  latestEvaluationOn?: string;
}

export function cardActions(
  steps: readonly CardStep[],
  texts: NominationStatusTexts,
  context: ActionContext = {},
): StatusCardData['actions'] {
  const a = texts.actions;
  const evaluatedOn = context.latestEvaluationOn ?? '';
  const outcomes = texts.card.creditOutcomes;
  const all: Record<CardStep, CardAction> = {
    acknowledge: { title: a.acknowledge.title },
    'propose-home': {
      title: a.proposeHome.title,
      confirm: a.proposeHome.confirm,
      hint: a.proposeHome.hint,
      labels: { homeDescription: a.proposeHome.homeDescription },
    },
    'confirm-suitable': { title: a.confirmSuitable.title },
    'reject-suitable': { title: a.rejectSuitable.title },
    'make-offer': {
      title: a.makeOffer.title,
      confirm: a.makeOffer.confirm,
      hint: a.makeOffer.hint,
      labels: { offerMadeOn: a.makeOffer.offerMadeOn },
    },
    'record-offer-answer': {
      title: a.recordOfferAnswer.title,
      confirm: a.recordOfferAnswer.confirm,
      hint: a.recordOfferAnswer.hint,
      labels: { offerAnswer: a.recordOfferAnswer.offerAnswer, offerAnsweredOn: a.recordOfferAnswer.offerAnsweredOn },
      choices: {
        offerAnswer: [
          { title: a.recordOfferAnswer.accepted, value: 'accepted' },
          { title: a.recordOfferAnswer.declined, value: 'declined' },
        ],
      },
    },
    'plan-intake': {
      title: a.planIntake.title,
      confirm: a.planIntake.confirm,
      hint: a.planIntake.hint,
      labels: { intakeOn: a.planIntake.intakeOn },
    },
    'record-credit-check': {
      title: a.recordCreditCheck.title,
      confirm: a.recordCreditCheck.confirm,
      hint: a.recordCreditCheck.hint,
      labels: {
        creditCheckOn: a.recordCreditCheck.creditCheckOn,
        creditOutcome: a.recordCreditCheck.creditOutcome,
        creditExtraConditions: a.recordCreditCheck.creditExtraConditions,
        creditAgreedWithCareProvider: a.recordCreditCheck.creditAgreedWithCareProvider,
      },
      choices: {
        creditOutcome: (['ok', 'elevated-risk', 'refused'] as const).map((value) => ({
          title: outcomes[value],
          value,
        })),
      },
    },
    'sign-lease': {
      title: a.signLease.title,
      confirm: a.signLease.confirm,
      hint: a.signLease.hint,
      labels: {
        leaseSignedOn: a.signLease.leaseSignedOn,
        leaseTemporaryUntil: a.signLease.leaseTemporaryUntil,
        leaseGuidanceUntil: a.signLease.leaseGuidanceUntil,
        leaseCounsellorPresent: a.signLease.leaseCounsellorPresent,
        leaseGuidanceEndMayBeShared: a.signLease.leaseGuidanceEndMayBeShared,
      },
    },
    'record-evaluation': {
      title: a.recordEvaluation.title,
      confirm: a.recordEvaluation.confirm,
      hint: a.recordEvaluation.hint,
      labels: {
        evaluationOn: a.recordEvaluation.evaluationOn,
        evaluationOutcome: a.recordEvaluation.evaluationOutcome,
      },
      choices: {
        evaluationOutcome: [
          { title: a.recordEvaluation.positive, value: 'positive' },
          { title: a.recordEvaluation.negative, value: 'negative' },
        ],
      },
    },
    'confirm-evaluation': {
      title: a.confirmEvaluation.title,
      confirm: a.confirmEvaluation.confirm,
      hint: a.confirmEvaluation.hint(evaluatedOn),
    },
    'convert-lease': {
      title: a.convertLease.title,
      confirm: a.convertLease.confirm,
      hint: a.convertLease.hint(evaluatedOn),
      labels: { leaseConvertedOn: a.convertLease.convertedOn },
    },
    refuse: {
      title: a.refuse.title,
      confirm: a.refuse.confirm,
      hint: a.refuse.hint,
      labels: { refusalReason: a.refuse.refusalReason },
    },
    withdraw: { title: a.withdraw.title, confirm: a.withdraw.confirm, hint: a.withdraw.hint },
  };
  return Object.fromEntries(steps.map((step) => [step, all[step]]));
}
