/**
 * Indienen: the draft is checked against the covenant (evaluateEligibility), registered or closed
 * as not eligible (NominationService.submit), the landlords' contacts are notified through the
 * outbox, and the counsellor sees the verdict at once.
 */
import { covenantYearOf } from '../../src/distribution/covenant-year';
import { noodwoningQuota } from '../../src/distribution/noodwoning-quota';
import { evaluateEligibility } from '../../src/eligibility/evaluate';
import type { Nomination } from '../../src/nomination/nomination';
import type { ServiceResult } from '../../src/nomination/service';
import type { BotDeps } from '../deps';
import { notifyNominationChange } from '../outbox/notify-nomination';
import type { CardReply } from './card-reply';
import type { Landlord, NominationTurn } from './nomination-turn';
import { verdictCard } from './verdict-view';

export type SubmitOutcome =
  | { kind: 'done'; reply: CardReply }
  /** The service refused (a conflict, or a step no longer possible): the caller shows the card again. */
  | { kind: 'refused'; result: Extract<ServiceResult, { ok: false }> };

export async function submitDraft(
  deps: BotDeps,
  turn: NominationTurn,
  draft: Nomination,
  landlords: readonly Landlord[],
): Promise<SubmitOutcome> {
  const flagged = await withNoodwoningQuota(deps, turn, draft);
  if (!flagged.ok) return { kind: 'refused', result: flagged };

  const verdict = evaluateEligibility(flagged.nomination, {
    today: turn.today,
    nominatingPartyKind: turn.identity.party.kind,
    currentLandlordIds: landlords.map((l) => l.id),
  });
  const addressed = await withRouteLandlords(turn, flagged.nomination, verdict.allowedLandlordIds);
  if (!addressed.ok) return { kind: 'refused', result: addressed };
  const current = addressed.nomination;
  const result = await turn.service.submit(current.id, turn.actor, verdict, current.version);
  if (!result.ok) return { kind: 'refused', result };

  const { unreachableContacts } = await notifyNominationChange(deps, result);
  const card = await verdictCard(deps, turn, result.nomination, unreachableContacts);
  return { kind: 'done', reply: card ?? turn.texts.verdict.notFound };
}

/**
 * 6.3: a noodwoning for which LIMOR chose no landlord goes to every landlord the route allows.
 * The verdict names them; the nomination is addressed to its chosen landlords, so they are chosen here.
 */
async function withRouteLandlords(
  turn: NominationTurn,
  draft: Nomination,
  allowedLandlordIds: string[],
): Promise<ServiceResult | { ok: true; nomination: Nomination }> {
  if (draft.type !== 'noodwoning' || draft.targetLandlordIds.length > 0 || allowedLandlordIds.length === 0) {
    return { ok: true, nomination: draft };
  }
  return turn.service.saveDraft(draft.id, turn.actor, { targetLandlordIds: allowedLandlordIds }, draft.version);
}

/**
 * 6.4: two noodwoningen a year; once both were made available, the next one needs the parties to
 * consult. The flag is part of the draft, so the verdict (a maatwerk reason) and the landlords see it.
 */
async function withNoodwoningQuota(
  deps: BotDeps,
  turn: NominationTurn,
  draft: Nomination,
): Promise<ServiceResult | { ok: true; nomination: Nomination }> {
  if (draft.type !== 'noodwoning') return { ok: true, nomination: draft };
  const quota = await noodwoningQuota(deps.store, covenantYearOf(turn.today));
  if ((draft.noodwoning?.consultationFlagged ?? false) === quota.nextNeedsConsultation) {
    return { ok: true, nomination: draft };
  }
  const noodwoning = {
    referredByGgdMeldpunt: false,
    ...draft.noodwoning,
    consultationFlagged: quota.nextNeedsConsultation,
  };
  return turn.service.saveDraft(draft.id, turn.actor, { noodwoning }, draft.version);
}
