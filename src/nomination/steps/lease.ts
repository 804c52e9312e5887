/**
 * While the temporary lease runs: evaluations at least yearly (5.11), and conversion to an
 * indefinite lease after a joint positive evaluation (4.9). "Joint" is modelled as one side
 * (care organisation or landlord) recording a positive evaluation and the other confirming it.
 */
import { addYears, type IsoDate } from '../../time/dates';
import { sideOf } from '../actor';
import type { Evaluation, Nomination, NominationState } from '../nomination';
import { fail, fieldsOf, stepDate, requiredBoolean } from '../payload';
import { CARE_OR_LANDLORD, LANDLORD, type Transition, type TransitionName } from '../transition';

export const LEASE_STEPS = {
  'record-evaluation': {
    name: 'record-evaluation',
    article: '5.11',
    from: ['lease-signed'],
    to: ['lease-signed'],
    roles: CARE_OR_LANDLORD,
    run(n, payload, { actor, today }) {
      const p = fieldsOf(payload);
      const on = stepDate(p, 'on', 'evaluation-date', today, {
        earliest: { date: n.lease?.signedOn ?? today, refusal: { code: 'evaluation-before-signing' } },
      });
      const positive = requiredBoolean(p, 'positive', 'evaluation-positive');
      const evaluation: Evaluation = { on, positive, recordedBy: actor.contactId, recordedBySide: sideOf(actor.role) };
      return { ...n, evaluations: [...n.evaluations, evaluation] };
    },
  },

  'confirm-evaluation': {
    name: 'confirm-evaluation',
    article: '4.9',
    from: ['lease-signed'],
    to: ['lease-signed'],
    roles: CARE_OR_LANDLORD,
    refuseActor(n, actor) {
      const pending = pendingEvaluation(n);
      if (!pending) return undefined;
      const sameSide = pending.recordedBySide === sideOf(actor.role) || pending.recordedBy === actor.contactId;
      return sameSide ? { code: 'evaluation-by-other-side' } : undefined;
    },
    ready: (n) => pendingEvaluation(n) !== undefined,
    run(n, _payload, { actor, at }) {
      const pending = pendingEvaluation(n) ?? fail('evaluation', { code: 'no-pending-evaluation' });
      const confirmed = { ...pending, confirmedBy: actor.contactId, confirmedAt: at };
      return { ...n, evaluations: [...n.evaluations.slice(0, -1), confirmed] };
    },
  },

  'convert-lease': {
    name: 'convert-lease',
    article: '4.9',
    from: ['lease-signed'],
    to: ['lease-indefinite'],
    roles: LANDLORD,
    ready: (n) => jointPositiveEvaluation(n) !== undefined,
    run(n, payload, { today }) {
      const joint = jointPositiveEvaluation(n);
      if (!joint || !n.lease) fail('evaluations', { code: 'no-joint-evaluation' });
      // The indefinite lease may start later, e.g. when the temporary one ends.
      const convertedOn = stepDate(fieldsOf(payload), 'convertedOn', 'conversion-date', today, {
        mayLieAhead: true,
        earliest: { date: joint.on, refusal: { code: 'conversion-before-evaluation' } },
      });
      return { ...n, state: 'lease-indefinite', lease: { ...n.lease, convertedOn } };
    },
  },
} satisfies Partial<Record<TransitionName, Transition>>;

/** The latest evaluation, when it is positive and the other side has not confirmed it yet. */
export function pendingEvaluation(n: Nomination): Evaluation | undefined {
  const latest = n.evaluations.at(-1);
  return latest?.positive && !latest.confirmedBy ? latest : undefined;
}

/** 4.9: the latest evaluation is positive and confirmed by the other side. */
export function jointPositiveEvaluation(n: Nomination): Evaluation | undefined {
  const latest = n.evaluations.at(-1);
  return latest?.positive && latest.confirmedBy ? latest : undefined;
}

/**
 * 5.11: a year after the last evaluation (or the signing) while the temporary lease runs. Reads
 * only what a landlord's own records hold too (src/views/landlord-view.ts), so its card can show it.
 */
export function nextEvaluationDueOn(n: {
  state: NominationState;
  lease?: { signedOn: IsoDate } | undefined;
  evaluations: readonly { on: IsoDate }[];
}): IsoDate | undefined {
  if (n.state !== 'lease-signed' || !n.lease) return undefined;
  return addYears(n.evaluations.at(-1)?.on ?? n.lease.signedOn, 1);
}
