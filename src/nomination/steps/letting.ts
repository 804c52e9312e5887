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
import { dutchDate, LANDLORD, type Transition, type TransitionName } from '../transition';

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
      const on = requiredDate(fieldsOf(payload), 'on', 'de datum van de intake');
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
      const on = stepDate(p, 'on', 'de datum van de kredietcheck', today);
      const outcome = oneOf(
        p,
        'outcome',
        ['ok', 'elevated-risk', 'refused'] as const,
        'Kies de uitkomst van de kredietcheck: akkoord, verhoogd risico of geweigerd.',
      );
      if (outcome !== 'elevated-risk') {
        // 5.8: a refused check ends the nomination.
        return { ...n, state: outcome === 'refused' ? 'refused' : 'credit-checked', creditCheck: { on, outcome } };
      }
      // 5.9: extra conditions at elevated risk, set in consultation with the care provider.
      const extraConditions = requiredText(p, 'extraConditions', 'de extra voorwaarden', CONDITIONS_MAX);
      const agreedWithCareProvider = requiredTrue(
        p,
        'agreedWithCareProvider',
        'de extra voorwaarden met de zorgaanbieder zijn overlegd',
        '5.9: extra voorwaarden stelt de verhuurder in overleg met de zorgaanbieder.',
      );
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
      const signedOn = stepDate(p, 'signedOn', 'de tekendatum', today, {
        required: true,
        ...(n.creditCheck && {
          earliest: { date: n.creditCheck.on, message: 'De tekendatum kan niet vóór de kredietcheck liggen.' },
        }),
      });
      // 4.9: a temporary lease of at most two years.
      const temporaryUntil = requiredDate(p, 'temporaryUntil', 'het einde van de tijdelijke huur');
      if (compareDates(temporaryUntil, signedOn) <= 0) {
        fail('temporaryUntil', '4.9: het einde van de tijdelijke huur ligt na de tekendatum.');
      }
      const latestEnd = addYears(signedOn, 2);
      if (compareDates(temporaryUntil, latestEnd) > 0) {
        const message = `4.9: de tijdelijke huurovereenkomst duurt maximaal 2 jaar (tot uiterlijk ${dutchDate(latestEnd)}).`;
        fail('temporaryUntil', message);
      }
      // 4.10: the guidance agreement runs at least one year.
      const guidanceLabel = 'het einde van de woonbegeleidingsovereenkomst';
      const earliestEnd = addYears(signedOn, 1);
      const guidanceAgreementUntil = notBefore(
        requiredDate(p, 'guidanceAgreementUntil', guidanceLabel),
        earliestEnd,
        'guidanceAgreementUntil',
        `4.10: de woonbegeleidingsovereenkomst loopt ten minste één jaar (tot ten minste ${dutchDate(earliestEnd)}).`,
      );
      // 8.1, 10.5: whether the agreement lets the counsellor tell the landlord of an early end or refusal.
      const guidanceEndMayBeShared = requiredBoolean(
        p,
        'guidanceEndMayBeShared',
        'de woonbegeleidingsovereenkomst toestaat de verhuurder te informeren over een voortijdig einde of weigering van de begeleiding',
      );
      // 5.10: the counsellor or casemanager is present at the signing.
      requiredTrue(
        p,
        'counsellorPresent',
        'de begeleider of casemanager bij de ondertekening aanwezig was',
        '5.10: de begeleider of casemanager is aanwezig bij de ondertekening van de huurovereenkomst.',
      );
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
