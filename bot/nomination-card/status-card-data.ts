/**
 * Fills the status card from a view, in the reader's language. The landlord card is built from a
 * LandlordView and a few registry names only — never from the Nomination — so nothing the covenant
 * keeps from landlords (10.6) can reach it; the counsellor card from the OrganisationView.
 */
import type { CardStep, Fact, StatusCardData } from '../../cards/nomination-status/status.model';
import { addressedLandlordIds } from '../../src/nomination/actor';
import type { Nomination, NominationState } from '../../src/nomination/nomination';
import { nextEvaluationDueOn } from '../../src/nomination/steps/lease';
import { localDate } from '../../src/time/dates';
import type { LandlordOwnRecords, LandlordView } from '../../src/views/landlord-view';
import type { OrganisationView } from '../../src/views/organisation-view';
import type { EvaluationStatus } from '../i18n/nomination-status.nl';
import type { Texts } from '../i18n/texts';
import { cardActions, type ActionContext } from './card-actions';

export interface CardOptions {
  /** The nomination's version: the card's buttons act on it (optimistic concurrency). */
  version: number;
  today: string;
  timeZone: string;
  /** About the reader's own action (a stale card, refused input). */
  note?: string;
}

/** What a landlord card shows beyond the view: names from the party registry and its own acknowledgement. */
export interface LandlordCardExtras {
  nominatingPartyName: string;
  /** 5.3: whom to consult about the nomination. */
  nominator?: { name: string; email: string };
  /** The name of this landlord's own contact who acknowledged it. */
  acknowledgedBy?: string;
}

export function landlordStatusCardData(
  view: LandlordView,
  extras: LandlordCardExtras,
  steps: readonly CardStep[],
  texts: Texts,
  options: CardOptions,
): StatusCardData {
  const t = texts.nominationStatus;
  const c = t.card;
  const day = dayOf(t.date, options.timeZone);
  const acknowledgedAt = view.dates.acknowledgedAt;
  const ownName = acknowledgedAt && extras.acknowledgedBy;
  return {
    ...frame(view.nominationId, view.state, texts, options),
    role: 'landlord',
    title: view.erased ? c.erasedTitle : c.title(view.candidate.name),
    subtitle: c.subtitleLandlord(t.types[view.type], extras.nominatingPartyName),
    ...(acknowledgedAt && {
      acknowledgement: ownName ? c.acknowledgedBy(ownName, day(acknowledgedAt)) : c.acknowledgedOn(day(acknowledgedAt)),
    }),
    ...notice(view.erased ? c.erased : view.takenOnByAnotherLandlord ? c.takenOnByAnother : undefined),
    personFacts: view.erased
      ? []
      : facts([
          [c.name, view.candidate.name],
          [c.dateOfBirth, view.candidate.dateOfBirth && t.date(view.candidate.dateOfBirth)],
          [c.household, c.householdValue(view.candidate.household.adults, view.candidate.household.minorChildren)],
          [c.housing, view.requirements.housing],
          [c.neighbourhood, view.requirements.neighbourhood],
          [c.registeredOn, day(view.dates.registeredAt)],
          [c.offerTargetDate, t.date(view.dates.offerTargetDate)],
          [
            c.expectedEndOfIntramuralCare,
            view.dates.expectedEndOfIntramuralCare && t.date(view.dates.expectedEndOfIntramuralCare),
          ],
          [c.queuePosition, view.queuePosition?.toString()],
          [c.nominatedBy, extras.nominator && c.contactValue(extras.nominator.name, extras.nominator.email)],
        ]),
    checklistFacts: view.erased
      ? []
      : facts([
          [c.checklistComplete, view.checklist.complete ? c.yes : c.no],
          [c.budgetManagement, statusText(view.checklist.budgetManagement, texts)],
          [c.debtArrangement, statusText(view.checklist.debtArrangement, texts)],
        ]),
    progressFacts: ownProgress(view, steps, texts, day),
    actions: view.erased ? {} : cardActions(steps, t, actionContext(view.own.evaluations, day)),
  };
}

export interface CounsellorCardExtras {
  /** Party id → name, for the landlords. */
  partyNames: Readonly<Record<string, string>>;
}

export function counsellorStatusCardData(
  view: OrganisationView,
  extras: CounsellorCardExtras,
  steps: readonly CardStep[],
  texts: Texts,
  options: CardOptions,
): StatusCardData {
  const t = texts.nominationStatus;
  const c = t.card;
  const n = view.nomination;
  const day = dayOf(t.date, options.timeZone);
  const erased = n.erasedAt !== undefined;
  const nameOf = (id: string) => extras.partyNames[id] ?? id;
  const landlordIds = addressedLandlordIds(n);
  return {
    ...frame(n.id, n.state, texts, options),
    role: 'counsellor',
    title: erased ? c.erasedTitle : c.title(n.candidate.name),
    subtitle: c.subtitleCounsellor(t.types[n.type], landlordIds.map(nameOf).join(', ')),
    ...notice(erased ? c.erased : undefined),
    personFacts: erased
      ? []
      : facts([
          [c.name, n.candidate.name],
          [c.dateOfBirth, n.candidate.dateOfBirth && t.date(n.candidate.dateOfBirth)],
          [c.household, c.householdValue(n.candidate.household.adults, n.candidate.household.minorChildren)],
          [c.housing, n.requirements.housing],
          [c.neighbourhood, n.requirements.neighbourhood],
          [c.registeredOn, n.registeredAt && day(n.registeredAt)],
          [c.offerTargetDate, view.offerTargetDate && t.date(view.offerTargetDate)],
          [c.expectedEndOfIntramuralCare, n.expectedEndOfIntramuralCare && t.date(n.expectedEndOfIntramuralCare)],
        ]),
    landlordFacts: n.registeredAt
      ? landlordIds.map((id) => ({
          title: nameOf(id),
          value: landlordLine(n, id, view.queuePositions[id], texts, day),
        }))
      : [],
    progressFacts: erased ? [] : organisationProgress(n, steps, texts, day, nameOf),
    actions: erased ? {} : cardActions(steps, t, actionContext(n.evaluations, day)),
  };
}

type Day = (instantOrDate: string) => string;

/** Dates as the reader writes them; instants first to their local date in the covenant's time zone. */
function dayOf(format: (iso: string) => string, timeZone: string): Day {
  return (value) => format(value.length > 10 ? localDate(new Date(value), timeZone) : value);
}

type Frame = Pick<
  StatusCardData,
  | 'nominationId'
  | 'version'
  | 'today'
  | 'requiredMessage'
  | 'stateTitle'
  | 'stateLabel'
  | 'note'
  | 'personTitle'
  | 'checklistTitle'
  | 'checklistFacts'
  | 'landlordsTitle'
  | 'landlordFacts'
  | 'progressTitle'
>;

/** What both role views share; each view fills in its own sections. */
function frame(nominationId: string, state: Nomination['state'], texts: Texts, options: CardOptions): Frame {
  const c = texts.nominationStatus.card;
  return {
    nominationId,
    version: options.version,
    today: options.today,
    requiredMessage: c.requiredMessage,
    stateTitle: c.state,
    stateLabel: texts.nominationStatus.states[state],
    ...(options.note !== undefined && { note: options.note }),
    personTitle: c.person,
    checklistTitle: c.checklist,
    checklistFacts: [],
    landlordsTitle: c.landlords,
    landlordFacts: [],
    progressTitle: c.progress,
  };
}

function notice(text: string | undefined): { notice?: string } {
  return text === undefined ? {} : { notice: text };
}

function facts(rows: [string, string | undefined][]): Fact[] {
  return rows
    .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
    .map(([title, value]) => ({ title, value }));
}

function statusText(status: LandlordView['checklist']['budgetManagement'], texts: Texts): string {
  const c = texts.nominationStatus.card;
  return status ? c.checklistStatuses[status] : c.notAnswered;
}

/** The steps so far, for either side: a landlord's own records (LandlordView) or the organisation's nomination. */
type ProgressRecords = Omit<LandlordOwnRecords, 'evaluations'>;

/**
 * The evaluations (5.11) as both sides may see them: date and outcome only — what the landlord
 * view holds (10.6) — and where the latest positive one stands on the way to 4.9's conversion.
 */
interface EvaluationRecords {
  state: NominationState;
  evaluations: readonly { on: string; positive: boolean }[];
  latestStatus: EvaluationStatus | undefined;
}

function progressRows(
  records: ProgressRecords,
  evaluations: EvaluationRecords,
  texts: Texts,
  day: Day,
  proposedHome: string | undefined,
): Fact[] {
  const c = texts.nominationStatus.card;
  const { creditCheck, refusal, lease } = records;
  return facts([
    [c.proposedHome, proposedHome],
    [c.suitabilityConfirmedOn, records.suitabilityConfirmedAt && day(records.suitabilityConfirmedAt)],
    [c.offer, records.offer && offerText(records.offer, texts, day)],
    [c.intake, records.intake && day(records.intake.on)],
    [c.creditCheck, creditCheck && c.creditCheckValue(c.creditOutcomes[creditCheck.outcome], day(creditCheck.on))],
    [c.extraConditions, creditCheck?.extraConditions],
    ...leaseRows(lease, texts, day),
    ...evaluationRows(evaluations, lease, texts, day),
    [c.convertedOn, lease?.convertedOn && day(lease.convertedOn)],
    [c.refusal, refusal && c.refusalValue(day(refusal.on), refusal.reason)],
  ]);
}

function ownProgress(view: LandlordView, steps: readonly CardStep[], texts: Texts, day: Day): Fact[] {
  const { own } = view;
  const latest = own.evaluations.at(-1);
  // The landlord view keeps an evaluation to its date and outcome (src/views/landlord-view.ts):
  // where the latest positive one stands is read from the steps the lifecycle offers this landlord.
  const joint = view.state === 'lease-indefinite' || steps.includes('convert-lease');
  const evaluations = {
    state: view.state,
    evaluations: own.evaluations,
    latestStatus: evaluationStatus(view.state, latest, joint, steps),
  };
  return progressRows(own, evaluations, texts, day, own.proposedHome?.description);
}

/** The organisation also sees which landlord proposed the home. */
function organisationProgress(
  n: Nomination,
  steps: readonly CardStep[],
  texts: Texts,
  day: Day,
  nameOf: (id: string) => string,
): Fact[] {
  const home = n.proposedHome;
  const proposed = home && texts.nominationStatus.card.proposedHomeBy(home.description, nameOf(home.landlordId));
  const latest = n.evaluations.at(-1);
  const evaluations = {
    state: n.state,
    evaluations: n.evaluations.map((e) => ({ on: e.on, positive: e.positive })),
    latestStatus: evaluationStatus(n.state, latest, latest?.confirmedBy !== undefined, steps),
  };
  return progressRows(n, evaluations, texts, day, proposed);
}

function evaluationStatus(
  state: NominationState,
  latest: { positive: boolean } | undefined,
  joint: boolean,
  steps: readonly CardStep[],
): EvaluationStatus | undefined {
  if (!latest?.positive) return undefined;
  if (joint) return 'joint';
  if (state !== 'lease-signed') return undefined;
  return steps.includes('confirm-evaluation') ? 'awaiting-you' : 'awaiting-other';
}

function evaluationRows(
  records: EvaluationRecords,
  lease: ProgressRecords['lease'],
  texts: Texts,
  day: Day,
): [string, string | undefined][] {
  const c = texts.nominationStatus.card;
  const { evaluations, latestStatus } = records;
  const rows = evaluations.map((e, i): [string, string] => {
    const value = c.evaluationValue(day(e.on), e.positive);
    const status = i === evaluations.length - 1 && latestStatus ? c.evaluationStatuses[latestStatus] : undefined;
    return [c.evaluation, status ? `${value}, ${status}` : value];
  });
  const due = nextEvaluationDueOn({ state: records.state, lease, evaluations });
  return [...rows, [c.nextEvaluationDueOn, due && day(due)]];
}

/** The latest evaluation's date, for the forms that confirm it or convert after it (4.9). */
function actionContext(evaluations: readonly { on: string }[], day: Day): ActionContext {
  const latest = evaluations.at(-1);
  return latest ? { latestEvaluationOn: day(latest.on) } : {};
}

function offerText(
  offer: { madeOn: string; answer?: 'accepted' | 'declined'; answeredOn?: string },
  texts: Texts,
  day: Day,
): string {
  const c = texts.nominationStatus.card;
  if (offer.answer && offer.answeredOn) {
    return c.offerAnswered(day(offer.madeOn), c.offerAnswers[offer.answer], day(offer.answeredOn));
  }
  return c.offerMadeOn(day(offer.madeOn));
}

function leaseRows(lease: LandlordOwnRecords['lease'], texts: Texts, day: Day): [string, string | undefined][] {
  const c = texts.nominationStatus.card;
  if (!lease) return [];
  return [
    [c.lease, c.leaseValue(day(lease.signedOn), day(lease.temporaryUntil))],
    [c.guidanceAgreement, c.guidanceValue(day(lease.guidanceAgreementUntil))],
    [c.guidanceEndMayBeShared, lease.guidanceEndMayBeShared ? c.yes : c.no],
  ];
}

function landlordLine(n: Nomination, landlordId: string, position: number | undefined, texts: Texts, day: Day): string {
  const c = texts.nominationStatus.card;
  const ack = n.acknowledgements.find((a) => a.landlordId === landlordId);
  const acknowledged = ack ? c.acknowledgedBy(ack.contactName, day(ack.at)) : c.notAcknowledged;
  return position === undefined ? acknowledged : `${acknowledged}, ${c.position(position)}`;
}
