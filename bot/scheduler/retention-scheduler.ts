/**
 * Runs the retention job (src/retention) in the running bot: every hour, under the store lease
 * "retention" so one instance does it, personal data of nominations closed longer than
 * RETENTION_DAYS ago is erased, and with it the signals on those tenancies; the aggregates stay
 * (DESIGN.md "Who may see what").
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { runRetention, type RetentionResult } from '../../src/retention/run-retention';
import type { Store } from '../../src/storage/ports';
import type { Clock } from '../../src/time/dates';
import { Ticker } from './ticker';

export const RETENTION_LEASE = 'retention';
const DEFAULT_TICK_MS = 60 * 60_000;
const LEASE_MS = 10 * 60_000;

export interface RetentionSchedulerOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  retentionDays: number;
  instanceId?: string;
}

export class RetentionScheduler {
  private readonly owner: string;
  private readonly ticker: Ticker;

  constructor(private readonly options: RetentionSchedulerOptions) {
    this.owner = options.instanceId ?? randomUUID();
    this.ticker = new Ticker('retention', () => this.tick(), options.logger);
  }

  /** Undefined when another instance holds the lease. */
  async tick(): Promise<RetentionResult | undefined> {
    const { store, clock, retentionDays, logger } = this.options;
    const now = clock();
    const until = new Date(now.getTime() + LEASE_MS).toISOString();
    if (!(await store.leases.acquire(RETENTION_LEASE, this.owner, now.toISOString(), until))) return undefined;
    try {
      const result = await runRetention(store, { retentionDays, clock });
      // Counts only: the ids are in the audit trail.
      const counts = {
        erased: result.erasedIds.length,
        skipped: result.skippedIds.length,
        erasedSignals: result.erasedSignalIds.length,
        skippedSignals: result.skippedSignalIds.length,
      };
      if (Object.values(counts).some((count) => count > 0)) logger.info(counts, 'retention ran');
      return result;
    } finally {
      await store.leases.release(RETENTION_LEASE, this.owner).catch(() => undefined);
    }
  }

  start(tickMs: number = DEFAULT_TICK_MS): void {
    this.ticker.start(tickMs);
  }

  async stop(): Promise<void> {
    await this.ticker.stop();
  }
}
