/** English texts of the nomination cards; the keys are those of nomination.nl.ts. */
import { parseChecklistReasonCode, type FixedReasonCode } from '../../src/eligibility/reason-codes';
import type { ChecklistItem } from '../../src/nomination/nomination';
import type { NominationTexts } from './nomination.nl';

const CRITERIA: Record<ChecklistItem, string> = {
  a: 'has a valid identity document',
  b: 'is registered with Woonnet Haaglanden',
  c: 'is a resident of Leidschendam-Voorburg',
  d: 'has no suitable housing, and there is no reason to house them (semi-)intramurally',
  e: 'is able to live independently',
  f: 'is sufficiently (financially) self-reliant',
  g: 'has an income to pay the rent',
  h: 'has a debt arrangement where one is needed',
  i: 'has agreed to a housing guidance plan',
  j: 'receives mandatory budget management',
  k: 'has not been evicted in the last three years (for nuisance, fraud or undermining)',
  l: 'has no TBS order',
};

const FIXED_REASONS: Record<FixedReasonCode, string> = {
  'wlz-funded': 'preamble: Housing funded under the Long-term Care Act (Wlz) is outside this covenant.',
  'residency-period-in-future': '1c: A residency period lies (partly) in the future; correct the dates.',
  'residency-period-ends-before-start': '1c: A residency period ends before it starts; correct the dates.',
  'residency-short-with-motivation':
    '1c: The candidate has lived in Leidschendam-Voorburg for less than six (uninterrupted) years; the motivated request for maatwerk will be reviewed.',
  'residency-short-without-motivation':
    '1c: The candidate has lived in Leidschendam-Voorburg for less than six (uninterrupted) years and there is no written motivation for maatwerk.',
  'noodwoning-without-minor-children': '1l: An emergency home is only for families with minor children living in.',
  'nominator-not-allowed': '4.1: Only care organisations, Reclassering and the Lokale Kamer nominate candidates.',
  'not-expected-to-live-independently': '4.1: The candidate is not expected to be able to live independently.',
  'family-with-minors-boundary-crossing':
    '4.2: Families with minor children in which a member shows boundary-crossing behaviour (e.g. fraud, undermining) are outside this covenant.',
  'no-target-landlords': '5.3: No participating social landlord was chosen to nominate the candidate to.',
  'target-not-a-current-landlord':
    '5.3: A chosen landlord no longer takes part in the covenant and was taken off the nomination.',
  'woonnet-not-needed-for-duivenvoorde':
    '5.6b: Registration with Woonnet Haaglanden is not needed: the candidate is nominated for a Stichting Duivenvoorde home only.',
  'restricted-to-duivenvoorde':
    '5.6b: The candidate is not registered with Woonnet Haaglanden and is therefore nominated to Stichting Duivenvoorde only.',
  'not-registered-no-duivenvoorde':
    '5.6b: The candidate is not registered with Woonnet Haaglanden and cannot be nominated for a Stichting Duivenvoorde home, which does not need it.',
  'budget-management-deviation-motivated': '5.6j: The counsellor deviates from mandatory budget management, motivated.',
  'budget-management-deviation-unmotivated':
    '5.6j: The counsellor deviates from mandatory budget management without a motivation.',
  'eviction-from-noodwoning':
    '5.6k: The candidate was evicted in the last three years, but comes from an emergency home.',
  'tbs-via-mayor': '5.6l: The candidate has a TBS order and was nominated via the mayor.',
  'tbs-exception-without-mayor':
    '5.6l: The TBS exception applies only when the candidate is nominated via the mayor, which is not the case.',
  'noodwoning-not-by-limor': '6.1: Only LIMOR nominates families for an emergency home.',
  'noodwoning-not-referred-by-ggd':
    '6.1: The family was not referred to LIMOR by the Meldpunt Zorgwekkend gedrag of GGD Haaglanden.',
  'evicting-landlord-excluded': '6.3: The social landlord where the eviction took place was taken off the nomination.',
  'noodwoning-no-landlord-left':
    '6.3: Without the evicting landlord and Stichting Duivenvoorde, no social landlord is left for this emergency home.',
  'duivenvoorde-excluded-for-noodwoning':
    '6.4: Stichting Duivenvoorde offers no emergency homes and was taken off the nomination.',
  'noodwoning-quota-consultation':
    "6.4: This year's two emergency homes have been made available; an extra home needs consultation between the parties.",
};

export const nominationEn: NominationTexts = {
  form: {
    title: 'Nomination of a candidate tenant',
    step: (step, of, title) => `Step ${step} of ${of}: ${title}`,
    stepTitles: ['Candidate and household', 'Residency, requirements and landlords', 'Criteria (5.6)'],
    requiredNote: 'Fields marked * are needed to submit. Save keeps a draft.',
    saved: 'Draft saved. Find it again with "mijn aanmeldingen".',
    notSaved: 'Not saved: see the messages at the fields.',
    storeUnavailable:
      'Convenantbot is temporarily unavailable: nothing was saved. Your answers are still on this card; press the button again in a few minutes.',
    completeEarlierStep: 'This step is not complete yet. Complete it, then go on.',
    expired: 'This card belongs to an old nomination. Type "aanmelden" to go on.',
    conflict: 'Not saved: someone else just changed this draft. Check your answers and try again.',
    notAllowed: 'Only a counsellor or case manager of the nominating organisation can change this draft.',
    choose: 'Choose…',
    yes: 'Yes',
    no: 'No',
    buttons: { save: 'Save', next: 'Next', back: 'Back', submit: 'Submit' },
    type: {
      label: 'Kind of home *',
      choices: {
        convenantwoning: 'Covenant home (convenantwoning)',
        noodwoning: 'Emergency home (noodwoning): family with minor children living in (1l, art. 6)',
      },
    },
    candidateName: 'Name of the candidate tenant *',
    dateOfBirth: 'Date of birth',
    adults: 'Number of adults in the household *',
    minorChildren: 'Number of minor children living in *',
    expectedEndOfIntramuralCare: 'Expected end of intramural guidance and/or treatment (5.3)',
    wlzFunded: 'Is the housing funded under the Long-term Care Act (Wlz)? *',
    expectedToLiveIndependently: 'Is the candidate expected to be able to live independently (4.1)? *',
    boundaryCrossing: 'Does a member of the family show boundary-crossing behaviour (e.g. fraud, undermining) (4.2)? *',
    residencyHeading: 'Residency in Leidschendam-Voorburg (1c)',
    residencyHint:
      'Six years resident, or six uninterrupted years within the last ten. Leave "to" empty if the candidate still lives there.',
    residencyFrom: (n) => `Period ${n}: from${n === 1 ? ' *' : ''}`,
    residencyTo: (n) => `Period ${n}: to`,
    residencyMaatwerkMotivation: 'Motivation for maatwerk with shorter residency (1c)',
    woonnet: '5.6b Is registered with Woonnet Haaglanden *',
    woonnetNo: 'No (then only a Stichting Duivenvoorde home is possible)',
    requirementsHeading: 'Housing and neighbourhood requirements (5.7)',
    housing: 'Housing requirements (e.g. ground floor, number of rooms)',
    neighbourhood: 'Neighbourhood requirements (e.g. area, distance to guidance)',
    landlords: 'Nominate to the social landlords *',
    landlordsNoodwoning: 'Nominate to the social landlords (empty: every landlord allowed, 6.3 and 6.4)',
    noodwoningHeading: 'Emergency home (art. 6)',
    referredByGgd: 'Was the family referred by the Meldpunt Zorgwekkend gedrag of GGD Haaglanden (6.1)? *',
    evictingLandlord: 'At which social landlord did the (threatened) eviction take place (6.3)?',
    noEvictingLandlord: 'No social landlord',
    checklistIntro: 'Confirm for each criterion what applies. Only your answer is stored, not the facts behind it.',
    checklistItem: (item, text) => `5.6${item} The candidate ${text} *`,
    checklistTexts: CRITERIA,
    status: {
      met: 'Met',
      notMet: 'Not met',
      exception: (text) => `Exception: ${text}`,
      notApplicable: 'Not applicable: no arrangement needed',
    },
    exceptions: {
      b: 'Not needed for a Stichting Duivenvoorde home.',
      c: 'Maatwerk for residency shorter than six years (1c), with a written motivation.',
      j: 'The counsellor or case manager deviates with a motivation; a motivation is required.',
      k: 'The candidate comes from an emergency home.',
      l: 'The candidate was nominated via the mayor.',
    },
    cException: 'Exception: maatwerk for shorter residency (1c); motivate above',
    budgetMotivation: '5.6j Motivation for deviating from budget management (needed for an exception)',
    evicted: '5.6k Has the candidate ever been evicted (for nuisance, fraud or undermining)? *',
    evictedNo: 'No',
    evictedYes: 'Yes, on the date below',
    evictedKeep: (answer) => `As recorded before: ${answer}`,
    lastEvictionOn: 'Date of the last eviction',
    lastEvictionNote:
      'This date is not stored: the bot only derives from it whether 5.6k is met (not within the last three years).',
    fromNoodwoning: 'The candidate comes from an emergency home (exception 5.6k)',
    viaMayor: 'The candidate is nominated via the mayor (5.6l)',
  },
  errors: {
    required: 'Please fill this in.',
    choose: 'Choose an answer.',
    invalidChoice: 'Choose one of the options.',
    date: 'This is not a valid date (YYYY-MM-DD).',
    dateInFuture: 'This date cannot lie in the future.',
    tooLong: 'This text is too long.',
    wholeNumber: 'Enter a whole number.',
    atLeastOneAdult: 'At least one adult.',
    tooMany: 'That is too many (at most 20).',
    periodFromMissing: 'Fill in the start date too.',
    periodEndsBeforeStart: 'The end date lies before the start date.',
    landlordRequired: 'Choose at least one landlord.',
    motivationTooShort: 'Give a motivation of at least ten characters.',
  },
  drafts: {
    intro: 'You have a draft nomination. Do you want to go on with it, or start a new one?',
    item: (name, createdOn) => `${name} (started ${createdOn})`,
    continue: 'Go on',
    startNew: 'New nomination',
  },
  verdict: {
    title: (name) => `Nomination ${name}`,
    kinds: {
      eligible: 'Meets the criteria',
      'eligible-with-maatwerk': 'Meets the criteria with maatwerk: a reviewer takes a look',
      'not-eligible': 'Does not meet the criteria',
      'out-of-scope': 'Outside the covenant',
    },
    type: 'Kind',
    state: 'Status',
    landlords: 'Nominated to',
    registeredOn: 'Registered on',
    targetDate: 'Target date for an offer (5.4)',
    queueHeading: 'Place in the queue (5.4)',
    position: (position) => `place ${position}`,
    reasonsHeading: 'Reasons',
    noReasons: 'All criteria are met.',
    notSent: 'This nomination was not sent to the landlords.',
    unreachable: (names) => `These contact persons do not have the app yet: ${names}. Call or e-mail them.`,
    statusAndSteps: 'Status and steps',
    backToList: 'My nominations',
    notFound: 'This nomination does not exist (any more), or does not belong to your organisation.',
  },
  list: {
    title: (party) => `Nominations of ${party}`,
    empty: 'Your organisation has no nominations yet. Type "aanmelden" to start.',
    more: (count) => `And ${count} older nominations.`,
    open: 'Open',
    continue: 'Go on',
    none: '—',
  },
  types: { convenantwoning: 'covenant home', noodwoning: 'emergency home' },
  states: {
    draft: 'draft',
    registered: 'registered',
    acknowledged: 'received by landlord',
    'home-proposed': 'home proposed',
    'suitability-confirmed': 'home found suitable',
    'offer-made': 'offer made',
    'offer-accepted': 'offer accepted',
    'intake-planned': 'intake planned',
    'credit-checked': 'creditworthiness checked',
    'lease-signed': 'temporary lease signed',
    'lease-indefinite': 'lease for an indefinite period',
    'not-eligible': 'does not meet the criteria',
    withdrawn: 'withdrawn',
    refused: 'refused by landlord',
    'offer-declined': 'offer declined',
  },
  reason: (reason) => {
    const checklist = parseChecklistReasonCode(reason.code);
    if (!checklist) return FIXED_REASONS[reason.code as FixedReasonCode] ?? reason.text;
    const criterion = CRITERIA[checklist.item];
    const sentence = {
      missing: `Not answered: the candidate ${criterion}.`,
      'not-met': `Not met: the candidate ${criterion}.`,
      'exception-not-allowed': 'The covenant allows no exception for this criterion.',
      'not-applicable-not-allowed':
        "'Not applicable' is only possible for the debt arrangement (5.6h); this criterion always applies.",
    }[checklist.problem];
    return `5.6${checklist.item}: ${sentence}`;
  },
  date: (iso) => iso,
};
