/** Getting a nomination to the landlords, and the exits before signing (5.3, 5.5, 5.6). */
import type { Verdict } from '../../eligibility/verdict';
import { addressedLandlordIds } from '../actor';
import type { Nomination } from '../nomination';
import { fail, fieldsOf, requiredText } from '../payload';
import { BEFORE_SIGNING, CARE, LANDLORD, type Transition, type TransitionName } from '../transition';

const VERDICT_KINDS = ['eligible', 'eligible-with-maatwerk', 'not-eligible', 'out-of-scope'] as const;
const REASON_MAX = 500;

export const REGISTRATION_STEPS = {
  submit: {
    name: 'submit',
    article: '5.3, 5.6',
    from: ['draft'],
    to: ['registered', 'not-eligible'],
    roles: CARE,
    // A recomputed verdict differs in decidedAt only; what it decides is what counts.
    requestKey: (payload) => {
      const verdict = fieldsOf(payload).verdict as Partial<Verdict> | undefined;
      return { kind: verdict?.kind, allowed: [...(verdict?.allowedLandlordIds ?? [])].sort() };
    },
    run(n, payload, ctx) {
      const verdict = readVerdict(fieldsOf(payload).verdict);
      if (verdict.kind === 'not-eligible' || verdict.kind === 'out-of-scope') {
        return { ...n, verdict, state: 'not-eligible' };
      }
      const next: Nomination = { ...n, verdict, state: 'registered', registeredAt: ctx.at };
      if (addressedLandlordIds(next).length === 0) {
        fail('targetLandlordIds', { code: 'no-landlord' });
      }
      return next;
    },
  },

  acknowledge: {
    name: 'acknowledge',
    article: '5.1, 5.3',
    // Each addressed landlord acknowledges once; the first moves the nomination on.
    from: ['registered', 'acknowledged'],
    to: ['acknowledged'],
    roles: LANDLORD,
    alreadyDone: (n, actor) => n.acknowledgements.some((a) => a.landlordId === actor.partyId),
    run(n, _payload, { actor, at }) {
      const { contactId, contactName, partyId: landlordId } = actor;
      return {
        ...n,
        state: 'acknowledged',
        acknowledgements: [...n.acknowledgements, { landlordId, contactId, contactName, at }],
      };
    },
  },

  // The nominating organisation may withdraw at any time before the lease is signed.
  withdraw: {
    name: 'withdraw',
    article: '5.3',
    from: ['draft', ...BEFORE_SIGNING],
    to: ['withdrawn'],
    roles: CARE,
    run: (n) => ({ ...n, state: 'withdrawn' }),
  },

  // 5.5: the landlords lead the allocation, and may refuse a candidate (e.g. 4.8 allocation rules).
  refuse: {
    name: 'refuse',
    article: '5.5',
    from: BEFORE_SIGNING,
    to: ['refused'],
    roles: LANDLORD,
    run(n, payload, { actor, today }) {
      const reason = requiredText(fieldsOf(payload), 'reason', 'refusal-reason', REASON_MAX);
      return { ...n, state: 'refused', refusal: { landlordId: actor.partyId, on: today, reason } };
    },
  },
} satisfies Partial<Record<TransitionName, Transition>>;

function readVerdict(raw: unknown): Verdict {
  const v = raw as Partial<Verdict> | undefined;
  const readable =
    typeof v === 'object' &&
    v !== null &&
    (VERDICT_KINDS as readonly unknown[]).includes(v.kind) &&
    Array.isArray(v.allowedLandlordIds) &&
    v.allowedLandlordIds.every((id) => typeof id === 'string') &&
    Array.isArray(v.reasons) &&
    typeof v.decidedAt === 'string';
  if (!readable) fail('verdict', { code: 'verdict-unreadable' });
  return v as Verdict;
}
