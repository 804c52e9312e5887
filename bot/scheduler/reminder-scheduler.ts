/**
 * Sends the reminders of src/reminders/ through the outbox (DESIGN.md "Sending"), each once.
 * Every instance ticks (once a minute); on each tick:
 *   1. the lease "reminders" (LeaseStore), so one instance does the work;
 *   2. what is due now (src/reminders/due-reminders.ts): its time (09:00 in the covenant's time
 *      zone on its date) has come, it still applies, and it is at most a week old — so a reminder
 *      missed while the bot was down goes out when it is back;
 *   3. one outbox message per reminder and conversation under a deterministic id: a later tick, or
 *      a second instance that got this far anyway, enqueues nothing new.
 * Landlords get the landlord view, the organisation its own view (drawn when sent, reminder-card.ts);
 * the platform channel counts only.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { allocationOf, newYearDistribution } from '../../src/distribution/allocation';
import type { Side } from '../../src/nomination/actor';
import { LANDLORD_IDS } from '../../src/parties/party';
import { WAITING_STATES } from '../../src/queue/queue';
import { dueNominationReminders, duePlatformReminders } from '../../src/reminders/due-reminders';
import type { Store } from '../../src/storage/ports';
import { localDate, type Clock } from '../../src/time/dates';
import { nl } from '../i18n/nl';
import { sideRecipients, type Recipient } from '../outbox/party-recipients';
import { platformReminderCard } from '../reminders/reminder-card';
import { Ticker } from './ticker';
import { platformReminderMessage, reminderMessage } from './reminder-message';

export const REMINDER_LEASE = 'reminders';
const DEFAULT_TICK_MS = 60_000;
// A tick reads the open nominations and enqueues a few messages: well under the lease.
const DEFAULT_LEASE_MS = 2 * 60_000;

export interface ReminderSchedulerOptions {
  store: Store;
  clock: Clock;
  timeZone: string;
  /** Where 6.4 and 2b/9 reminders go; without it, none are sent. */
  platformChannelId?: string;
  logger: Logger;
  /** This instance's name in the lease; random by default. */
  instanceId?: string;
  leaseMs?: number;
}

export type ReminderTickOutcome = { kind: 'lease-held-elsewhere' } | { kind: 'ran'; due: number; enqueued: number };

export class ReminderScheduler {
  private readonly owner: string;
  private readonly ticker: Ticker;

  constructor(private readonly options: ReminderSchedulerOptions) {
    this.owner = options.instanceId ?? randomUUID();
    this.ticker = new Ticker('reminder', () => this.tick(), options.logger);
  }

  async tick(): Promise<ReminderTickOutcome> {
    const { store, clock } = this.options;
    const now = clock();
    const until = new Date(now.getTime() + (this.options.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
    if (!(await store.leases.acquire(REMINDER_LEASE, this.owner, now.toISOString(), until))) {
      return { kind: 'lease-held-elsewhere' };
    }
    try {
      const [forNominations, forPlatform] = await Promise.all([
        this.nominationReminders(now),
        this.platformReminders(now),
      ]);
      const enqueued = forNominations.enqueued + forPlatform.enqueued;
      if (enqueued > 0) this.options.logger.info({ enqueued }, 'reminders enqueued');
      return { kind: 'ran', due: forNominations.due + forPlatform.due, enqueued };
    } finally {
      await store.leases.release(REMINDER_LEASE, this.owner).catch(() => undefined);
    }
  }

  /** 5.4, 5.11, 4.9: to the landlords' contacts and the nominating organisation's counsellors. */
  private async nominationReminders(now: Date): Promise<{ due: number; enqueued: number }> {
    const { store, timeZone } = this.options;
    const open = await store.nominations.find({ states: [...WAITING_STATES, 'lease-signed'] });
    const due = dueNominationReminders(open, now, timeZone);
    const byId = new Map(open.map((n) => [n.id, n]));
    const recipientsOf = memoised((partyId: string, side: Side) => sideRecipients(store, partyId, side));
    const at = now.toISOString();
    let enqueued = 0;
    for (const reminder of due) {
      const nomination = byId.get(reminder.nominationId);
      if (!nomination) continue;
      const recipients: Recipient[] = [];
      for (const landlordId of reminder.landlordIds) {
        recipients.push(...(await recipientsOf(landlordId, 'landlord')).recipients);
      }
      if (reminder.toOrganisation) {
        recipients.push(...(await recipientsOf(nomination.nominatingPartyId, 'care')).recipients);
      }
      for (const recipient of recipients) {
        if (await store.outbox.enqueue(reminderMessage(reminder, recipient, at))) enqueued += 1;
      }
    }
    return { due: due.length, enqueued };
  }

  /** 6.4, 2b/9: to the platform channel, counts only (10.2). */
  private async platformReminders(now: Date): Promise<{ due: number; enqueued: number }> {
    const { store, timeZone, platformChannelId } = this.options;
    if (platformChannelId === undefined) return { due: 0, enqueued: 0 };
    const year = Number(localDate(now, timeZone).slice(0, 4));
    const duivenvoorde = LANDLORD_IDS.duivenvoorde;
    const [noodwoningen, duivenvoordeLeases, lastYear, thisYear] = await Promise.all([
      store.nominations.find({ type: 'noodwoning' }),
      store.nominations.find({ landlordId: duivenvoorde, states: ['lease-signed', 'lease-indefinite'] }),
      store.distributions.get(year - 1),
      store.distributions.get(year),
    ]);
    const homes = (y: number) =>
      allocationOf((y === year ? thisYear : lastYear) ?? newYearDistribution(y), duivenvoorde).effective;
    const nominations = [...new Map([...noodwoningen, ...duivenvoordeLeases].map((n) => [n.id, n])).values()];
    const due = duePlatformReminders(nominations, homes, duivenvoorde, now, timeZone);
    let enqueued = 0;
    for (const reminder of due) {
      // The channel has no one reader's language: Dutch, as the digest.
      const card = platformReminderCard(reminder, nl);
      const message = platformReminderMessage(reminder, card, platformChannelId, now.toISOString());
      if (await store.outbox.enqueue(message)) enqueued += 1;
    }
    return { due: due.length, enqueued };
  }

  /** Ticks now (work missed while the bot was down is done at once), then tickMs after each tick. */
  start(tickMs: number = DEFAULT_TICK_MS): void {
    this.ticker.start(tickMs);
  }

  async stop(): Promise<void> {
    await this.ticker.stop();
  }
}

/** One look-up per party and side per tick. */
function memoised<T>(load: (partyId: string, side: Side) => Promise<T>): (partyId: string, side: Side) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (partyId, side) => {
    const key = `${side}|${partyId}`;
    let found = cache.get(key);
    if (!found) {
      found = load(partyId, side);
      cache.set(key, found);
    }
    return found;
  };
}
