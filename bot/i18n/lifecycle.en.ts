/**
 * The lifecycle's own words in English: its states, and its refusals by code
 * (src/nomination/refusals.ts); keys as in lifecycle.nl.ts, whose Dutch comes from src/.
 */
import type { NominationState } from '../../src/nomination/nomination';
import type { FieldLabel, RefusalTexts } from '../../src/nomination/refusals';
import type { LifecycleTexts } from './lifecycle.nl';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-06-16" → "16 Jun 2025" */
export function englishDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

const states: Record<NominationState, string> = {
  draft: 'draft',
  registered: 'nominated',
  acknowledged: 'received by the housing association',
  'home-proposed': 'home proposed',
  'suitability-confirmed': 'home found suitable',
  'offer-made': 'home offered',
  'offer-accepted': 'offer accepted',
  'intake-planned': 'intake planned',
  'credit-checked': 'credit check done',
  'lease-signed': 'temporary lease signed',
  'lease-indefinite': 'indefinite lease',
  'not-eligible': 'does not meet the criteria',
  withdrawn: 'withdrawn',
  refused: 'refused by the housing association',
  'offer-declined': 'offer declined',
};

const fieldLabels: Record<FieldLabel, string> = {
  name: 'the name',
  'date-of-birth': 'the date of birth',
  'residency-from': 'the start date of the registration',
  'residency-to': 'the end date of the registration',
  'expected-end-of-care': 'the expected end date',
  motivation: 'the motivation',
  'housing-requirements': 'the housing requirements',
  'neighbourhood-requirements': 'the neighbourhood requirements',
  home: 'the home (address or description)',
  'offer-date': 'the date of the offer',
  'answer-date': 'the date of the answer',
  'intake-date': 'the date of the intake',
  'credit-check-date': 'the date of the credit check',
  'extra-conditions': 'the extra conditions',
  'conditions-agreed': 'the extra conditions were agreed with the care provider',
  'signing-date': 'the date of signing',
  'temporary-lease-end': 'the end of the temporary lease',
  'guidance-agreement-end': 'the end of the guidance agreement',
  'guidance-end-may-be-shared':
    'the guidance agreement allows telling the housing association of an early end or refusal of guidance',
  'counsellor-present': 'the counsellor or case manager was present at the signing',
  'evaluation-date': 'the date of the evaluation',
  'evaluation-positive': 'the evaluation is positive',
  'conversion-date': 'the date of conversion',
  'refusal-reason': 'the reason',
};

const label = (l: FieldLabel) => fieldLabels[l];
const Label = (l: FieldLabel) => fieldLabels[l].charAt(0).toUpperCase() + fieldLabels[l].slice(1);

const refusals: RefusalTexts = {
  'draft-roles-only': () => 'Only a counsellor or case manager can create a nomination.',
  'care-roles-only': () => 'Only the counsellor or case manager of the nominating organisation can take this step.',
  'landlord-role-only': () => "Only the housing association's fixed contact can take this step.",
  'care-or-landlord-roles-only': () =>
    'Only the counsellor, case manager or housing association of this nomination can take this step.',
  'not-nominating-organisation': () => 'Only the nominating organisation can take this step.',
  'not-addressed': () => 'This nomination is not addressed to your organisation.',
  'other-landlord-leads': () => 'Another housing association has proposed a home for this nomination.',
  'evaluation-by-other-side': () =>
    '4.9: the other party (care organisation or housing association) confirms this evaluation.',
  'not-found': () => 'This nomination does not exist (any more).',
  'wrong-state': ({ state }) => `This step is not possible now: the nomination is "${states[state]}".`,
  conflict: () => 'Someone else has just changed the nomination. Look at where it stands now and try again.',
  'unknown-step': () => 'Unknown step.',
  'payload-unreadable': () => 'The data of this step cannot be read.',
  required: (r) => `Please fill in ${label(r.label)}.`,
  'not-text': (r) => `${Label(r.label)} must be text.`,
  'too-long': (r) => `${Label(r.label)} is too long (at most ${r.max} characters).`,
  'invalid-date': (r) => `${Label(r.label)} is not a valid date (YYYY-MM-DD).`,
  'date-in-future': (r) => `${Label(r.label)} cannot be in the future.`,
  'yes-or-no': (r) => `Please indicate whether ${label(r.label)}.`,
  'choose-type': () => 'Choose covenant home or emergency home.',
  'choose-landlords': () => 'Choose the housing associations from the list.',
  'no-landlord': () => 'Choose at least one housing association this nomination may go to.',
  'verdict-unreadable': () => 'The check against the criteria (5.6) is missing or cannot be read.',
  'offer-once': () => '4.5: the candidate receives one offer only; that offer has been made.',
  'no-offer': () => 'There is no offer to answer.',
  'choose-offer-answer': () => 'Choose: offer accepted or declined.',
  'answer-before-offer': () => 'The answer cannot be before the offer.',
  'choose-credit-outcome': () => 'Choose the outcome of the credit check: approved, elevated risk or refused.',
  'conditions-not-agreed': () =>
    '5.9: the housing association sets extra conditions in consultation with the care provider.',
  'signing-before-credit-check': () => 'The date of signing cannot be before the credit check.',
  'lease-end-not-after-signing': () => '4.9: the temporary lease ends after the date of signing.',
  'lease-too-long': ({ latestEnd }) =>
    `4.9: the temporary lease lasts at most 2 years (until ${englishDate(latestEnd)} at the latest).`,
  'guidance-too-short': ({ earliestEnd }) =>
    `4.10: the guidance agreement runs for at least one year (until ${englishDate(earliestEnd)} at least).`,
  'counsellor-not-present': () => '5.10: the counsellor or case manager is present at the signing of the lease.',
  'evaluation-before-signing': () => 'The evaluation cannot be before the date the lease was signed.',
  'no-pending-evaluation': () => 'There is no positive evaluation waiting for confirmation.',
  'no-joint-evaluation': () =>
    '4.9: the lease can be made indefinite only after a joint positive evaluation by the care organisation and the housing association.',
  'conversion-before-evaluation': () => 'The conversion cannot be before the joint evaluation.',
};

export const lifecycleEn: LifecycleTexts = { states, fieldLabels, refusals };
