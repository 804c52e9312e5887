/**
 * Dutch texts of the nomination card, the verdict card and "mijn aanmeldingen". Labels use the
 * covenant's own words (5.3, 5.6, 5.7, art. 6), so a counsellor recognises the criteria.
 * Wired into nl.ts as `nomination`; nomination.en.ts has the same keys.
 */
import type { ChecklistItem, NominationState, NominationType } from '../../src/nomination/nomination';
import type { VerdictKind } from '../../src/eligibility/verdict';
import type { VerdictReason } from '../../src/eligibility/verdict';
import { CHECKLIST_ALLOWED_EXCEPTIONS, type ExceptionItem } from '../../src/eligibility/checklist';
import { STATE_LABELS_NL } from '../../src/nomination/states';
import type { FormErrorCode } from '../nomination/form-errors';

export const nominationNl = {
  form: {
    title: 'Aanmelding kandidaat huurder',
    step: (step: number, of: number, title: string) => `Stap ${step} van ${of}: ${title}`,
    stepTitles: ['Kandidaat en huishouden', 'Woonperiodes, wensen en verhuurders', 'Toetsingscriteria (5.6)'],
    requiredNote: 'Velden met * zijn nodig om in te dienen. Met Opslaan bewaar je een concept.',
    saved: 'Concept opgeslagen. Je vindt het terug met "mijn aanmeldingen".',
    notSaved: 'Niet opgeslagen: kijk naar de meldingen bij de velden.',
    storeUnavailable:
      'Convenantbot is tijdelijk niet beschikbaar: er is niets opgeslagen. Je antwoorden staan nog op deze kaart; druk over een paar minuten opnieuw op de knop.',
    completeEarlierStep: 'Deze stap is nog niet compleet. Vul hem aan en ga dan verder.',
    expired: 'Deze kaart hoort bij een oude aanmelding. Typ "aanmelden" om verder te gaan.',
    conflict:
      'Niet opgeslagen: iemand anders heeft dit concept net gewijzigd. Kijk je antwoorden na en probeer het opnieuw.',
    notAllowed: 'Alleen een begeleider of casemanager van de aanmeldende organisatie kan dit concept wijzigen.',
    choose: 'Kies…',
    yes: 'Ja',
    no: 'Nee',
    buttons: { save: 'Opslaan', next: 'Volgende', back: 'Vorige', submit: 'Indienen' },
    type: {
      label: 'Soort woning *',
      choices: {
        convenantwoning: 'Convenantwoning',
        noodwoning: 'Noodwoning: gezin met inwonende minderjarige kinderen (1l, art. 6)',
      } satisfies Record<NominationType, string>,
    },
    candidateName: 'Naam kandidaat huurder *',
    dateOfBirth: 'Geboortedatum',
    adults: 'Aantal volwassenen in het huishouden *',
    minorChildren: 'Aantal inwonende minderjarige kinderen *',
    expectedEndOfIntramuralCare: 'Vermoedelijke einddatum intramurale begeleiding en/of behandeling (5.3)',
    wlzFunded: 'Wordt de woonvoorziening gefinancierd op grond van de Wet langdurige zorg (Wlz)? *',
    expectedToLiveIndependently: 'Is de kandidaat naar verwachting in staat om zelfstandig te wonen (4.1)? *',
    boundaryCrossing:
      'Is er sprake van grensoverschrijdend gedrag (o.a. fraude, ondermijning) van één van de leden van het gezin (4.2)? *',
    residencyHeading: 'Woonperiodes in Leidschendam-Voorburg (1c)',
    residencyHint:
      'Zes jaar inwoner, of in de afgelopen tien jaar zes jaar onafgebroken. Laat "tot" leeg als de kandidaat er nog woont.',
    residencyFrom: (n: number) => `Periode ${n}: van${n === 1 ? ' *' : ''}`,
    residencyTo: (n: number) => `Periode ${n}: tot`,
    residencyMaatwerkMotivation: 'Motivering voor maatwerk bij korter inwonerschap (1c)',
    woonnet: '5.6b Staat ingeschreven bij Woonnet Haaglanden *',
    woonnetNo: 'Nee (alleen een woning van Stichting Duivenvoorde is dan mogelijk)',
    requirementsHeading: 'Woon- en woonomgevingsvereisten (5.7)',
    housing: 'Woonvereisten (bijv. gelijkvloers, aantal kamers)',
    neighbourhood: 'Woonomgevingsvereisten (bijv. wijk, afstand tot begeleiding)',
    landlords: 'Aanmelden bij de sociale verhuurders *',
    landlordsNoodwoning: 'Aanmelden bij de sociale verhuurders (leeg: alle verhuurders die mogen, 6.3 en 6.4)',
    noodwoningHeading: 'Noodwoning (art. 6)',
    referredByGgd: 'Is het gezin toegeleid door het Meldpunt Zorgwekkend gedrag van GGD Haaglanden (6.1)? *',
    evictingLandlord: 'Bij welke sociale verhuurder vond de (dreigende) huisuitzetting plaats (6.3)?',
    noEvictingLandlord: 'Geen sociale verhuurder',
    checklistIntro: 'Bevestig per criterium wat geldt. Alleen je antwoord wordt opgeslagen, niet de feiten erachter.',
    checklistItem: (item: ChecklistItem, text: string) => `5.6${item} De kandidaat ${text} *`,
    checklistTexts: {
      a: 'beschikt over een geldig legitimatiebewijs',
      b: 'staat ingeschreven bij Woonnet Haaglanden',
      c: 'is inwoner van Leidschendam-Voorburg',
      d: 'beschikt niet over passende huisvesting en er is geen reden hem/haar (semi-)intramuraal te huisvesten',
      e: 'is in staat om zelfstandig te wonen',
      f: 'is voldoende (financieel) zelfredzaam',
      g: 'beschikt over een inkomen om de huur te kunnen betalen',
      h: 'heeft indien nodig een regeling voor schuldsanering',
      i: 'heeft ingestemd met een woonbegeleidingsplan',
      j: 'ontvangt verplicht budgetbeheer',
      k: 'is niet binnen de afgelopen drie jaar uit een woning gezet (vanwege overlast, fraude of ondermijning)',
      l: 'heeft geen TBS-maatregel',
    } satisfies Record<ChecklistItem, string>,
    status: {
      met: 'Voldoet',
      notMet: 'Voldoet niet',
      exception: (text: string) => `Uitzondering: ${text}`,
      notApplicable: 'Niet van toepassing: geen regeling nodig',
    },
    exceptions: CHECKLIST_ALLOWED_EXCEPTIONS satisfies Record<ExceptionItem, string>,
    cException: 'Uitzondering: maatwerk bij korter inwonerschap (1c); motiveer hierboven',
    budgetMotivation: '5.6j Motivering om af te wijken van budgetbeheer (nodig bij een uitzondering)',
    evicted: '5.6k Is de kandidaat ooit uit een woning gezet (vanwege overlast, fraude of ondermijning)? *',
    evictedNo: 'Nee',
    evictedYes: 'Ja, op de datum hieronder',
    evictedKeep: (answer: string) => `Zoals eerder vastgelegd: ${answer}`,
    lastEvictionOn: 'Datum van de laatste huisuitzetting',
    lastEvictionNote:
      'Deze datum wordt niet opgeslagen: de bot leidt er alleen uit af of 5.6k is voldaan (niet binnen de afgelopen drie jaar).',
    fromNoodwoning: 'De kandidaat is afkomstig uit een noodwoning (uitzondering 5.6k)',
    viaMayor: 'De kandidaat is aangedragen via de burgemeester (5.6l)',
  },
  errors: {
    required: 'Vul dit in.',
    choose: 'Kies een antwoord.',
    invalidChoice: 'Kies een van de mogelijkheden.',
    date: 'Dit is geen geldige datum (JJJJ-MM-DD).',
    dateInFuture: 'Deze datum kan niet in de toekomst liggen.',
    tooLong: 'Deze tekst is te lang.',
    wholeNumber: 'Vul een heel getal in.',
    atLeastOneAdult: 'Ten minste één volwassene.',
    tooMany: 'Dat zijn er te veel (maximaal 20).',
    periodFromMissing: 'Vul ook de begindatum in.',
    periodEndsBeforeStart: 'De einddatum ligt vóór de begindatum.',
    landlordRequired: 'Kies ten minste één verhuurder.',
    motivationTooShort: 'Geef een motivering van ten minste tien tekens.',
  } satisfies Record<FormErrorCode, string>,
  drafts: {
    intro: 'Je hebt nog een aanmelding in concept. Wil je die verder invullen, of een nieuwe beginnen?',
    item: (name: string, createdOn: string) => `${name} (begonnen ${createdOn})`,
    continue: 'Verder invullen',
    startNew: 'Nieuwe aanmelding',
  },
  verdict: {
    title: (name: string) => `Aanmelding ${name}`,
    kinds: {
      eligible: 'Voldoet aan de criteria',
      'eligible-with-maatwerk': 'Voldoet, met maatwerk: een beoordelaar kijkt mee',
      'not-eligible': 'Voldoet niet aan de criteria',
      'out-of-scope': 'Valt buiten het convenant',
    } satisfies Record<VerdictKind, string>,
    type: 'Soort',
    state: 'Stand',
    landlords: 'Aangemeld bij',
    registeredOn: 'Aangemeld op',
    targetDate: 'Streefdatum woningaanbod (5.4)',
    queueHeading: 'Plaats in de wachtrij (5.4)',
    position: (position: number) => `plaats ${position}`,
    reasonsHeading: 'Redenen',
    noReasons: 'Aan alle criteria is voldaan.',
    notSent: 'Deze aanmelding is niet naar de verhuurders gestuurd.',
    unreachable: (names: string) => `Deze contactpersonen hebben de app nog niet: ${names}. Bel of mail ze.`,
    statusAndSteps: 'Stand en stappen',
    backToList: 'Mijn aanmeldingen',
    notFound: 'Deze aanmelding bestaat niet (meer), of hoort niet bij je organisatie.',
  },
  list: {
    title: (party: string) => `Aanmeldingen van ${party}`,
    empty: 'Je organisatie heeft nog geen aanmeldingen. Typ "aanmelden" om te beginnen.',
    more: (count: number) => `En nog ${count} oudere aanmeldingen.`,
    open: 'Open',
    continue: 'Verder invullen',
    none: '—',
  },
  types: {
    convenantwoning: 'convenantwoning',
    noodwoning: 'noodwoning',
  } satisfies Record<NominationType, string>,
  states: STATE_LABELS_NL satisfies Record<NominationState, string>,
  /** The stored Dutch sentence is the verdict's own text (src/eligibility/reasons.nl.ts). */
  reason: (reason: VerdictReason) => reason.text,
  /** "2027-06-10" → "10-06-2027". */
  date: (iso: string) => iso.split('-').reverse().join('-'),
};

export type NominationTexts = typeof nominationNl;
