/**
 * The outbox worker (DESIGN.md "Sending"): claims a message (a lease, so one instance sends it),
 * renders a nomination's card as the nomination is now, posts it — or updates the card it posted
 * before — and records where the card is before it marks the message sent. A worker that dies
 * mid-send leaves the message to be claimed again when its lease runs out; the card record then
 * shows the card is there already, so nothing goes out twice. (Only a death between Teams' answer
 * and the record write can still repeat a post: Teams has no idempotent send. The weekly digest,
 * posted as enqueued, has no card record, so for it that window is the whole send.)
 * A signal's card (8.1, 8.2, 10.5) is kept current the same way; reminders are drawn when sent
 * and posted once, a platform reminder as it was enqueued (counts only).
 * Messages go out in order per conversation: the store hands out a conversation's next message only
 * once the ones before it are done (OutboxStore.claimNext), so a retry holds back that conversation.
 * Each drain first relays the notifications a crash left on nominations and signals (relay-sweep.ts).
 */
import { createHash } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { OutboxMessage } from '../../src/outbox/outbox';
import { RELAY_AFTER_MS } from '../../src/outbox/pending';
import type { CardViewer } from '../../src/storage/card-activity-port';
import type { Store } from '../../src/storage/ports';
import type { Clock } from '../../src/time/dates';
import type { BotDeps } from '../deps';
import { textsFor } from '../i18n/texts';
import { hashId } from '../logger';
import { statusCardFor } from '../nomination-card/load-status-card';
import { clearContactUnreachable, markContactUnreachable } from './contact-reachability';
import { decideOnFailure } from './delivery-policy';
import { readDigestPayload } from '../scheduler/digest-message';
import { readPlatformReminderPayload, readReminderPayload, type ReminderPayload } from '../scheduler/reminder-message';
import { reminderCardFor } from '../reminders/reminder-card';
import { signalCardFor } from '../signals/signal-card';
import { readNominationStatusPayload, statusMessage, type NominationStatusPayload } from './nomination-message';
import { readSignalCardPayload, signalCardKey, signalMessage, type SignalCardPayload } from './signal-message';
import { ConversationPacer } from './pacer';
import { relayLeftBehind } from './relay-sweep';
import { DeliveryError, type ProactiveSender } from './proactive-sender';

export interface OutboxWorkerOptions {
  /** Between polls when the outbox was empty. Default 1000. */
  pollIntervalMs?: number;
  /** How long a claimed message is this worker's. Default 60 s: well beyond one send. */
  leaseMs?: number;
  /** Defaults to real timers; tests pass one that moves their clock. */
  sleep?: (ms: number) => Promise<void>;
  /** For the backoff's jitter. */
  random?: () => number;
  /** A safety stop for one drain. */
  maxPerDrain?: number;
}

export interface DrainReport {
  sent: number;
  /** Nothing to send: the card shows this version or a newer one already. */
  skipped: number;
  retried: number;
  failed: number;
  unreachable: number;
}

type Outcome = keyof DrainReport;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OutboxWorker {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly pacer: ConversationPacer;
  private readonly options: Required<OutboxWorkerOptions>;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  /** Drains run one at a time: the polling loop and a test's drainOnce() never interleave. */
  private running: Promise<unknown> = Promise.resolve();
  /** When this worker last swept for notifications left pending (clock ms). */
  private sweptAt: number | undefined;

  constructor(
    private readonly deps: BotDeps,
    private readonly sender: ProactiveSender,
    options: OutboxWorkerOptions = {},
  ) {
    this.store = deps.store;
    this.clock = deps.clock;
    this.options = {
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      leaseMs: options.leaseMs ?? 60_000,
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
      maxPerDrain: options.maxPerDrain ?? 500,
    };
    this.pacer = new ConversationPacer(() => this.clock().getTime(), this.options.sleep);
  }

  /** Polls until stop(). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running.catch(() => undefined);
  }

  /** Delivers every message that is due now, one after another; resolves when none is left. */
  drainOnce(): Promise<DrainReport> {
    const drain = this.running.catch(() => undefined).then(() => this.drain());
    this.running = drain;
    return drain;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.drainOnce()
        .catch((error: unknown) => this.deps.logger.warn({ err: errorShape(error) }, 'outbox drain failed'))
        .finally(() => this.schedule());
    }, this.options.pollIntervalMs);
    this.timer.unref();
  }

  private async drain(): Promise<DrainReport> {
    await this.sweep();
    const report: DrainReport = { sent: 0, skipped: 0, retried: 0, failed: 0, unreachable: 0 };
    for (let i = 0; i < this.options.maxPerDrain; i++) {
      const now = this.clock();
      const message = await this.store.outbox.claimNext(
        now.toISOString(),
        new Date(now.getTime() + this.options.leaseMs).toISOString(),
      );
      if (!message) break;
      report[await this.deliver(message)] += 1;
    }
    return report;
  }

  /** At most every RELAY_AFTER_MS: what a turn left pending (it died before its relay) goes into the outbox. */
  private async sweep(): Promise<void> {
    const now = this.clock().getTime();
    if (this.sweptAt !== undefined && now - this.sweptAt < RELAY_AFTER_MS) return;
    this.sweptAt = now;
    try {
      const relayed = await relayLeftBehind(this.deps);
      if (relayed > 0) this.deps.logger.info({ relayed }, 'outbox relayed notifications a turn left pending');
    } catch (error) {
      // Delivery goes on; the next sweep tries again.
      this.deps.logger.warn({ err: errorShape(error) }, 'outbox relay sweep failed');
    }
  }

  private deliver(message: OutboxMessage): Promise<Outcome> {
    const status = readNominationStatusPayload(message);
    if (status) return this.deliverStatus(message, status);
    const digest = readDigestPayload(message);
    if (digest) return this.deliverCard(message, digest.card);
    const signal = readSignalCardPayload(message);
    if (signal) return this.deliverSignal(message, signal);
    const reminder = readReminderPayload(message);
    if (reminder) return this.deliverReminder(message, reminder);
    const platformReminder = readPlatformReminderPayload(message);
    if (platformReminder) return this.deliverCard(message, platformReminder.card);
    return this.fail(message, 'failed', 'unknown message kind or payload');
  }

  /** A card rendered when it was enqueued (the weekly digest: counts only), posted as it is. */
  private async deliverCard(message: OutboxMessage, card: Card): Promise<Outcome> {
    const record = await this.store.conversations.get(message.conversationKey);
    if (!record) return this.unreachable(message, undefined, 'no conversation reference');
    try {
      await this.post(message, record.reference as Partial<ConversationReference>, card);
    } catch (error) {
      return this.afterFailure(message, undefined, error);
    }
    await this.store.outbox.markSent(message.id, this.clock().toISOString());
    return 'sent';
  }

  /** A nomination's status card, rendered now for its viewer, posted once and updated after. */
  private async deliverStatus(message: OutboxMessage, payload: NominationStatusPayload): Promise<Outcome> {
    const record = await this.store.conversations.get(message.conversationKey);
    if (!record) return this.unreachable(message, payload.recipientPartyId, 'no conversation reference');
    const reference = record.reference as Partial<ConversationReference>;
    const nomination = await this.store.nominations.get(payload.nominationId);
    if (!nomination) return this.fail(message, 'failed', 'nomination gone');
    const outcome = await this.deliverTracked(message, reference, payload.version, {
      key: nomination.id,
      version: nomination.version,
      viewer: payload.viewer,
      ...(payload.recipientPartyId && { recipientPartyId: payload.recipientPartyId }),
      ...(payload.replaceActivityId && { replaceActivityId: payload.replaceActivityId }),
      render: () => statusCardFor(this.deps, nomination, payload.viewer, textsFor(reference.locale)),
    });
    if (outcome === 'sent') {
      await this.auditDisclosure(message, nomination.id, payload.viewer);
      if (!payload.replaceActivityId) await this.followChange(message, payload, nomination.version);
    }
    return outcome;
  }

  /**
   * Changed while this card was on its way: that change's relay may have listed the cards before
   * this one was recorded, so this conversation gets the new version too (the same id as the
   * relay's, if it did enqueue one).
   */
  private async followChange(message: OutboxMessage, payload: NominationStatusPayload, shown: number): Promise<void> {
    const now = await this.store.nominations.get(payload.nominationId);
    if (!now || now.version <= shown) return;
    const { recipientPartyId, viewer } = payload;
    const delivery = {
      conversationKey: message.conversationKey,
      viewer,
      ...(message.recipientContactId && { recipientContactId: message.recipientContactId }),
      ...(recipientPartyId && { recipientPartyId }),
    };
    await this.store.outbox.enqueue(statusMessage(now.id, now.version, delivery, this.clock().toISOString()));
  }

  /** The contact behind a 1:1 conversation key (`user:<Entra object id>`); a card update carries no contact id. */
  private async contactIdOf(conversationKey: string): Promise<string | undefined> {
    if (!conversationKey.startsWith('user:')) return undefined;
    const aadObjectId = conversationKey.slice('user:'.length);
    const party = await this.store.parties.findByContactAadObjectId(aadObjectId);
    return party?.contacts.find((contact) => contact.aadObjectId === aadObjectId)?.id;
  }

  /**
   * A card the worker sent shows the nomination's personal data to its recipient: that is a read
   * for the audit trail (DESIGN.md, BIO 8.15.01). By ids only: the contact, or the party whose
   * team channel got it — never the conversation key, which holds the Entra object id.
   */
  private async auditDisclosure(
    message: OutboxMessage,
    nominationId: string,
    viewer: { audience: string; partyId: string },
  ): Promise<void> {
    const actorId =
      message.recipientContactId ?? (await this.contactIdOf(message.conversationKey)) ?? `party:${viewer.partyId}`;
    await this.store.audit.append({
      // The outbox id names the conversation (an Entra id): hashed, it still makes one record per send.
      id: `${nominationId}:sent:${createHash('sha256').update(message.id).digest('hex').slice(0, 24)}`,
      at: this.clock().toISOString(),
      action: `nomination.read:sent-${viewer.audience}-view`,
      object: { type: 'nomination', id: nominationId },
      result: 'success',
      origin: 'outbox',
      actorId,
    });
  }

  /** A signal's card (8.1, 8.2, 10.5), tracked like a status card under `signal:<id>`. */
  private async deliverSignal(message: OutboxMessage, payload: SignalCardPayload): Promise<Outcome> {
    const record = await this.store.conversations.get(message.conversationKey);
    if (!record) return this.unreachable(message, payload.recipientPartyId, 'no conversation reference');
    const reference = record.reference as Partial<ConversationReference>;
    const signal = await this.store.signals.get(payload.signalId);
    if (!signal) return this.fail(message, 'failed', 'signal gone');
    const outcome = await this.deliverTracked(message, reference, payload.version, {
      key: signalCardKey(signal.id),
      version: signal.version,
      viewer: payload.viewer,
      ...(payload.recipientPartyId && { recipientPartyId: payload.recipientPartyId }),
      render: () => signalCardFor(this.deps, signal, payload.viewer, textsFor(reference.locale)),
    });
    // Acknowledged while this card was on its way: the acknowledgement did not know of this card yet.
    const now = await this.store.signals.get(signal.id);
    if (outcome === 'sent' && now && now.version > signal.version) {
      const recipient = { conversationKey: message.conversationKey, viewer: payload.viewer };
      await this.store.outbox.enqueue(signalMessage(now.id, now.version, recipient, this.clock().toISOString()));
    }
    return outcome;
  }

  /** A reminder (5.4, 5.11, 4.9), drawn now from the nomination for its viewer, posted once. */
  private async deliverReminder(message: OutboxMessage, payload: ReminderPayload): Promise<Outcome> {
    const record = await this.store.conversations.get(message.conversationKey);
    if (!record) return this.unreachable(message, payload.recipientPartyId, 'no conversation reference');
    const reference = record.reference as Partial<ConversationReference>;
    const card = await reminderCardFor(this.deps, payload, textsFor(reference.locale));
    if (!card) return this.fail(message, 'failed', 'nomination gone or not for this viewer');
    try {
      await this.post(message, reference, card);
    } catch (error) {
      return this.afterFailure(message, payload.recipientPartyId, error);
    }
    await this.store.outbox.markSent(message.id, this.clock().toISOString());
    await this.auditDisclosure(message, payload.nominationId, payload.viewer);
    return 'sent';
  }

  /**
   * A card kept current in one conversation: skipped when the card there shows this version or a
   * newer one, else rendered now and posted, or updated where it was posted before.
   */
  private async deliverTracked(
    message: OutboxMessage,
    reference: Partial<ConversationReference>,
    messageVersion: number,
    target: TrackedCard,
  ): Promise<Outcome> {
    const tracked = target.replaceActivityId
      ? undefined
      : await this.store.cardActivities.get(target.key, message.conversationKey);
    if (tracked && tracked.version >= messageVersion) {
      await this.store.outbox.markSent(message.id, this.clock().toISOString());
      return 'skipped';
    }
    const card = await target.render();
    if (!card) return this.fail(message, 'failed', 'viewer may not see this card');

    try {
      const activityId = target.replaceActivityId
        ? await this.update(message, reference, target.replaceActivityId, card)
        : tracked
          ? await this.updateOrRepost(message, reference, tracked.activityId, card)
          : await this.post(message, reference, card);
      if (!target.replaceActivityId) {
        await this.store.cardActivities.record({
          nominationId: target.key,
          conversationKey: message.conversationKey,
          activityId,
          version: target.version,
          viewer: target.viewer,
          updatedAt: this.clock().toISOString(),
        });
      }
    } catch (error) {
      return this.afterFailure(message, target.recipientPartyId, error);
    }
    await this.store.outbox.markSent(message.id, this.clock().toISOString());
    if (message.recipientContactId && target.recipientPartyId) {
      await clearContactUnreachable(this.store, target.recipientPartyId, message.recipientContactId, this.clock);
    }
    return 'sent';
  }

  private async post(message: OutboxMessage, reference: Partial<ConversationReference>, card: Card): Promise<string> {
    const finished = await this.pacer.waitTurn(message.conversationKey);
    try {
      return (await this.sender.post(reference, card)).activityId;
    } finally {
      finished();
    }
  }

  private async update(
    message: OutboxMessage,
    reference: Partial<ConversationReference>,
    activityId: string,
    card: Card,
  ): Promise<string> {
    const finished = await this.pacer.waitTurn(message.conversationKey);
    try {
      await this.sender.update(reference, activityId, card);
    } finally {
      finished();
    }
    return activityId;
  }

  /** The card was deleted in Teams (404 on the update): post a new one in its place. */
  private async updateOrRepost(
    message: OutboxMessage,
    reference: Partial<ConversationReference>,
    activityId: string,
    card: Card,
  ): Promise<string> {
    try {
      return await this.update(message, reference, activityId, card);
    } catch (error) {
      if (!(error instanceof DeliveryError) || error.status !== 404) throw error;
      return this.post(message, reference, card);
    }
  }

  private async afterFailure(
    message: OutboxMessage,
    recipientPartyId: string | undefined,
    error: unknown,
  ): Promise<Outcome> {
    const failure = error instanceof DeliveryError ? error : new DeliveryError(undefined, undefined, error);
    const decision = decideOnFailure(failure, message.attempts, this.options.random());
    const reason = failure.status === undefined ? 'no answer' : `HTTP ${failure.status}`;
    if (decision.kind === 'unreachable') return this.unreachable(message, recipientPartyId, reason);
    if (decision.kind === 'failed') return this.fail(message, 'failed', reason);
    const notBefore = new Date(this.clock().getTime() + decision.delayMs).toISOString();
    await this.store.outbox.reschedule(message.id, notBefore, reason);
    this.deps.logger.info(
      { outbox: hashId(message.id), reason, delayMs: decision.delayMs },
      'outbox send retried later',
    );
    return 'retried';
  }

  private async unreachable(
    message: OutboxMessage,
    recipientPartyId: string | undefined,
    reason: string,
  ): Promise<Outcome> {
    await this.store.outbox.markFailed(message.id, 'unreachable', reason);
    if (message.recipientContactId && recipientPartyId) {
      const at = this.clock().toISOString();
      await markContactUnreachable(this.store, recipientPartyId, message.recipientContactId, at, this.clock);
    }
    this.deps.logger.warn({ outbox: hashId(message.id), reason }, 'outbox recipient unreachable');
    return 'unreachable';
  }

  private async fail(message: OutboxMessage, status: 'failed', reason: string): Promise<Outcome> {
    await this.store.outbox.markFailed(message.id, status, reason);
    this.deps.logger.warn({ outbox: hashId(message.id), reason }, 'outbox message failed');
    return 'failed';
  }
}

type Card = Parameters<ProactiveSender['post']>[1];

/** A card the worker keeps current in a conversation (card-activity-port.ts). */
interface TrackedCard {
  /** Its key in the card-activity store: the nomination id, or `signal:<id>`. */
  key: string;
  /** The version the rendered card shows. */
  version: number;
  viewer: CardViewer;
  recipientPartyId?: string;
  /** Update this very activity (a card answered with "bezig") instead of the tracked one. */
  replaceActivityId?: string;
  render(): Promise<Card | undefined>;
}

function errorShape(error: unknown): { name?: string; message?: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : {};
}
