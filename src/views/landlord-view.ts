/**
 * What a landlord's fixed contact sees (DESIGN.md "Who may see what"): name, household,
 * requirements, dates, queue position, and of the checklist only whether it is complete
 * plus budget management (5.6j) and debt arrangement (5.6h) — as statuses, without
 * motivations. Never the justice or treatment history (10.6): no TBS / via the mayor
 * (5.6l), no eviction or evicting landlord (5.6k, 6.3), no 4.2 boundary-crossing, no
 * scope confirmations, no residency or its maatwerk motivation (1c), no verdict reasons.
 *
 * Built by picking allowed fields one by one, never by copying and deleting: a field
 * added to Nomination later stays out until someone adds it here on purpose.
 */
import { committedLandlordId } from '../nomination/actor';
import {
  CHECKLIST_ITEMS,
  type ChecklistStatus,
  type Nomination,
  type NominationState,
  type NominationType,
} from '../nomination/nomination';
import { isAddressedTo } from '../queue/addressed-to';
import { offerTargetDate } from '../queue/target-date';
import type { IsoDate } from '../time/dates';

export interface LandlordView {
  audience: 'landlord';
  viewerLandlordId: string;
  nominationId: string;
  type: NominationType;
  state: NominationState;
  /** Who to contact about the nomination (5.3). */
  nominatingPartyId: string;
  nominatedByContactId: string;
  candidate: {
    name: string;
    dateOfBirth?: string;
    household: { adults: number; minorChildren: number };
  };
  /** 5.7 */
  requirements: { housing?: string; neighbourhood?: string };
  dates: {
    registeredAt: string;
    /** 5.4 */
    offerTargetDate: IsoDate;
    /** 5.3 */
    expectedEndOfIntramuralCare?: string;
    /** This landlord's own acknowledgement. */
    acknowledgedAt?: string;
  };
  /** 5.4, as the caller computed it from the landlord's queue. */
  queuePosition?: number;
  checklist: {
    /** All twelve 5.6 items were answered. */
    complete: boolean;
    /** 5.6j */
    budgetManagement?: ChecklistStatus;
    /** 5.6h */
    debtArrangement?: ChecklistStatus;
  };
  /** Another landlord has proposed a home and leads from now on (5.5). */
  takenOnByAnotherLandlord: boolean;
  /** This landlord's own records of the steps it took; absent where it took none. */
  own: LandlordOwnRecords;
  /** Personal data was erased (retention or request). */
  erased: boolean;
}

export interface LandlordOwnRecords {
  proposedHome?: { description: string; proposedAt: string };
  suitabilityConfirmedAt?: string;
  offer?: { madeOn: string; answer?: 'accepted' | 'declined'; answeredOn?: string };
  intake?: { on: string };
  /** 5.8, 5.9 */
  creditCheck?: { on: string; outcome: 'ok' | 'elevated-risk' | 'refused'; extraConditions?: string };
  /** 4.9, 4.10 */
  lease?: {
    signedOn: string;
    temporaryUntil: string;
    guidanceAgreementUntil: string;
    guidanceEndMayBeShared: boolean;
    convertedOn?: string;
  };
  /** 5.11 */
  evaluations: { on: string; positive: boolean }[];
  refusal?: { on: string; reason: string };
}

/** Undefined unless the nomination was sent to this landlord (5.3, 6.3, 6.4, 5.6b). */
export function landlordView(
  nomination: Nomination,
  landlordId: string,
  queuePosition?: number,
): LandlordView | undefined {
  if (!isAddressedTo(nomination, landlordId) || !nomination.registeredAt) return undefined;
  const { candidate, requirements, checklist } = nomination;
  const committed = committedLandlordId(nomination);
  return {
    audience: 'landlord',
    viewerLandlordId: landlordId,
    nominationId: nomination.id,
    type: nomination.type,
    state: nomination.state,
    nominatingPartyId: nomination.nominatingPartyId,
    nominatedByContactId: nomination.nominatedByContactId,
    candidate: {
      name: candidate.name,
      ...optional('dateOfBirth', candidate.dateOfBirth),
      household: { adults: candidate.household.adults, minorChildren: candidate.household.minorChildren },
    },
    requirements: {
      ...optional('housing', requirements.housing),
      ...optional('neighbourhood', requirements.neighbourhood),
    },
    dates: {
      registeredAt: nomination.registeredAt,
      offerTargetDate: offerTargetDate(nomination),
      ...optional('expectedEndOfIntramuralCare', nomination.expectedEndOfIntramuralCare),
      ...optional('acknowledgedAt', nomination.acknowledgements.find((a) => a.landlordId === landlordId)?.at),
    },
    ...optional('queuePosition', queuePosition),
    checklist: {
      complete: CHECKLIST_ITEMS.every((item) => checklist[item] !== undefined),
      ...optional('budgetManagement', checklist.j?.status), // 5.6j
      ...optional('debtArrangement', checklist.h?.status), // 5.6h
    },
    takenOnByAnotherLandlord: committed !== undefined && committed !== landlordId,
    own: ownRecords(nomination, landlordId, committed === landlordId),
    erased: nomination.erasedAt !== undefined,
  };
}

function ownRecords(nomination: Nomination, landlordId: string, leads: boolean): LandlordOwnRecords {
  const { proposedHome, offer, lease, creditCheck, intake, refusal } = nomination;
  return {
    ...(proposedHome?.landlordId === landlordId
      ? { proposedHome: { description: proposedHome.description, proposedAt: proposedHome.proposedAt } }
      : {}),
    ...(leads ? optional('suitabilityConfirmedAt', nomination.suitabilityConfirmedAt) : {}),
    ...(offer?.landlordId === landlordId
      ? {
          offer: {
            madeOn: offer.madeOn,
            ...optional('answer', offer.answer),
            ...optional('answeredOn', offer.answeredOn),
          },
        }
      : {}),
    ...(leads && intake ? { intake: { on: intake.on } } : {}),
    ...(leads && creditCheck
      ? {
          creditCheck: {
            on: creditCheck.on,
            outcome: creditCheck.outcome,
            ...optional('extraConditions', creditCheck.extraConditions),
          },
        }
      : {}),
    ...(lease?.landlordId === landlordId
      ? {
          lease: {
            signedOn: lease.signedOn,
            temporaryUntil: lease.temporaryUntil,
            guidanceAgreementUntil: lease.guidanceAgreementUntil,
            guidanceEndMayBeShared: lease.guidanceEndMayBeShared,
            ...optional('convertedOn', lease.convertedOn),
          },
        }
      : {}),
    evaluations: leads ? nomination.evaluations.map((e) => ({ on: e.on, positive: e.positive })) : [],
    ...(refusal?.landlordId === landlordId ? { refusal: { on: refusal.on, reason: refusal.reason } } : {}),
  };
}

/** `{ key: value }` when the value is present, `{}` otherwise: no `key: undefined` in views. */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
