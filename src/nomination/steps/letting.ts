/** From the accepted offer to the signed temporary lease (4.4, 4.9, 4.10, 5.3, 5.8–5.10). */
import { addYears, compareDates } from '../../time/dates';
import {
  fail,
  fieldsOf,
  notBefore,
  oneOf,
  stepDate,
  requiredBoolean,
  requiredDate,
  requiredText,
  requiredTrue,
} from '../payload';
import { LANDLORD, type Transition, type TransitionName } from '../transition';

const CONDITIONS_MAX = 1000;

export const LETTING_STEPS = {
  // 4.4: the landlord offers an intake by a housing consultant; 5.3: the counsellor attends.
  'plan-intake': {
    name: 'plan-intake',
    article: '4.4, 5.3',
    from: ['offer-accepted', 'intake-planned'], // re-planning moves the date
    to: ['intake-planned'],
    roles: LANDLORD,
    run(n, payload) {
      const on = requiredDate(fieldsOf(payload), 'on', 'intake-date');
      return { ...n, state: 'intake-planned', intake: { on } };
    },
  },

  'record-credit-check': {
    name: 'record-credit-check',
    article: '5.8, 5.9',
    // 4.4: the intake is "naar behoefte", so the check may follow the accepted offer directly.
    from: ['offer-accepted', 'intake-planned'],
    to: ['credit-checked', 'refused'],
    roles: LANDLORD,
    run(n, payload, { today }) {
      const p = fieldsOf(payload);
      const on = stepDate(p, 'on', 'credit-check-date', today);
      const outcome = oneOf(p, 'outcome', ['ok', 'elevated-risk', 'refused'] as const, {
        code: 'choose-credit-outcome',
      });
      if (outcome !== 'elevated-risk') {
        // 5.8: a refused check ends the nomination.
        return { ...n, state: outcome === 'refused' ? 'refused' : 'credit-checked', creditCheck: { on, outcome } };
      }
      // 5.9: extra conditions at elevated risk, set in consultation with the care provider.
      const extraConditions = requiredText(p, 'extraConditions', 'extra-conditions', CONDITIONS_MAX);
      const agreedWithCareProvider = requiredTrue(p, 'agreedWithCareProvider', 'conditions-agreed', {
        code: 'conditions-not-agreed',
      });
      return { ...n, state: 'credit-checked', creditCheck: { on, outcome, extraConditions, agreedWithCareProvider } };
    },
  },

  'sign-lease': {
    name: 'sign-lease',
    article: '4.9, 4.10, 5.10',
    from: ['credit-checked'],
    to: ['lease-signed'],
    roles: LANDLORD,
    run(n, payload, { actor, today }) {
      const p = fieldsOf(payload);
      const signedOn = stepDate(p, 'signedOn', 'signing-date', today, {
        required: true,
        ...(n.creditCheck && {
          earliest: { date: n.creditCheck.on, refusal: { code: 'signing-before-credit-check' } },
        }),
      });
      // 4.9: a temporary lease of at most two years.
      const temporaryUntil = requiredDate(p, 'temporaryUntil', 'temporary-lease-end');
      if (compareDates(temporaryUntil, signedOn) <= 0) fail('temporaryUntil', { code: 'lease-end-not-after-signing' });
      const latestEnd = addYears(signedOn, 2);
      if (compareDates(temporaryUntil, latestEnd) > 0) fail('temporaryUntil', { code: 'lease-too-long', latestEnd });
      // 4.10: the guidance agreement runs at least one year.
      const earliestEnd = addYears(signedOn, 1);
      const guidanceAgreementUntil = notBefore(
        requiredDate(p, 'guidanceAgreementUntil', 'guidance-agreement-end'),
        earliestEnd,
        'guidanceAgreementUntil',
        { code: 'guidance-too-short', earliestEnd },
      );
      // 8.1, 10.5: whether the agreement lets the counsellor tell the landlord of an early end or refusal.
      const guidanceEndMayBeShared = requiredBoolean(p, 'guidanceEndMayBeShared', 'guidance-end-may-be-shared');
      // 5.10: the counsellor or casemanager is present at the signing.
      requiredTrue(p, 'counsellorPresent', 'counsellor-present', { code: 'counsellor-not-present' });
      const lease = {
        landlordId: actor.partyId,
        signedOn,
        temporaryUntil,
        guidanceAgreementUntil,
        guidanceEndMayBeShared,
      };
      return { ...n, state: 'lease-signed', lease };
    },
  },
} satisfies Partial<Record<TransitionName, Transition>>;
