/**
 * The verdict card of one nomination, for its own organisation only (OrganisationView): the
 * verdict with its article-numbered reasons, and once registered the queue place per landlord and
 * the three-month target date (5.4).
 */
import {
  nominationVerdictCard,
  type NominationVerdictData,
  type TextColor,
} from '../../cards/nomination-verdict/nomination-verdict.model';
import type { CardAttachment } from '../../cards/render';
import type { VerdictKind, VerdictReason } from '../../src/eligibility/verdict';
import { addressedLandlordIds } from '../../src/nomination/actor';
import type { Nomination } from '../../src/nomination/nomination';
import { queuePositionsOf } from '../../src/queue/landlord-queue';
import { isWaitingForOffer } from '../../src/queue/queue';
import { registrationDate } from '../../src/queue/target-date';
import { organisationView } from '../../src/views/organisation-view';
import type { BotDeps } from '../deps';
import type { NominationTexts } from '../i18n/nomination.nl';
import type { UnreachableContact } from '../outbox/notify-nomination';
import { auditRead } from './audit-read';
import type { NominationTurn } from './nomination-turn';

const VERDICT_COLORS: Record<VerdictKind, TextColor> = {
  eligible: 'Good',
  'eligible-with-maatwerk': 'Warning',
  'not-eligible': 'Attention',
  'out-of-scope': 'Attention',
};

const SEVERITY_COLORS: Record<VerdictReason['severity'], TextColor> = {
  blocking: 'Attention',
  maatwerk: 'Warning',
  info: 'Default',
};

/** Undefined when the nomination is not this organisation's: it then does not exist for them. */
export async function verdictCard(
  deps: BotDeps,
  turn: NominationTurn,
  nomination: Nomination,
  unreachable: readonly UnreachableContact[] = [],
): Promise<CardAttachment | undefined> {
  const positions = await queuePositions(deps, nomination);
  const view = organisationView(nomination, turn.identity.party.id, positions);
  await auditRead(deps, turn, [nomination.id], 'organisation-view', view ? 'success' : 'denied');
  if (!view) return undefined;
  const names = await partyNames(deps);
  return nominationVerdictCard(verdictData(view.nomination, view.offerTargetDate, positions, names, unreachable, turn));
}

export function verdictData(
  n: Nomination,
  offerTargetDate: string | undefined,
  positions: Readonly<Record<string, number>>,
  names: ReadonlyMap<string, string>,
  unreachable: readonly UnreachableContact[],
  turn: Pick<NominationTurn, 'texts'>,
): NominationVerdictData {
  const t = turn.texts;
  const nameOf = (id: string) => names.get(id) ?? id;
  const landlords = n.registeredAt ? addressedLandlordIds(n) : n.targetLandlordIds;
  const facts = [
    { title: t.verdict.type, value: t.types[n.type] },
    { title: t.verdict.state, value: t.states[n.state] },
    ...(landlords.length ? [{ title: t.verdict.landlords, value: landlords.map(nameOf).join(', ') }] : []),
    ...(n.registeredAt ? [{ title: t.verdict.registeredOn, value: t.date(registrationDate(n)) }] : []),
    ...(offerTargetDate ? [{ title: t.verdict.targetDate, value: t.date(offerTargetDate) }] : []),
  ];
  const queueFacts = Object.entries(positions).map(([id, position]) => ({
    title: nameOf(id),
    value: t.verdict.position(position),
  }));
  const reasons = n.verdict?.reasons ?? [];
  return {
    title: t.verdict.title(n.candidate.name || t.list.none),
    ...(n.verdict && { verdict: { label: t.verdict.kinds[n.verdict.kind], color: VERDICT_COLORS[n.verdict.kind] } }),
    facts,
    ...(queueFacts.length > 0 && { queue: { heading: t.verdict.queueHeading, facts: queueFacts } }),
    reasons: {
      heading: t.verdict.reasonsHeading,
      items: reasons.length
        ? reasons.map((reason) => ({ text: t.reason(reason), color: SEVERITY_COLORS[reason.severity] }))
        : [{ text: t.verdict.noReasons, color: 'Good' }],
    },
    ...(n.state === 'not-eligible' && { notice: t.verdict.notSent }),
    ...(unreachable.length > 0 && { unreachable: unreachableText(unreachable, nameOf, t) }),
    ...(n.registeredAt && { status: { title: t.verdict.statusAndSteps, nominationId: n.id } }),
    back: { title: t.verdict.backToList },
  };
}

function unreachableText(
  contacts: readonly UnreachableContact[],
  nameOf: (id: string) => string,
  t: NominationTexts,
): string {
  return t.verdict.unreachable(contacts.map((c) => `${c.name} (${nameOf(c.landlordId)})`).join(', '));
}

/** 5.4: the place in each addressed landlord's queue, while the nomination waits for an offer. */
async function queuePositions(deps: BotDeps, n: Nomination): Promise<Record<string, number>> {
  if (!n.registeredAt || !isWaitingForOffer(n)) return {};
  return queuePositionsOf(deps.store, n.id, addressedLandlordIds(n));
}

/** Every party's name by id, those that left included: old nominations still name them. */
export async function partyNames(deps: BotDeps): Promise<Map<string, string>> {
  return new Map((await deps.store.parties.list()).map((party) => [party.id, party.name]));
}
