/**
 * Posts the weekly digest in the platform channel (art. 3, 11), through the outbox (DESIGN.md
 * "Sending"). Every instance ticks (once a minute); on each tick:
 *   1. the latest slot that has passed (src/scheduling/digest-slot.ts) — a slot missed while the
 *      bot was down is still the latest when it comes back, so it is posted then, once; weeks
 *      before it are not (see there);
 *   2. nothing to do when `digest:<week>` is in the outbox already;
 *   3. otherwise the lease "digest" (LeaseStore), so one instance builds the digest;
 *   4. enqueue it under `digest:<week>`: should two instances get this far anyway (a lease run out,
 *      or a server whose conditional updates are not atomic, such as FerretDB 1.x), the unique id
 *      keeps one.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { digestFiguresOf } from '../../src/digest/digest-figures-of';
import type { SignalCounter } from '../../src/digest/signal-counts';
import {
  compileSchedule,
  latestDueSlot,
  type CompiledSchedule,
  type DigestSchedule,
  type DigestSlot,
} from '../../src/scheduling/digest-slot';
import type { Store } from '../../src/storage/ports';
import type { Clock } from '../../src/time/dates';
import { nl } from '../i18n/nl';
import { digestCardFor } from '../platform/digest-card';
import { landlordNamesOf } from '../platform/landlord-names';
import { Ticker } from './ticker';
import { digestMessage, digestMessageId } from './digest-message';

export const DIGEST_LEASE = 'digest';
const DEFAULT_TICK_MS = 60_000;
// Building and enqueueing takes well under a second; the lease only has to outlast that.
const DEFAULT_LEASE_MS = 2 * 60_000;

export interface DigestSchedulerOptions {
  store: Store;
  clock: Clock;
  schedule: DigestSchedule;
  timeZone: string;
  platformChannelId: string;
  logger: Logger;
  /** This instance's name in the lease; random by default. */
  instanceId?: string;
  signals?: SignalCounter;
  leaseMs?: number;
}

export type TickOutcome =
  | { kind: 'not-due' }
  | { kind: 'already-posted'; slot: DigestSlot }
  | { kind: 'lease-held-elsewhere'; slot: DigestSlot }
  | { kind: 'posted'; slot: DigestSlot }
  /** Another instance enqueued the same week between our check and our enqueue. */
  | { kind: 'posted-by-other'; slot: DigestSlot };

export class DigestScheduler {
  private readonly schedule: CompiledSchedule;
  private readonly owner: string;
  private readonly ticker: Ticker;

  /** Throws CronError when DIGEST_CRON names a minute, hour or day that does not exist. */
  constructor(private readonly options: DigestSchedulerOptions) {
    this.schedule = compileSchedule(options.schedule);
    this.owner = options.instanceId ?? randomUUID();
    this.ticker = new Ticker('digest', () => this.tick(), options.logger);
  }

  async tick(): Promise<TickOutcome> {
    const { store, clock, timeZone } = this.options;
    const now = clock();
    const slot = latestDueSlot(this.schedule, now, timeZone);
    if (!slot) return { kind: 'not-due' };
    if (await store.outbox.get(digestMessageId(slot.isoWeek))) return { kind: 'already-posted', slot };

    const until = new Date(now.getTime() + (this.options.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
    if (!(await store.leases.acquire(DIGEST_LEASE, this.owner, now.toISOString(), until))) {
      return { kind: 'lease-held-elsewhere', slot };
    }
    try {
      const [figures, names] = await Promise.all([
        digestFiguresOf(store, () => now, { ...(this.options.signals && { signals: this.options.signals }) }),
        landlordNamesOf(store),
      ]);
      const card = digestCardFor(figures, nl.platform, names, 'weekly');
      const message = digestMessage(slot.isoWeek, card, this.options.platformChannelId, now.toISOString());
      const isNew = await store.outbox.enqueue(message);
      if (isNew) this.options.logger.info({ isoWeek: slot.isoWeek }, 'weekly digest enqueued');
      return { kind: isNew ? 'posted' : 'posted-by-other', slot };
    } finally {
      await store.leases.release(DIGEST_LEASE, this.owner).catch(() => undefined);
    }
  }

  /** Ticks now (work missed while the bot was down is done at once), then tickMs after each tick. */
  start(tickMs: number = DEFAULT_TICK_MS): void {
    this.ticker.start(tickMs);
  }

  async stop(): Promise<void> {
    await this.ticker.stop();
  }
}
