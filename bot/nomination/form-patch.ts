/**
 * Between the card and the draft: a checked step becomes a patch of draft fields, and a stored
 * draft becomes the card's values again. The checklist is patched answer by answer on top of
 * what is stored, so each step changes only its own items.
 */
import { evictionAnswer } from '../../src/eligibility/eviction';
import type { DraftFields } from '../../src/nomination/draft';
import type {
  Checklist,
  ChecklistAnswer,
  ChecklistItem,
  Nomination,
  NoodwoningDetails,
  ResidencyPeriod,
} from '../../src/nomination/nomination';
import type { IsoDate } from '../../src/time/dates';
import { RESIDENCY_ROWS, residencyFieldIds, type FormValues } from './form-fields';
import type { Step1Input, Step2Input, Step3Input } from './form-schema';

/** The draft fields a new draft starts with: step 1, and nothing yet of the later steps. */
export function newDraftFields(input: Step1Input): DraftFields {
  return { ...step1Patch(input, undefined), residency: [], requirements: {}, targetLandlordIds: [], checklist: {} };
}

export function step1Patch(
  input: Step1Input,
  draft: Nomination | undefined,
): Pick<DraftFields, 'type' | 'candidate' | 'scope'> & Partial<DraftFields> {
  const patch: Pick<DraftFields, 'type' | 'candidate' | 'scope'> & Partial<DraftFields> = {
    type: input.type,
    candidate: {
      name: input.candidateName,
      ...(input.dateOfBirth !== undefined && { dateOfBirth: input.dateOfBirth }),
      household: { adults: input.adults, minorChildren: input.minorChildren },
    },
    scope: {
      wlzFunded: input.wlzFunded,
      expectedToLiveIndependently: input.expectedToLiveIndependently,
      boundaryCrossingBehaviourInFamily: input.boundaryCrossing,
    },
  };
  if (input.expectedEndOfIntramuralCare !== undefined) {
    patch.expectedEndOfIntramuralCare = input.expectedEndOfIntramuralCare;
  }
  // A draft cannot lose a field, so a change to a convenantwoning keeps only a harmless remnant
  // of the noodwoning details: never the evicting landlord (6.3).
  if (input.type === 'convenantwoning' && draft?.noodwoning) patch.noodwoning = { referredByGgdMeldpunt: false };
  return patch;
}

export function step2Patch(input: Step2Input, draft: Nomination): Partial<DraftFields> {
  const residency: ResidencyPeriod[] = [];
  for (const row of RESIDENCY_ROWS) {
    const ids = residencyFieldIds(row);
    const from = input[ids.from as 'residency1From'];
    const to = input[ids.to as 'residency1To'];
    if (from !== undefined) residency.push({ from, ...(to !== undefined && { to }) });
  }
  const checklist = withAnswers(draft.checklist, {
    // 5.6b: "not registered" and "exception" mean the same to the rules (landlords.ts).
    b: input.woonnet === undefined ? undefined : { status: input.woonnet ? 'met' : 'not-met' },
    c: input.checklistC && { status: input.checklistC },
  });
  const patch: Partial<DraftFields> = {
    residency,
    // Stored even when empty: a cleared motivation must not come back.
    residencyMaatwerkMotivation: input.residencyMaatwerkMotivation ?? '',
    checklist,
    requirements: {
      ...(input.housing !== undefined && { housing: input.housing }),
      ...(input.neighbourhood !== undefined && { neighbourhood: input.neighbourhood }),
    },
    targetLandlordIds: input.targetLandlordIds ?? [],
  };
  if (draft.type === 'noodwoning' && input.referredByGgd !== undefined) {
    const evicting = input.evictingLandlordId;
    const noodwoning: NoodwoningDetails = {
      referredByGgdMeldpunt: input.referredByGgd,
      ...(evicting !== undefined && evicting !== 'none' && { evictingLandlordId: evicting }),
    };
    patch.noodwoning = noodwoning;
  }
  return patch;
}

export function step3Patch(input: Step3Input, draft: Nomination, today: IsoDate): Partial<DraftFields> {
  const checklist = withAnswers(draft.checklist, {
    a: input.checklistA && { status: input.checklistA },
    d: input.checklistD && { status: input.checklistD },
    e: input.checklistE && { status: input.checklistE },
    f: input.checklistF && { status: input.checklistF },
    g: input.checklistG && { status: input.checklistG },
    h: input.checklistH && { status: input.checklistH },
    i: input.checklistI && { status: input.checklistI },
    // 5.6j: the motivation belongs to the exception only.
    j: input.checklistJ && {
      status: input.checklistJ,
      ...(input.checklistJ === 'exception' && input.budgetMotivation && { motivation: input.budgetMotivation }),
    },
    k: evictionFromCard(input, draft, today),
    l: input.checklistL && { status: input.checklistL },
  });
  return { checklist, viaMayor: input.viaMayor ?? false };
}

/** 5.6k from the eviction date, which is used here and then dropped (src/eligibility/eviction.ts). */
function evictionFromCard(input: Step3Input, draft: Nomination, today: IsoDate): ChecklistAnswer | undefined {
  switch (input.evicted) {
    case 'no':
      return { status: 'met' };
    case 'yes':
      return input.lastEvictionOn === undefined
        ? undefined
        : evictionAnswer(input.lastEvictionOn, input.fromNoodwoning ?? false, today);
    case 'keep':
      return draft.checklist.k;
    case undefined:
      return undefined;
  }
}

/** The stored checklist with these items answered anew; an unanswered item is taken out. */
function withAnswers(stored: Checklist, answers: Partial<Record<ChecklistItem, ChecklistAnswer | undefined>>) {
  const next: Checklist = { ...stored };
  for (const [item, answer] of Object.entries(answers) as [ChecklistItem, ChecklistAnswer | undefined][]) {
    if (answer) next[item] = answer;
    else delete next[item];
  }
  return next;
}

/** The card's values for a stored draft: what the counsellor sees when going on with it. */
export function draftToValues(n: Nomination): FormValues {
  const { candidate, checklist, scope } = n;
  const values: FormValues = {
    type: n.type,
    candidateName: candidate.name,
    dateOfBirth: candidate.dateOfBirth,
    adults: String(candidate.household.adults),
    minorChildren: String(candidate.household.minorChildren),
    expectedEndOfIntramuralCare: n.expectedEndOfIntramuralCare,
    wlzFunded: String(scope.wlzFunded),
    expectedToLiveIndependently: String(scope.expectedToLiveIndependently),
    boundaryCrossing: String(scope.boundaryCrossingBehaviourInFamily),
    residencyMaatwerkMotivation: n.residencyMaatwerkMotivation,
    checklistC: checklist.c?.status,
    woonnet: checklist.b && String(checklist.b.status === 'met'),
    housing: n.requirements.housing,
    neighbourhood: n.requirements.neighbourhood,
    targetLandlordIds: n.targetLandlordIds.join(','),
    checklistA: checklist.a?.status,
    checklistD: checklist.d?.status,
    checklistE: checklist.e?.status,
    checklistF: checklist.f?.status,
    checklistG: checklist.g?.status,
    checklistH: checklist.h?.status,
    checklistI: checklist.i?.status,
    checklistJ: checklist.j?.status,
    budgetMotivation: checklist.j?.motivation,
    // The date behind 5.6k was never stored: the card offers to keep the derived answer.
    evicted: checklist.k && 'keep',
    checklistL: checklist.l?.status,
    viaMayor: String(n.viaMayor ?? false),
  };
  RESIDENCY_ROWS.forEach((row, i) => {
    const ids = residencyFieldIds(row);
    values[ids.from] = n.residency[i]?.from;
    values[ids.to] = n.residency[i]?.to;
  });
  if (n.type === 'noodwoning' && n.noodwoning) {
    values.referredByGgd = String(n.noodwoning.referredByGgdMeldpunt);
    values.evictingLandlordId = n.noodwoning.evictingLandlordId ?? 'none';
  }
  for (const key of Object.keys(values) as (keyof FormValues)[]) if (values[key] === undefined) delete values[key];
  return values;
}
