/**
 * DESIGN.md "Who may see what": personal data of closed nominations is removed after
 * the retention period; the aggregates stay. 10.2: the platform's counts never needed
 * the person anyway.
 *
 * What stays is what the counts and the yearly figures use (per state, type, landlord,
 * year; queue lead times; art. 9 distribution use; 6.4 noodwoning quota): ids of the
 * nomination and the parties, type, state, the dates of each step, the landlords
 * involved, the verdict kind, and the history's transitions. Everything else goes:
 * the candidate, residency, requirements, checklist answers and motivations, scope
 * confirmations, via-the-mayor, eviction details, verdict reasons, credit check,
 * evaluations, free texts, and the contact ids of the people who acted (the audit trail
 * keeps who did what, BIO 8.15.01).
 *
 * Built by picking what stays, never by deleting what goes: a personal field added to
 * Nomination later is erased without anyone remembering to list it here.
 */
import { addressedLandlordIds } from '../nomination/actor';
import type { Nomination } from '../nomination/nomination';

export function erasePersonalData(nomination: Nomination, now: Date): Nomination {
  const n = nomination;
  return {
    id: n.id,
    version: n.version,
    type: n.type,
    nominatingPartyId: n.nominatingPartyId,
    nominatedByContactId: '',
    state: n.state,
    createdAt: n.createdAt,
    ...kept('registeredAt', n.registeredAt),
    ...kept('closedAt', n.closedAt),
    candidate: { name: '', household: { adults: 0, minorChildren: 0 } },
    residency: [],
    requirements: {},
    // Narrowed to the landlords it went to: a chosen-but-excluded landlord would reveal an eviction (6.3).
    targetLandlordIds: addressedLandlordIds(n),
    checklist: {},
    scope: { wlzFunded: false, expectedToLiveIndependently: false, boundaryCrossingBehaviourInFamily: false },
    // 6.4: the quota consultation stays countable; 6.3's evicting landlord goes.
    ...(n.noodwoning
      ? {
          noodwoning: {
            referredByGgdMeldpunt: n.noodwoning.referredByGgdMeldpunt,
            ...kept('consultationFlagged', n.noodwoning.consultationFlagged),
          },
        }
      : {}),
    ...(n.verdict
      ? {
          verdict: {
            kind: n.verdict.kind,
            reasons: [],
            allowedLandlordIds: [...n.verdict.allowedLandlordIds],
            decidedAt: n.verdict.decidedAt,
          },
        }
      : {}),
    acknowledgements: n.acknowledgements.map((a) => ({
      landlordId: a.landlordId,
      contactId: '',
      contactName: '',
      at: a.at,
    })),
    ...(n.proposedHome
      ? {
          proposedHome: {
            landlordId: n.proposedHome.landlordId,
            description: '',
            proposedAt: n.proposedHome.proposedAt,
            proposedBy: '',
          },
        }
      : {}),
    ...kept('suitabilityConfirmedAt', n.suitabilityConfirmedAt),
    // 6.4 counts offers by offer.madeOn.
    ...(n.offer
      ? {
          offer: {
            landlordId: n.offer.landlordId,
            madeOn: n.offer.madeOn,
            ...kept('answer', n.offer.answer),
            ...kept('answeredOn', n.offer.answeredOn),
          },
        }
      : {}),
    ...(n.intake ? { intake: { on: n.intake.on } } : {}),
    // 9 counts leases by lease.signedOn; 4.9 conversions by convertedOn.
    ...(n.lease
      ? {
          lease: {
            landlordId: n.lease.landlordId,
            signedOn: n.lease.signedOn,
            temporaryUntil: n.lease.temporaryUntil,
            guidanceAgreementUntil: n.lease.guidanceAgreementUntil,
            guidanceEndMayBeShared: n.lease.guidanceEndMayBeShared,
            ...kept('convertedOn', n.lease.convertedOn),
          },
        }
      : {}),
    evaluations: [],
    ...(n.refusal ? { refusal: { landlordId: n.refusal.landlordId, on: n.refusal.on, reason: '' } } : {}),
    history: n.history.map((h) => ({
      at: h.at,
      actorId: '',
      action: h.action,
      from: h.from,
      to: h.to,
      version: h.version,
    })),
    erasedAt: n.erasedAt ?? now.toISOString(),
  };
}

function kept<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
