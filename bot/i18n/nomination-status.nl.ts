/**
 * Dutch texts of the nomination status card, its card actions and the answers to them, and of
 * "wachtrij". Wired into nl.ts as `nominationStatus` and `queue`; the .en.ts files have the same keys.
 */
import type { ChecklistStatus, NominationState, NominationType } from '../../src/nomination/nomination';
import { lifecycleNl } from './lifecycle.nl';

type CreditOutcome = 'ok' | 'elevated-risk' | 'refused';
export type EvaluationStatus = 'joint' | 'awaiting-you' | 'awaiting-other';

export const nominationStatusNl = {
  /** "2025-06-16" → "16-06-2025" */
  date: (iso: string) => iso.split('-').reverse().join('-'),
  states: lifecycleNl.states satisfies Record<NominationState, string>,
  /** The lifecycle's refusals by code (src/nomination/refusals.ts): "not theirs to do", a value not allowed. */
  refusals: lifecycleNl.refusals,
  types: { convenantwoning: 'Convenantwoning', noodwoning: 'Noodwoning' } satisfies Record<NominationType, string>,
  card: {
    title: (name: string) => `Aanmelding ${name}`,
    erasedTitle: 'Aanmelding (persoonsgegevens verwijderd)',
    subtitleLandlord: (type: string, organisation: string) => `${type}, aangemeld door ${organisation}`,
    subtitleCounsellor: (type: string, landlords: string) => `${type}, aangemeld bij ${landlords}`,
    state: 'Stand',
    requiredMessage: 'Vul dit in.',
    person: 'Kandidaat huurder',
    name: 'Naam',
    dateOfBirth: 'Geboortedatum',
    household: 'Huishouden',
    householdValue: (adults: number, minors: number) =>
      `${adults} ${adults === 1 ? 'volwassene' : 'volwassenen'}, ${minors} ${minors === 1 ? 'minderjarig kind' : 'minderjarige kinderen'}`,
    housing: 'Woonvereisten (5.7)',
    neighbourhood: 'Woonomgevingsvereisten (5.7)',
    registeredOn: 'Aangemeld op',
    offerTargetDate: 'Streefdatum woningaanbod (5.4)',
    expectedEndOfIntramuralCare: 'Vermoedelijk einde intramurale begeleiding (5.3)',
    queuePosition: 'Plaats in de wachtrij (5.4)',
    nominatedBy: 'Contactpersoon aanmelder',
    contactValue: (name: string, email: string) => `${name} (${email})`,
    checklist: 'Toetsingscriteria (5.6)',
    checklistComplete: 'Checklist volledig ingevuld',
    budgetManagement: 'Verplicht budgetbeheer (5.6j)',
    debtArrangement: 'Regeling schuldsanering (5.6h)',
    checklistStatuses: {
      met: 'ja',
      'not-met': 'nee',
      exception: 'afwijking, gemotiveerd door de begeleider',
      'not-applicable': 'niet nodig',
    } satisfies Record<ChecklistStatus, string>,
    notAnswered: 'niet ingevuld',
    yes: 'ja',
    no: 'nee',
    landlords: 'Verhuurders',
    acknowledgedBy: (name: string, date: string) => `Ontvangst bevestigd door ${name} op ${date}`,
    acknowledgedOn: (date: string) => `Ontvangst bevestigd op ${date}`,
    notAcknowledged: 'ontvangst nog niet bevestigd',
    position: (position: number) => `plaats ${position} in de wachtrij`,
    progress: 'Voortgang',
    proposedHome: 'Voorgestelde woning (5.3)',
    proposedHomeBy: (description: string, landlord: string) => `${description} (${landlord})`,
    suitabilityConfirmedOn: 'Woning geschikt bevonden op (4.5)',
    offer: 'Woningaanbod (4.5)',
    offerMadeOn: (date: string) => `gedaan op ${date}`,
    offerAnswered: (made: string, answer: string, date: string) => `gedaan op ${made}, ${answer} op ${date}`,
    offerAnswers: { accepted: 'aangenomen', declined: 'afgewezen' },
    intake: 'Intake (4.4)',
    creditCheck: 'Kredietcheck (5.8)',
    creditCheckValue: (outcome: string, date: string) => `${outcome} (${date})`,
    creditOutcomes: { ok: 'akkoord', 'elevated-risk': 'verhoogd risico', refused: 'geweigerd' } satisfies Record<
      CreditOutcome,
      string
    >,
    extraConditions: 'Extra voorwaarden (5.9)',
    lease: 'Tijdelijke huurovereenkomst (4.9)',
    leaseValue: (signedOn: string, until: string) => `getekend op ${signedOn}, loopt tot ${until}`,
    guidanceAgreement: 'Woonbegeleidingsovereenkomst (4.10)',
    guidanceValue: (until: string) => `loopt tot ${until}`,
    guidanceEndMayBeShared: 'Voortijdig einde van de begeleiding mag gedeeld worden (8.1)',
    evaluation: 'Evaluatie (5.11)',
    evaluationValue: (date: string, positive: boolean) => `${date}: ${positive ? 'positief' : 'niet positief'}`,
    /** The latest positive evaluation on its way to 4.9's conversion. */
    evaluationStatuses: {
      joint: 'gezamenlijk positief (4.9)',
      'awaiting-you': 'wacht op je bevestiging (4.9)',
      'awaiting-other': 'wacht op bevestiging door de andere partij (4.9)',
    } satisfies Record<EvaluationStatus, string>,
    nextEvaluationDueOn: 'Volgende evaluatie uiterlijk (5.11)',
    convertedOn: 'Onbepaalde tijd vanaf (4.9)',
    refusal: 'Geweigerd door de verhuurder (5.5)',
    refusalValue: (date: string, reason: string) => `${date}: ${reason}`,
    takenOnByAnother:
      'Een andere verhuurder heeft een woning voorgesteld en voert vanaf nu de regie over deze aanmelding (5.5).',
    erased: 'De persoonsgegevens van deze aanmelding zijn verwijderd.',
  },
  actions: {
    acknowledge: { title: 'Ontvangst bevestigen' },
    proposeHome: {
      title: 'Woning voorstellen',
      confirm: 'Woning voorstellen',
      hint: '5.3: er is een passende woning; daarna volgt overleg met de begeleider.',
      homeDescription: 'Adres of omschrijving van de woning',
    },
    confirmSuitable: { title: 'Woning is geschikt (4.5)' },
    rejectSuitable: { title: 'Woning is niet geschikt' },
    makeOffer: {
      title: 'Woningaanbod doen',
      confirm: 'Aanbod vastleggen',
      hint: '4.5: de kandidaat ontvangt eenmalig een woningaanbod.',
      offerMadeOn: 'Datum van het aanbod',
    },
    recordOfferAnswer: {
      title: 'Antwoord op het aanbod',
      confirm: 'Antwoord vastleggen',
      hint: '4.5: het aanbod is eenmalig; een afwijzing beëindigt de aanmelding.',
      offerAnswer: 'Antwoord van de kandidaat',
      offerAnsweredOn: 'Datum van het antwoord',
      accepted: 'Aangenomen',
      declined: 'Afgewezen',
    },
    planIntake: {
      title: 'Intake plannen',
      confirm: 'Intake plannen',
      hint: '4.4, 5.3: intake door een woonconsulent, met de begeleider erbij.',
      intakeOn: 'Datum van de intake',
    },
    recordCreditCheck: {
      title: 'Kredietcheck vastleggen',
      confirm: 'Kredietcheck vastleggen',
      hint: '5.9: bij een verhoogd risico stelt de verhuurder extra voorwaarden in overleg met de zorgaanbieder.',
      creditCheckOn: 'Datum van de kredietcheck',
      creditOutcome: 'Uitkomst',
      creditExtraConditions: 'Extra voorwaarden (bij verhoogd risico)',
      creditAgreedWithCareProvider: 'De extra voorwaarden zijn overlegd met de zorgaanbieder',
    },
    signLease: {
      title: 'Huurovereenkomst getekend',
      confirm: 'Ondertekening vastleggen',
      hint: '4.9: tijdelijk voor maximaal 2 jaar; 4.10: woonbegeleidingsovereenkomst van ten minste 1 jaar.',
      leaseSignedOn: 'Tekendatum',
      leaseTemporaryUntil: 'Einde van de tijdelijke huur',
      leaseGuidanceUntil: 'Einde van de woonbegeleidingsovereenkomst',
      leaseCounsellorPresent: 'De begeleider of casemanager was bij de ondertekening aanwezig (5.10)',
      leaseGuidanceEndMayBeShared:
        'De woonbegeleidingsovereenkomst staat toe de verhuurder te informeren over een voortijdig einde of weigering van de begeleiding (8.1)',
    },
    recordEvaluation: {
      title: 'Evaluatie vastleggen',
      confirm: 'Evaluatie vastleggen',
      hint: '5.11: de begeleider of casemanager evalueert minimaal jaarlijks de voortgang met de huurder en de verhuurder. 4.9: een positieve evaluatie bevestigt de andere partij; na die gezamenlijke positieve evaluatie wordt de huur omgezet naar onbepaalde tijd.',
      evaluationOn: 'Datum van de evaluatie',
      evaluationOutcome: 'Uitkomst',
      positive: 'Positief',
      negative: 'Niet positief',
    },
    confirmEvaluation: {
      title: 'Positieve evaluatie bevestigen (4.9)',
      confirm: 'Ja, bevestigen',
      hint: (date: string) =>
        `4.9: de andere partij heeft de evaluatie van ${date} als positief vastgelegd. Met je bevestiging is die gezamenlijk positief, en kan de verhuurder de huur omzetten naar onbepaalde tijd.`,
    },
    convertLease: {
      title: 'Omzetten naar onbepaalde tijd (4.9)',
      confirm: 'Omzetting vastleggen',
      hint: (date: string) =>
        `4.9: na de gezamenlijke positieve evaluatie van ${date} wordt de tijdelijke huurovereenkomst omgezet naar een huurovereenkomst voor onbepaalde tijd.`,
      convertedOn: 'Onbepaalde tijd vanaf',
    },
    refuse: {
      title: 'Kandidaat weigeren',
      confirm: 'Ja, weigeren',
      hint: '5.5: de verhuurder voert de regie over de toewijzing en kan de kandidaat weigeren, bijvoorbeeld omdat niet aan de woningtoewijzingsregels is voldaan (4.8). Dit beëindigt de aanmelding, voor alle verhuurders; de aanmeldende organisatie ziet de reden.',
      refusalReason: 'Reden van de weigering',
    },
    withdraw: {
      title: 'Aanmelding intrekken',
      confirm: 'Ja, intrekken',
      hint: 'Weet je het zeker? Een ingetrokken aanmelding kan niet worden hersteld.',
    },
  },
  answers: {
    wrongState: (state: string) =>
      `Deze kaart was niet meer actueel: de aanmelding staat nu op "${state}". Hieronder de huidige stand.`,
    conflict:
      'Iemand anders heeft de aanmelding net gewijzigd. Hieronder de nieuwe stand; probeer het zo nodig opnieuw.',
    invalid: (message: string) => `Niet opgeslagen: ${message}`,
    /** The lifecycle's refusal (`refusals`), in the reader's language. */
    notAllowed: (reason: string) => reason,
    notFound: 'Deze aanmelding bestaat niet (meer).',
    unreadable: 'De gegevens van deze kaart zijn onleesbaar. Open de aanmelding opnieuw.',
    cannotView: 'Deze aanmelding kun je niet bekijken.',
    busyTitle: 'Bezig met verwerken',
    busy: 'Je actie wordt verwerkt. Deze kaart wordt bijgewerkt zodra dat klaar is.',
  },
};

export const queueNl = {
  title: (landlord: string) => `Wachtrij ${landlord}`,
  intro:
    'In de volgorde van het convenant (5.4): eerst noodwoningen, dan op volgorde van aanmelding. Streefdatum: binnen drie maanden een woningaanbod.',
  empty: 'Er wachten geen aanmeldingen op een woningaanbod.',
  // Niet "1. naam": de markdown van Teams maakt daar een genummerde lijst van.
  heading: (position: number, name: string) => `Nr. ${position} · ${name}`,
  type: 'Soort',
  registeredOn: 'Aangemeld op',
  offerTargetDate: 'Streefdatum aanbod (5.4)',
  state: 'Stand',
  overdue: (date: string) => `De streefdatum (${date}) is verstreken.`,
  open: 'Open',
  more: (count: number) => `… en nog ${count} ${count === 1 ? 'aanmelding' : 'aanmeldingen'}.`,
};

export type NominationStatusTexts = typeof nominationStatusNl;
export type QueueTexts = typeof queueNl;
