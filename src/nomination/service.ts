/**
 * The nomination lifecycle on the storage ports. Every change is a compare-and-set on the
 * nomination's version (DESIGN.md "Storage"), so of two people acting at once exactly one wins;
 * the other gets a conflict or wrong-state result, never a second effect. Every attempt —
 * also a denied one — is written to the audit trail (BIO 8.15.01), by contact id only.
 */
import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../audit/audit';
import type { Verdict } from '../eligibility/verdict';
import { pendingNotificationId, withPendingNotification } from '../outbox/pending';
import type { ContactRole } from '../parties/party';
import { DuplicateKeyError, VersionConflictError, type Store } from '../storage/ports';
import type { Clock } from '../time/dates';
import { refuseActor, type Actor } from './actor';
import { checkDraftFields, pickDraftFields, type DraftFields } from './draft';
import type { LifecycleError } from './errors';
import {
  conflict,
  decideStep,
  hashRequest,
  invalidPayload,
  notAllowed,
  wrongState,
  type StepRequest,
} from './lifecycle';
import type { Nomination } from './nomination';
import { notificationsFor, type Notification } from './notifications';
import { PayloadError } from './payload';
import { refusalNl } from './refusal-texts.nl';
import type { Refusal } from './refusals';
import type { TransitionName } from './transitions';

export type ServiceResult =
  | { ok: true; nomination: Nomination; notifications: Notification[]; alreadyApplied: boolean }
  | { ok: false; error: LifecycleError };

export interface NominationServiceOptions {
  store: Pick<Store, 'nominations' | 'audit'>;
  clock: Clock;
  /** Where requests come from, for the audit trail: "teams", "scheduler", "seed", "test". */
  origin?: string;
  newId?: () => string;
}

const DRAFT_ROLES: readonly ContactRole[] = ['counsellor', 'casemanager'];

export class NominationService {
  private readonly store: Pick<Store, 'nominations' | 'audit'>;
  private readonly clock: Clock;
  private readonly origin: string;
  private readonly newId: () => string;

  constructor(options: NominationServiceOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.origin = options.origin ?? 'teams';
    this.newId = options.newId ?? randomUUID;
  }

  /** Pass `id` (e.g. derived from the Teams activity) to make a retried create return the same draft. */
  async createDraft(actor: Actor, fields: DraftFields, options: { id?: string } = {}): Promise<ServiceResult> {
    const id = options.id ?? this.newId();
    const action = 'nomination.create-draft';
    if (!DRAFT_ROLES.includes(actor.role)) {
      return this.refuse(id, 0, action, actor, notAllowed(actor, { code: 'draft-roles-only' }));
    }
    const picked = pickDraftFields(fields);
    const invalid = formatProblem(picked);
    if (invalid) return this.refuse(id, 0, action, actor, invalid);

    const at = this.clock().toISOString();
    const draft: Omit<Nomination, 'version'> = {
      ...(picked as DraftFields),
      id,
      nominatingPartyId: actor.partyId,
      nominatedByContactId: actor.contactId,
      state: 'draft',
      createdAt: at,
      acknowledgements: [],
      evaluations: [],
      history: [],
    };
    try {
      const saved = await this.store.nominations.insert(draft);
      await this.audit(successRecord(saved.id, saved.version, at, action, actor, this.origin));
      return { ok: true, nomination: saved, notifications: [], alreadyApplied: false };
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e;
      const existing = await this.store.nominations.get(id);
      if (existing?.nominatedByContactId === actor.contactId) {
        return { ok: true, nomination: existing, notifications: [], alreadyApplied: true };
      }
      return this.refuse(id, existing?.version ?? 0, action, actor, conflict(existing ?? { ...draft, version: 0 }));
    }
  }

  /** Changes draft fields only; saving what is stored already changes nothing (a retry). */
  async saveDraft(
    id: string,
    actor: Actor,
    patch: Partial<DraftFields>,
    expectedVersion: number,
  ): Promise<ServiceResult> {
    const action = 'nomination.save-draft';
    const current = await this.store.nominations.get(id);
    if (!current) return this.refuse(id, 0, action, actor, notFound());
    const refusal = refuseActor(current, actor, DRAFT_ROLES);
    if (refusal) return this.refuse(id, current.version, action, actor, notAllowed(actor, refusal));
    if (current.state !== 'draft') return this.refuse(id, current.version, action, actor, wrongState(current));

    const picked = pickDraftFields(patch);
    if (sameDraftFields(current, picked)) {
      return { ok: true, nomination: current, notifications: [], alreadyApplied: true };
    }
    if (current.version !== expectedVersion) return this.refuse(id, current.version, action, actor, conflict(current));
    const invalid = formatProblem(picked);
    if (invalid) return this.refuse(id, current.version, action, actor, invalid);

    try {
      const saved = await this.store.nominations.replace({ ...current, ...picked }, expectedVersion);
      await this.audit(successRecord(id, saved.version, this.clock().toISOString(), action, actor, this.origin));
      return { ok: true, nomination: saved, notifications: [], alreadyApplied: false };
    } catch (e) {
      if (!(e instanceof VersionConflictError)) throw e;
      const fresh = await this.store.nominations.get(id);
      if (fresh && sameDraftFields(fresh, picked)) {
        return { ok: true, nomination: fresh, notifications: [], alreadyApplied: true };
      }
      return this.refuse(id, fresh?.version ?? 0, action, actor, fresh ? conflict(fresh) : notFound());
    }
  }

  /** 5.3, 5.6: registers the draft, or closes it as not eligible, after the verdict. */
  submit(id: string, actor: Actor, verdict: Verdict, expectedVersion: number): Promise<ServiceResult> {
    return this.apply(id, actor, 'submit', { verdict }, expectedVersion);
  }

  /**
   * Takes one step (transitions.ts); `payload` is the card's data, checked here. Who must hear of
   * it is stored in the same compare-and-set (`pendingNotifications`, src/outbox/pending.ts).
   */
  async apply(
    id: string,
    actor: Actor,
    transition: TransitionName,
    payload: unknown,
    expectedVersion: number,
  ): Promise<ServiceResult> {
    const action = `nomination.transition:${transition}`;
    const request: StepRequest = { actor, transition, payload, expectedVersion };
    let current = await this.store.nominations.get(id);
    for (let attempt = 0; ; attempt++) {
      if (!current) return this.refuse(id, 0, action, actor, notFound());
      const decision = decideStep(current, request, this.clock());
      if (decision.kind !== 'change') return this.settle(current, request, decision, action);

      const version = decision.entry.version;
      const notifications = notificationsFor(transition, actor, current, decision.next, version);
      const pending = { id: pendingNotificationId(id, version), version, at: decision.entry.at, notifications };
      let saved: Nomination;
      try {
        saved = await this.store.nominations.replace(withPendingNotification(decision.next, pending), current.version);
      } catch (e) {
        if (!(e instanceof VersionConflictError)) throw e;
        const fresh = await this.store.nominations.get(id);
        if (!fresh) return this.refuse(id, 0, action, actor, notFound());
        // Still the version we read: the step was held by a write nobody sees (relayed notifications
        // taken off, which keeps the version). Once more on what is stored now.
        if (fresh.version === current.version && attempt === 0) {
          current = fresh;
          continue;
        }
        // Someone acted first. If that was this very request (a racing retry) it counts as done.
        const again = decideStep(fresh, request, this.clock());
        if (again.kind === 'unchanged') return this.settle(fresh, request, again, action);
        const lost = again.kind === 'error' && again.error.kind === 'wrong-state' ? again.error : conflict(fresh);
        return this.refuse(id, fresh.version, action, actor, lost);
      }
      await this.audit(successRecord(id, saved.version, decision.entry.at, action, actor, this.origin));
      return { ok: true, nomination: saved, notifications, alreadyApplied: false };
    }
  }

  /** A decision that stores nothing: a retry, an outcome already there, or an error. */
  private async settle(
    n: Nomination,
    request: StepRequest,
    decision: Exclude<ReturnType<typeof decideStep>, { kind: 'change' }>,
    action: string,
  ): Promise<ServiceResult> {
    if (decision.kind === 'error') return this.refuse(n.id, n.version, action, request.actor, decision.error);
    const retryOf = decision.retryOf;
    if (!retryOf) return { ok: true, nomination: n, notifications: [], alreadyApplied: true };
    // Same id as the first time: the store keeps one record, and fills it in if the first run stopped short.
    await this.audit(successRecord(n.id, retryOf.version, retryOf.at, action, request.actor, this.origin));
    const notifications = notificationsFor(request.transition, request.actor, n, n, retryOf.version);
    return { ok: true, nomination: n, notifications, alreadyApplied: true };
  }

  private async refuse(
    nominationId: string,
    version: number,
    action: string,
    actor: Actor,
    error: LifecycleError,
  ): Promise<ServiceResult> {
    await this.audit({
      // Deterministic: a retried refused request is recorded once.
      id: `${nominationId}:v${version}:${action}:${actor.contactId}:${error.kind}:${hashRequest(error)}`,
      at: this.clock().toISOString(),
      action,
      object: { type: 'nomination', id: nominationId },
      result: auditResult(error),
      origin: this.origin,
      actorId: actor.contactId,
    });
    return { ok: false, error };
  }

  private audit(record: AuditRecord): Promise<void> {
    return this.store.audit.append(record);
  }
}

function successRecord(
  nominationId: string,
  version: number,
  at: string,
  action: string,
  actor: Actor,
  origin: string,
): AuditRecord {
  return {
    id: `${nominationId}:v${version}`,
    at,
    action,
    object: { type: 'nomination', id: nominationId },
    result: 'success',
    origin,
    actorId: actor.contactId,
  };
}

function auditResult(error: LifecycleError): AuditRecord['result'] {
  switch (error.kind) {
    case 'not-allowed-for-role':
    case 'invalid-payload':
      return 'denied';
    case 'wrong-state':
    case 'conflict':
      return 'conflict';
    case 'not-found':
      return 'error';
  }
}

function notFound(): LifecycleError {
  const refusal: Refusal = { code: 'not-found' };
  return { kind: 'not-found', refusal, message: refusalNl(refusal) };
}

function formatProblem(fields: Partial<DraftFields>): LifecycleError | undefined {
  try {
    checkDraftFields(fields);
    return undefined;
  } catch (e) {
    if (e instanceof PayloadError) return invalidPayload(e.field, e.refusal);
    throw e;
  }
}

function sameDraftFields(n: Nomination, picked: Partial<DraftFields>): boolean {
  const stored: Partial<DraftFields> = {};
  for (const key of Object.keys(picked) as (keyof DraftFields)[]) Object.assign(stored, { [key]: n[key] });
  return hashRequest(stored) === hashRequest(picked);
}
