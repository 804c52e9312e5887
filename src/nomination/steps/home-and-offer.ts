/**
 * A home, its suitability and the one-time offer (4.3, 4.5, 5.3): the candidate receives one
 * offer, and only after the care organisation has said the home is suitable.
 */
import { fail, fieldsOf, oneOf, stepDate, requiredText } from '../payload';
import { CARE, CARE_OR_LANDLORD, LANDLORD, type Transition, type TransitionName } from '../transition';

const HOME_DESCRIPTION_MAX = 300;

export const HOME_AND_OFFER_STEPS = {
  'propose-home': {
    name: 'propose-home',
    article: '4.3, 5.3',
    from: ['acknowledged'],
    to: ['home-proposed'],
    roles: LANDLORD,
    run(n, payload, { actor, at }) {
      const description = requiredText(fieldsOf(payload), 'description', 'home', HOME_DESCRIPTION_MAX);
      const proposedHome = { landlordId: actor.partyId, description, proposedAt: at, proposedBy: actor.contactId };
      return { ...n, state: 'home-proposed', proposedHome };
    },
  },

  // 4.5: the offer only follows once the care organisation finds the home suitable.
  'confirm-suitable': {
    name: 'confirm-suitable',
    article: '4.5',
    from: ['home-proposed'],
    to: ['suitability-confirmed'],
    roles: CARE,
    run: (n, _payload, { at }) => ({ ...n, state: 'suitability-confirmed', suitabilityConfirmedAt: at }),
  },

  // 4.5: not suitable, so no offer; any addressed landlord may propose another home.
  'reject-suitable': {
    name: 'reject-suitable',
    article: '4.5',
    from: ['home-proposed'],
    to: ['acknowledged'],
    roles: CARE,
    run(n) {
      const { proposedHome: _home, suitabilityConfirmedAt: _confirmed, ...rest } = n;
      return { ...rest, state: 'acknowledged' };
    },
  },

  'make-offer': {
    name: 'make-offer',
    article: '4.5',
    from: ['suitability-confirmed'],
    to: ['offer-made'],
    roles: LANDLORD,
    run(n, payload, { actor, today }) {
      // 4.5 "eenmalig": the states already prevent a second offer; this guards the data too.
      if (n.offer) fail('offer', { code: 'offer-once' });
      const madeOn = stepDate(fieldsOf(payload), 'madeOn', 'offer-date', today);
      return { ...n, state: 'offer-made', offer: { landlordId: actor.partyId, madeOn } };
    },
  },

  // Either side may record the candidate's answer: it reaches whoever the candidate tells.
  'record-offer-answer': {
    name: 'record-offer-answer',
    article: '4.5',
    from: ['offer-made'],
    to: ['offer-accepted', 'offer-declined'],
    roles: CARE_OR_LANDLORD,
    run(n, payload, { today }) {
      const p = fieldsOf(payload);
      const offer = n.offer ?? fail('offer', { code: 'no-offer' });
      const answer = oneOf(p, 'answer', ['accepted', 'declined'] as const, { code: 'choose-offer-answer' });
      const answeredOn = stepDate(p, 'answeredOn', 'answer-date', today, {
        earliest: { date: offer.madeOn, refusal: { code: 'answer-before-offer' } },
      });
      // 4.5: a declined offer is final — the decline closes the nomination.
      const state = answer === 'accepted' ? 'offer-accepted' : 'offer-declined';
      return { ...n, state, offer: { ...offer, answer, answeredOn } };
    },
  },
} satisfies Partial<Record<TransitionName, Transition>>;
