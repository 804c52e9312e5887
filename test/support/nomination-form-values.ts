/** What a counsellor fills in on the nomination card, step by step, for an eligible candidate. */
export const STEP1 = {
  type: 'convenantwoning',
  candidateName: 'Anna de Vries',
  dateOfBirth: '1990-05-01',
  adults: '1',
  minorChildren: '0',
  expectedEndOfIntramuralCare: '2025-09-01',
  wlzFunded: 'false',
  expectedToLiveIndependently: 'true',
  boundaryCrossing: 'false',
};

export const STEP2 = {
  residency1From: '2010-01-01',
  residency1To: '',
  checklistC: 'met',
  woonnet: 'true',
  housing: 'Gelijkvloers',
  neighbourhood: '',
  residencyMaatwerkMotivation: '',
  targetLandlordIds: 'vidomes,wooninvest',
};

export const STEP3 = {
  checklistA: 'met',
  checklistD: 'met',
  checklistE: 'met',
  checklistF: 'met',
  checklistG: 'met',
  checklistH: 'not-applicable',
  checklistI: 'met',
  checklistJ: 'met',
  budgetMotivation: '',
  evicted: 'no',
  lastEvictionOn: '',
  fromNoodwoning: 'false',
  checklistL: 'met',
  viaMayor: 'false',
};

/** A fixed "now" (Monday 16 June 2025, noon in Amsterdam), so dates on the cards are known. */
export const NOW = new Date('2025-06-16T10:00:00Z');
