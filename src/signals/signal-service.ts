/**
 * Sending and acknowledging signals on the storage ports. Sending inserts under an id the caller
 * derives from the request, so a retried send stores one signal; the acknowledgement is a
 * compare-and-set on the signal's version, so of two receivers confirming at once one is recorded.
 * Every attempt — also a refused one — is audited (BIO 8.15.01) by ids only: no kind, amount,
 * note or name goes into the audit trail.
 */
import type { AuditRecord } from '../audit/audit';
import type { Actor } from '../nomination/actor';
import { pendingNotificationId, withPendingNotification } from '../outbox/pending';
import { DuplicateKeyError, VersionConflictError, type Store } from '../storage/ports';
import type { Clock } from '../time/dates';
import type { PendingSignalNotification, Signal } from './signal';
import { decideAcknowledge, decideSignal, type SignalError, type SignalInput } from './signal-rules';

export type SendResult = { ok: true; signal: Signal; alreadySent: boolean } | { ok: false; error: SignalError };
export type AcknowledgeResult =
  { ok: true; signal: Signal; alreadyAcknowledged: boolean } | { ok: false; error: SignalError };

export interface SignalServiceOptions {
  store: Pick<Store, 'signals' | 'nominations' | 'audit'>;
  clock: Clock;
  /** The covenant's time zone, for "not in the future" (default Europe/Amsterdam). */
  timeZone?: string;
  /** For the audit trail: "teams", "test", … */
  origin?: string;
}

export class SignalService {
  private readonly origin: string;

  constructor(private readonly options: SignalServiceOptions) {
    this.origin = options.origin ?? 'teams';
  }

  /**
   * `id` comes from the request (e.g. the Teams activity), so a retry lands on the same signal.
   * Who must hear of it is stored with the signal (`pendingNotifications`, src/outbox/pending.ts):
   * the receiving side, and the sender's own copy in `senderConversationKey` where given.
   */
  async send(
    actor: Actor,
    nominationId: string,
    input: SignalInput,
    id: string,
    options: { senderConversationKey?: string } = {},
  ): Promise<SendResult> {
    const { store, clock } = this.options;
    const retried = await this.retryOf(id, actor);
    if (retried) return retried;
    const nomination = await store.nominations.get(nominationId);
    if (!nomination) return this.refuseSend(id, actor, { code: 'not-found' });
    const now = clock();
    const decision = decideSignal(nomination, actor, input, {
      id,
      now,
      ...(this.options.timeZone && { timeZone: this.options.timeZone }),
    });
    if (!decision.ok) return this.refuseSend(id, actor, decision.error);
    let saved: Signal;
    try {
      const { senderConversationKey } = options;
      const pending: PendingSignalNotification = {
        id: pendingNotificationId(id, 1),
        version: 1,
        at: decision.signal.sentAt,
        event: 'sent',
        ...(senderConversationKey && { senderConversationKey }),
      };
      saved = await store.signals.insert(withPendingNotification(decision.signal, pending));
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      return (await this.retryOf(id, actor)) ?? this.refuseSend(id, actor, { code: 'not-found' });
    }
    await this.audit(`${id}:v1`, 'signal.send', id, 'success', actor, saved.sentAt);
    return { ok: true, signal: saved, alreadySent: false };
  }

  async acknowledge(signalId: string, actor: Actor): Promise<AcknowledgeResult> {
    const { store, clock } = this.options;
    // Two rounds: a conflict means another receiver confirmed first, which the second round sees.
    for (let round = 0; round < 2; round++) {
      const signal = await store.signals.get(signalId);
      if (!signal) return this.refuseAcknowledge(signalId, actor, { code: 'not-found' });
      const decision = decideAcknowledge(signal, actor, clock());
      if (decision.kind === 'error') return this.refuseAcknowledge(signalId, actor, decision.error);
      if (decision.kind === 'unchanged') return { ok: true, signal, alreadyAcknowledged: true };
      try {
        const version = signal.version + 1;
        const at = decision.next.acknowledgement?.at ?? clock().toISOString();
        const pending: PendingSignalNotification = {
          id: pendingNotificationId(signalId, version),
          version,
          at,
          event: 'acknowledged',
        };
        const saved = await store.signals.replace(withPendingNotification(decision.next, pending), signal.version);
        await this.audit(`${signalId}:v${saved.version}`, 'signal.acknowledge', signalId, 'success', actor, at);
        return { ok: true, signal: saved, alreadyAcknowledged: false };
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    return this.refuseAcknowledge(signalId, actor, { code: 'not-found' });
  }

  /** The signal this sender stored under `id` before: the same request again. */
  private async retryOf(id: string, actor: Actor): Promise<SendResult | undefined> {
    const existing = await this.options.store.signals.get(id);
    if (!existing) return undefined;
    if (existing.from.contactId !== actor.contactId) return { ok: false, error: { code: 'not-found' } };
    return { ok: true, signal: existing, alreadySent: true };
  }

  private async refuseSend(id: string, actor: Actor, error: SignalError): Promise<SendResult> {
    await this.refusal('signal.send', id, actor, error);
    return { ok: false, error };
  }

  private async refuseAcknowledge(id: string, actor: Actor, error: SignalError): Promise<AcknowledgeResult> {
    await this.refusal('signal.acknowledge', id, actor, error);
    return { ok: false, error };
  }

  private refusal(action: string, signalId: string, actor: Actor, error: SignalError): Promise<void> {
    const result = error.code === 'not-found' ? 'error' : 'denied';
    // Deterministic: a retried refused request is recorded once.
    const id = `${signalId}:${action}:${actor.contactId}:${error.code}`;
    return this.audit(id, action, signalId, result, actor, this.options.clock().toISOString());
  }

  private audit(
    id: string,
    action: string,
    signalId: string,
    result: AuditRecord['result'],
    actor: Actor,
    at: string,
  ): Promise<void> {
    return this.options.store.audit.append({
      id,
      at,
      action,
      object: { type: 'signal', id: signalId },
      result,
      origin: this.origin,
      actorId: actor.contactId,
    });
  }
}
