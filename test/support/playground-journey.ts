/**
 * The people, the candidates and what is typed into the cards in the full journey through the
 * Agents Playground: shared by the API-driven journey (test/e2e/playground-journey.test.ts) and
 * the browser one (test/browser/journey.browser.ts), so both tell the same story.
 *
 * - Bea Begeleider (Parnassia) nominates Anna de Vries for a convenantwoning, with two things no
 *   landlord may learn (10.6, DESIGN.md "Who may see what"): a TBS order with the exception "via
 *   the mayor" (5.6l, justice history) and a budget-management deviation whose motivation carries
 *   the marker SECRET-MOTIVATION-j; and her residency period (1c).
 * - Victor Verhuur (Vidomes) takes Anna to the signed lease; then nuisance and arrears signals go
 *   both ways on the tenancy (8.2).
 * - Lotte Limor (LIMOR) nominates the Noor family, evicted by WoonInvest and now in a noodwoning,
 *   through the noodwoning route (1l, 6): it goes to Vidomes only (6.3 not the evicting landlord,
 *   6.4 not Duivenvoorde), before Anna in Vidomes's queue (5.4).
 * - Gemma Gemeente (the platform coordinator) asks `status` in the platform channel, where the
 *   weekly digest also arrives: counts only (10.2).
 */
import { DEMO_CONTACTS } from '../../src/parties/demo-contacts';
import { LANDLORD_FORBIDDEN_MARKERS } from './nomination-fixture';
import { STEP1, STEP2, STEP3 } from './nomination-form-values';

export const ANNA = 'Anna de Vries';
export const FAMILY = 'Samira Noor';

// ---- Anna's nomination (convenantwoning) -------------------------------------------------

/** The 1c residency period: the nominating organisation's, never a landlord's. */
export const RESIDENCY_FROM = '2010-01-01';
/** The marker in a private field: the motivation of the 5.6j deviation. */
export const MOTIVATION = 'SECRET-MOTIVATION-j: huur via budgetbeheer van de bewindvoerder';

export const ANNA_STEP1 = { ...STEP1, candidateName: ANNA };
export const ANNA_STEP2 = { ...STEP2, residency1From: RESIDENCY_FROM, housing: 'Gelijkvloers, twee kamers' };
/** 5.6j deviation with its motivation (info), 5.6l TBS order nominated via the mayor (info): eligible. */
export const ANNA_STEP3 = {
  ...STEP3,
  checklistJ: 'exception',
  budgetMotivation: MOTIVATION,
  checklistL: 'exception',
  viaMayor: 'true',
};

/** What Bea gets wrong the first time on step 1. */
export const ANNA_STEP1_MISTAKES = {
  ...ANNA_STEP1,
  candidateName: '   ',
  dateOfBirth: '2999-01-01',
  expectedEndOfIntramuralCare: '31-12-2025',
};

export const HOME = 'Dorpsstraat 12, Voorburg';

/** The steps to the signed lease on Monday 16 June 2025 (the tests' clock). */
export const LEASE = {
  offerMadeOn: '2025-06-16',
  offerAnsweredOn: '2025-06-16',
  intakeOn: '2025-06-20',
  creditCheckOn: '2025-06-16',
  leaseSignedOn: '2025-06-16',
  leaseTemporaryUntil: '2027-06-16',
  leaseGuidanceUntil: '2026-06-16',
};

// ---- The Noor family (noodwoning) ---------------------------------------------------------

/** The eviction (5.6k) and the landlord that evicted the family (6.3): never a landlord's to see. */
export const EVICTED_ON = '2025-03-03';
export const FAMILY_STEP1 = {
  ...STEP1,
  type: 'noodwoning',
  candidateName: FAMILY,
  dateOfBirth: '1988-11-20',
  adults: '2',
  minorChildren: '3',
  expectedEndOfIntramuralCare: '',
};
/** Referred by the GGD's Meldpunt (6.1), evicted by WoonInvest (6.3); no landlords chosen: all that may. */
export const FAMILY_STEP2 = {
  ...STEP2,
  residency1From: '2016-04-01',
  housing: 'Drie slaapkamers, dicht bij de basisschool',
  targetLandlordIds: '',
  referredByGgd: 'true',
  evictingLandlordId: 'wooninvest',
};
/** Evicted this year, but now in a noodwoning: the 5.6k exception (info). */
export const FAMILY_STEP3 = { ...STEP3, evicted: 'yes', lastEvictionOn: EVICTED_ON, fromNoodwoning: 'true' };

// ---- Signals on Anna's tenancy (8.2) -------------------------------------------------------

export const NUISANCE_NOTE = 'Buren klagen over harde muziek na middernacht';
/** Since the day the lease was signed: an arrear cannot be older than the lease. */
export const ARREARS = { signalAchterstandBedrag: '812.50', signalAchterstandSinds: '2025-06-16' };

// ---- What may not reach whom -------------------------------------------------------------

/** Nothing a landlord may see of Anna or the family (10.6, 5.6k, 5.6l, 6.3, 1c, motivations). */
export const FORBIDDEN_FOR_LANDLORDS = [
  ...LANDLORD_FORBIDDEN_MARKERS,
  MOTIVATION,
  'SECRET-MOTIVATION-j',
  'budgetbeheer van de',
  RESIDENCY_FROM,
  '01-01-2010',
  'TBS',
  'burgemeester',
  '5.6l',
  '5.6k',
  'uit een woning gezet',
  'uitzetting',
  EVICTED_ON,
  '03-03-2025',
  '2016-04-01',
  '01-04-2016',
];

/** Nothing personal in the platform channel (10.2): no person, no home, no note, no amount. */
export const FORBIDDEN_FOR_PLATFORM = [
  ...FORBIDDEN_FOR_LANDLORDS,
  ANNA,
  'Anna',
  FAMILY,
  'Noor',
  HOME,
  'Dorpsstraat',
  NUISANCE_NOTE,
  '812',
  '1990-05-01',
  '01-05-1990',
  '1988-11-20',
  ...Object.values(DEMO_CONTACTS).flatMap((contact) => [contact.name, contact.email]),
];
