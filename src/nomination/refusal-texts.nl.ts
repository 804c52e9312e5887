/**
 * The lifecycle's refusals in Dutch, by code (refusals.ts): the `message` of every LifecycleError,
 * and the Dutch text the bot shows (bot/i18n/lifecycle-refusals.nl.ts uses this table).
 */
import { refusalText, type FieldLabel, type Refusal, type RefusalTexts } from './refusals';
import { STATE_LABELS_NL } from './states';
import { dutchDate } from './transition';

export const FIELD_LABELS_NL: Record<FieldLabel, string> = {
  name: 'de naam',
  'date-of-birth': 'de geboortedatum',
  'residency-from': 'de begindatum van de inschrijving',
  'residency-to': 'de einddatum van de inschrijving',
  'expected-end-of-care': 'de verwachte einddatum',
  motivation: 'de motivering',
  'housing-requirements': 'de woonwensen',
  'neighbourhood-requirements': 'de wensen voor de woonomgeving',
  home: 'de woning (adres of omschrijving)',
  'offer-date': 'de datum van het aanbod',
  'answer-date': 'de datum van het antwoord',
  'intake-date': 'de datum van de intake',
  'credit-check-date': 'de datum van de kredietcheck',
  'extra-conditions': 'de extra voorwaarden',
  'conditions-agreed': 'de extra voorwaarden met de zorgaanbieder zijn overlegd',
  'signing-date': 'de tekendatum',
  'temporary-lease-end': 'het einde van de tijdelijke huur',
  'guidance-agreement-end': 'het einde van de woonbegeleidingsovereenkomst',
  'guidance-end-may-be-shared':
    'de woonbegeleidingsovereenkomst toestaat de verhuurder te informeren over een voortijdig einde of weigering van de begeleiding',
  'counsellor-present': 'de begeleider of casemanager bij de ondertekening aanwezig was',
  'evaluation-date': 'de datum van de evaluatie',
  'evaluation-positive': 'de evaluatie positief is',
  'conversion-date': 'de datum van omzetting',
  'refusal-reason': 'de reden',
};

const label = (l: FieldLabel) => FIELD_LABELS_NL[l];
const Label = (l: FieldLabel) => capitalise(FIELD_LABELS_NL[l]);

export const REFUSAL_TEXTS_NL: RefusalTexts = {
  'draft-roles-only': () => 'Alleen een begeleider of casemanager kan een aanmelding maken.',
  'care-roles-only': () => 'Alleen de begeleider of casemanager van de aanmeldende organisatie kan deze stap zetten.',
  'landlord-role-only': () => 'Alleen de vaste contactpersoon van de verhuurder kan deze stap zetten.',
  'care-or-landlord-roles-only': () =>
    'Alleen de begeleider, casemanager of verhuurder van deze aanmelding kan deze stap zetten.',
  'not-nominating-organisation': () => 'Alleen de aanmeldende organisatie kan deze stap zetten.',
  'not-addressed': () => 'Deze aanmelding is niet aan uw organisatie gericht.',
  'other-landlord-leads': () => 'Een andere verhuurder heeft voor deze aanmelding een woning voorgesteld.',
  'evaluation-by-other-side': () => '4.9: de andere partij (zorgorganisatie of verhuurder) bevestigt deze evaluatie.',
  'not-found': () => 'Deze aanmelding bestaat niet (meer).',
  'wrong-state': ({ state }) => `Deze stap kan nu niet: de aanmelding staat op "${STATE_LABELS_NL[state]}".`,
  conflict: () => 'Iemand anders heeft de aanmelding net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.',
  'unknown-step': () => 'Onbekende stap.',
  'payload-unreadable': () => 'De gegevens van deze stap zijn onleesbaar.',
  required: (r) => `Vul ${label(r.label)} in.`,
  'not-text': (r) => `${Label(r.label)} moet tekst zijn.`,
  'too-long': (r) => `${Label(r.label)} is te lang (maximaal ${r.max} tekens).`,
  'invalid-date': (r) => `${Label(r.label)} is geen geldige datum (JJJJ-MM-DD).`,
  'date-in-future': (r) => `${Label(r.label)} kan niet in de toekomst liggen.`,
  'yes-or-no': (r) => `Geef aan of ${label(r.label)}.`,
  'choose-type': () => 'Kies convenantwoning of noodwoning.',
  'choose-landlords': () => 'Kies de verhuurders uit de lijst.',
  'no-landlord': () => 'Kies ten minste één verhuurder waaraan deze aanmelding mag worden gedaan.',
  'verdict-unreadable': () => 'De toets aan de criteria (5.6) ontbreekt of is onleesbaar.',
  'offer-once': () => '4.5: de kandidaat ontvangt eenmalig een woningaanbod; dat aanbod is al gedaan.',
  'no-offer': () => 'Er is geen woningaanbod om op te antwoorden.',
  'choose-offer-answer': () => 'Kies: aanbod aangenomen of afgewezen.',
  'answer-before-offer': () => 'Het antwoord kan niet vóór het aanbod liggen.',
  'choose-credit-outcome': () => 'Kies de uitkomst van de kredietcheck: akkoord, verhoogd risico of geweigerd.',
  'conditions-not-agreed': () => '5.9: extra voorwaarden stelt de verhuurder in overleg met de zorgaanbieder.',
  'signing-before-credit-check': () => 'De tekendatum kan niet vóór de kredietcheck liggen.',
  'lease-end-not-after-signing': () => '4.9: het einde van de tijdelijke huur ligt na de tekendatum.',
  'lease-too-long': ({ latestEnd }) =>
    `4.9: de tijdelijke huurovereenkomst duurt maximaal 2 jaar (tot uiterlijk ${dutchDate(latestEnd)}).`,
  'guidance-too-short': ({ earliestEnd }) =>
    `4.10: de woonbegeleidingsovereenkomst loopt ten minste één jaar (tot ten minste ${dutchDate(earliestEnd)}).`,
  'counsellor-not-present': () =>
    '5.10: de begeleider of casemanager is aanwezig bij de ondertekening van de huurovereenkomst.',
  'evaluation-before-signing': () => 'De evaluatie kan niet vóór de tekendatum van de huurovereenkomst liggen.',
  'no-pending-evaluation': () => 'Er is geen positieve evaluatie die op bevestiging wacht.',
  'no-joint-evaluation': () =>
    '4.9: omzetten naar onbepaalde tijd kan pas na een gezamenlijke positieve evaluatie van zorgorganisatie en verhuurder.',
  'conversion-before-evaluation': () => 'De omzetting kan niet vóór de gezamenlijke evaluatie liggen.',
};

/** The Dutch sentence of a refusal. */
export function refusalNl(refusal: Refusal): string {
  return refusalText(REFUSAL_TEXTS_NL, refusal);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
