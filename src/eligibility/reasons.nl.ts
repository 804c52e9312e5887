/**
 * The Dutch sentences of the verdict, keyed by reason code (reason-codes.ts). All Dutch text of the
 * eligibility rules is here, so a translation is one file beside it.
 *
 * Sentences never name the candidate, nor the landlord that evicted a family (6.3): verdict texts
 * may reach people who must not learn those facts (10.6).
 */
import type { ChecklistItem } from '../nomination/nomination';
import type { ExceptionItem } from './checklist';
import type { ChecklistProblem, FixedReasonCode, ReasonCode } from './reason-codes';
import { parseChecklistReasonCode } from './reason-codes';

const FIXED_REASONS_NL: Record<FixedReasonCode, string> = {
  'wlz-funded':
    'preambule: Woonvoorzieningen die worden gefinancierd op grond van de Wet langdurige zorg (Wlz) vallen buiten dit convenant.',
  'residency-period-in-future':
    '1c: Een woonperiode in Leidschendam-Voorburg ligt (deels) in de toekomst; corrigeer de datums.',
  'residency-period-ends-before-start':
    '1c: Een woonperiode in Leidschendam-Voorburg eindigt vóór de begindatum; corrigeer de datums.',
  'residency-short-with-motivation':
    '1c: De kandidaat is korter dan zes jaar (onafgebroken in de afgelopen tien jaar) inwoner van Leidschendam-Voorburg; de gemotiveerde aanvraag voor maatwerk wordt beoordeeld.',
  'residency-short-without-motivation':
    '1c: De kandidaat is korter dan zes jaar (onafgebroken in de afgelopen tien jaar) inwoner van Leidschendam-Voorburg en er is geen schriftelijke motivering voor maatwerk.',
  'noodwoning-without-minor-children':
    '1l: Een noodwoning is alleen bedoeld voor gezinnen met inwonende minderjarige kinderen.',
  'nominator-not-allowed':
    '4.1: Alleen zorgorganisaties, Reclassering en de Lokale Kamer dragen kandidaat huurders aan.',
  'not-expected-to-live-independently': '4.1: De kandidaat is naar verwachting niet in staat om zelfstandig te wonen.',
  'family-with-minors-boundary-crossing':
    '4.2: Gezinnen met inwonende minderjarige kinderen waarin een gezinslid grensoverschrijdend gedrag (o.a. fraude, ondermijning) vertoont, vallen buiten dit convenant.',
  'no-target-landlords': '5.3: Er is geen deelnemende sociale verhuurder gekozen om de kandidaat bij aan te melden.',
  'target-not-a-current-landlord':
    '5.3: Een gekozen verhuurder neemt niet (meer) deel aan het convenant en is uit de aanmelding gehaald.',
  'woonnet-not-needed-for-duivenvoorde':
    '5.6b: Inschrijving bij Woonnet Haaglanden is niet nodig, omdat de kandidaat alleen wordt aangemeld voor een woning van Stichting Duivenvoorde.',
  'restricted-to-duivenvoorde':
    '5.6b: De kandidaat staat niet ingeschreven bij Woonnet Haaglanden en wordt daarom alleen aangemeld bij Stichting Duivenvoorde.',
  'not-registered-no-duivenvoorde':
    '5.6b: De kandidaat staat niet ingeschreven bij Woonnet Haaglanden en kan niet worden aangemeld voor een woning van Stichting Duivenvoorde, waarvoor dat niet nodig is.',
  'budget-management-deviation-motivated': '5.6j: De begeleider wijkt gemotiveerd af van verplicht budgetbeheer.',
  'budget-management-deviation-unmotivated':
    '5.6j: De begeleider wijkt af van verplicht budgetbeheer, maar geeft daarvoor geen motivering.',
  'eviction-from-noodwoning':
    '5.6k: De kandidaat is in de afgelopen drie jaar uit een woning gezet, maar komt uit een noodwoning.',
  'tbs-via-mayor': '5.6l: De kandidaat heeft een TBS-maatregel en is aangedragen via de burgemeester.',
  'tbs-exception-without-mayor':
    '5.6l: De uitzondering voor een TBS-maatregel geldt alleen als de kandidaat via de burgemeester is aangedragen, en dat is niet zo.',
  'noodwoning-not-by-limor': '6.1: Alleen LIMOR draagt gezinnen aan voor een noodwoning.',
  'noodwoning-not-referred-by-ggd':
    '6.1: Het gezin is niet door het Meldpunt Zorgwekkend gedrag van GGD Haaglanden naar LIMOR toegeleid.',
  'evicting-landlord-excluded':
    '6.3: De sociale verhuurder bij wie de uitzetting heeft plaatsgevonden, is uit de aanmelding gehaald.',
  'noodwoning-no-landlord-left':
    '6.3: Zonder de verhuurder van de uitzetting en Stichting Duivenvoorde blijft er geen sociale verhuurder over voor deze noodwoning.',
  'duivenvoorde-excluded-for-noodwoning':
    '6.4: Stichting Duivenvoorde biedt geen noodwoningen aan en is uit de aanmelding gehaald.',
  'noodwoning-quota-consultation':
    '6.4: De twee noodwoningen van dit jaar zijn al beschikbaar gesteld; voor een extra woning is overleg tussen partijen nodig.',
};

/** Per 5.6 item: the question a missing answer leaves open, and what "not met" means. */
const CHECKLIST_NL: Record<ChecklistItem, { question: string; notMet: string }> = {
  a: {
    question: 'beschikt de kandidaat over een geldig legitimatiebewijs?',
    notMet: 'De kandidaat beschikt niet over een geldig legitimatiebewijs.',
  },
  b: {
    question: 'staat de kandidaat ingeschreven bij Woonnet Haaglanden?',
    notMet: 'De kandidaat staat niet ingeschreven bij Woonnet Haaglanden.',
  },
  c: {
    question: 'is de kandidaat inwoner van Leidschendam-Voorburg?',
    notMet: 'De kandidaat is geen inwoner van Leidschendam-Voorburg.',
  },
  d: {
    question: 'beschikt de kandidaat niet over passende huisvesting, zonder reden voor (semi-)intramurale huisvesting?',
    notMet: 'De kandidaat beschikt over passende huisvesting of er is reden om (semi-)intramuraal te huisvesten.',
  },
  e: {
    question: 'is de kandidaat in staat om zelfstandig te wonen?',
    notMet: 'De kandidaat is niet in staat om zelfstandig te wonen.',
  },
  f: {
    question: 'is de kandidaat voldoende (financieel) zelfredzaam?',
    notMet: 'De kandidaat is niet voldoende (financieel) zelfredzaam.',
  },
  g: {
    question: 'beschikt de kandidaat over een inkomen om de huur te kunnen betalen?',
    notMet: 'De kandidaat beschikt niet over een inkomen om de huur te kunnen betalen.',
  },
  h: {
    question: 'heeft de kandidaat, indien nodig, een regeling voor schuldsanering?',
    notMet: 'De kandidaat heeft geen regeling voor schuldsanering, terwijl die nodig is.',
  },
  i: {
    question: 'heeft de kandidaat ingestemd met een woonbegeleidingsplan?',
    notMet: 'De kandidaat heeft niet ingestemd met een woonbegeleidingsplan.',
  },
  j: {
    question: 'ontvangt de kandidaat verplicht budgetbeheer?',
    notMet: 'De kandidaat ontvangt geen budgetbeheer en de begeleider wijkt daar niet gemotiveerd van af.',
  },
  k: {
    question: 'is de kandidaat niet binnen de afgelopen drie jaar uit een woning gezet?',
    notMet: 'De kandidaat is in de afgelopen drie jaar uit een woning gezet en komt niet uit een noodwoning.',
  },
  l: {
    question: 'heeft de kandidaat geen TBS-maatregel?',
    notMet: 'De kandidaat heeft een TBS-maatregel en is niet aangedragen via de burgemeester.',
  },
};

function checklistSentence(item: ChecklistItem, problem: ChecklistProblem): string {
  const texts = CHECKLIST_NL[item];
  switch (problem) {
    case 'missing':
      return `Niet ingevuld: ${texts.question}`;
    case 'not-met':
      return texts.notMet;
    case 'exception-not-allowed':
      return 'Het convenant staat bij dit criterium geen uitzondering toe.';
    case 'not-applicable-not-allowed':
      return "'Niet van toepassing' kan alleen bij de schuldsaneringsregeling (5.6h); dit criterium geldt altijd.";
  }
}

export function reasonTextNl(code: ReasonCode): string {
  const checklist = parseChecklistReasonCode(code);
  if (checklist) return `5.6${checklist.item}: ${checklistSentence(checklist.item, checklist.problem)}`;
  return FIXED_REASONS_NL[code as FixedReasonCode];
}

/** What each allowed 5.6 exception means, for the nomination card. */
export const CHECKLIST_EXCEPTIONS_NL: Record<ExceptionItem, string> = {
  b: 'Niet nodig voor een woning van Stichting Duivenvoorde.',
  c: 'Maatwerk bij korter inwonerschap dan zes jaar (1c), met een schriftelijke motivering.',
  j: 'De begeleider of casemanager wijkt gemotiveerd af; een motivering is verplicht.',
  k: 'De kandidaat komt uit een noodwoning.',
  l: 'De kandidaat is aangedragen via de burgemeester.',
};
