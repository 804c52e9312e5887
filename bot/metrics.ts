/**
 * What the bot tells Prometheus on GET /metrics (docs/operations.md lists every metric and what to
 * alert on). Shapes and counts only, never personal data: no user, conversation or nomination ids,
 * no names, no text. Every label comes from a fixed vocabulary defined here.
 *
 * Per process: turns, deliveries and the process's own figures. Store-wide, read from the store
 * at scrape time: the outbox by status and the unreachable contacts by role. Every instance reports
 * the same store-wide numbers, so aggregate those with max(), not sum().
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Store } from '../src/storage/ports';
import type { OutboxStatus } from '../src/outbox/outbox';
import type { ContactRole } from '../src/parties/party';
import { Counter, Gauge, Histogram, Registry } from './metrics-registry';
import packageJson from '../package.json' with { type: 'json' };

/** Every outbox status, reported as 0 when there are none, so that an alert has a series to watch. */
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'unreachable'];
const CONTACT_ROLES: readonly ContactRole[] = [
  'counsellor',
  'casemanager',
  'landlord-contact',
  'ggd-contact',
  'platform-coordinator',
];

/**
 * What became of a request to /api/messages that reached botbuilder: the app handled it, no route
 * matched, the turn threw (the user got "Er ging iets mis"), or botbuilder refused it before any
 * turn ran (an invalid token, a malformed activity).
 */
export type TurnOutcome = 'handled' | 'unhandled' | 'error' | 'refused';
/** Requests to /api/messages that never became a turn. */
export type RefusalReason = 'no_token' | 'invalid_token' | 'stopping';
export type DeliveryOperation = 'post' | 'update';

/** Card actions have Teams' invoke budget (about 15 s; the bot answers "bezig" after 5 s). */
const TURN_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30];
const DELIVERY_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const STORE_TIMEOUT_MS = 1_000;
const LAG_RESOLUTION_MS = 20;

export interface BotMetricsOptions {
  /** Read at scrape time: the outbox by status, and contacts marked unreachable. */
  store: { outbox: Pick<Store['outbox'], 'countByStatus'>; parties: Pick<Store['parties'], 'list'> };
  /** How long a scrape waits for the store before reporting convenantbot_store_up 0. Default 1 s. */
  storeTimeoutMs?: number;
}

export class BotMetrics {
  private readonly registry = new Registry();
  private readonly turnDuration: Histogram<'activity' | 'outcome'>;
  private readonly turnsInFlight: Gauge;
  private readonly refusals: Counter<'reason'>;
  private readonly deliveryAttempts: Counter<'operation'>;
  private readonly deliveryFailures: Counter<'operation' | 'status_class' | 'reason'>;
  private readonly deliveryDuration: Histogram<'operation'>;
  private readonly outboxMessages: Gauge<'status'>;
  private readonly contactsUnreachable: Gauge<'role'>;
  private readonly storeUp: Gauge;
  private readonly process: ProcessMetrics;
  private inFlight: () => number = () => 0;

  constructor(private readonly options: BotMetricsOptions) {
    const r = this.registry;
    this.turnDuration = r.register(
      new Histogram(
        'convenantbot_turn_duration_seconds',
        'Time from receiving an activity on /api/messages to answering it, by activity kind and outcome.',
        ['activity', 'outcome'],
        TURN_BUCKETS,
      ),
    );
    this.turnsInFlight = r.register(
      new Gauge('convenantbot_turns_in_flight', 'Requests to /api/messages being processed now.', []),
    );
    this.refusals = r.register(
      new Counter(
        'convenantbot_requests_refused_total',
        'Requests to /api/messages that did not become a turn: no token, an invalid token, or the bot stopping.',
        ['reason'],
      ),
    );
    this.deliveryAttempts = r.register(
      new Counter(
        'convenantbot_delivery_attempts_total',
        'Proactive sends to Teams by the outbox worker (post a card, or update one), each try counted.',
        ['operation'],
      ),
    );
    this.deliveryFailures = r.register(
      new Counter(
        'convenantbot_delivery_failures_total',
        'Proactive sends to Teams that failed, by HTTP status class and reason (throttled = 429).',
        ['operation', 'status_class', 'reason'],
      ),
    );
    this.deliveryDuration = r.register(
      new Histogram(
        'convenantbot_delivery_duration_seconds',
        'Time of one proactive send to Teams, pacing excluded.',
        ['operation'],
        DELIVERY_BUCKETS,
      ),
    );
    this.outboxMessages = r.register(
      new Gauge('convenantbot_outbox_messages', 'Outbox messages by status, store-wide (the same on every instance).', [
        'status',
      ]),
    );
    this.contactsUnreachable = r.register(
      new Gauge(
        'convenantbot_contacts_unreachable',
        'Registry contacts Teams answered 403/404 for (app removed), by role, store-wide.',
        ['role'],
      ),
    );
    this.storeUp = r.register(
      new Gauge('convenantbot_store_up', '1 if the store answered this scrape within its timeout, else 0.', []),
    );
    this.process = new ProcessMetrics(r);
    for (const reason of ['no_token', 'invalid_token', 'stopping'] as const) this.refusals.touch({ reason });
    for (const operation of ['post', 'update'] as const) this.deliveryAttempts.touch({ operation });
  }

  /** The server's count of turns in flight, read at scrape time. */
  trackInFlight(read: () => number): void {
    this.inFlight = read;
  }

  turnEnded(activity: unknown, outcome: TurnOutcome, seconds: number): void {
    this.turnDuration.observe({ activity: activityKind(activity), outcome }, seconds);
  }

  refused(reason: RefusalReason): void {
    this.refusals.inc({ reason });
  }

  deliveryAttempted(operation: DeliveryOperation, seconds: number, failure?: { status: number | undefined }): void {
    this.deliveryAttempts.inc({ operation });
    this.deliveryDuration.observe({ operation }, seconds);
    if (failure) this.deliveryFailures.inc({ operation, ...failureLabels(failure.status) });
  }

  /** The exposition text, with the store-wide figures read now. */
  async expose(): Promise<string> {
    this.turnsInFlight.set([{ labels: {}, value: this.inFlight() }]);
    await this.readStore();
    this.process.collect();
    return this.registry.expose();
  }

  /** Stops the event-loop monitor. */
  close(): void {
    this.process.close();
  }

  private async readStore(): Promise<void> {
    const { store } = this.options;
    const read = Promise.all([store.outbox.countByStatus(), store.parties.list()]);
    const answer = await within(read, this.options.storeTimeoutMs ?? STORE_TIMEOUT_MS);
    this.storeUp.set([{ labels: {}, value: answer ? 1 : 0 }]);
    if (!answer) {
      // Unknown is absent, not zero: an alert on outbox depth must not clear because the store is down.
      this.outboxMessages.clear();
      this.contactsUnreachable.clear();
      return;
    }
    const [byStatus, parties] = answer;
    const statuses = new Set<string>([...OUTBOX_STATUSES, ...Object.keys(byStatus)]);
    this.outboxMessages.set([...statuses].map((status) => ({ labels: { status }, value: byStatus[status] ?? 0 })));
    const unreachable = new Map<string, number>(CONTACT_ROLES.map((role) => [role, 0]));
    for (const party of parties) {
      for (const contact of party.contacts) {
        if (contact.unreachableSince !== undefined) {
          unreachable.set(contact.role, (unreachable.get(contact.role) ?? 0) + 1);
        }
      }
    }
    this.contactsUnreachable.set([...unreachable].map(([role, value]) => ({ labels: { role }, value })));
  }
}

/** The activity's kind from a fixed list; card actions apart, since they have Teams' invoke budget. */
export function activityKind(activity: unknown): string {
  const { type, name } = (activity ?? {}) as { type?: unknown; name?: unknown };
  if (type === 'invoke') return name === 'adaptiveCard/action' ? 'cardAction' : 'invoke';
  const known = ['message', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'event', 'typing'];
  return typeof type === 'string' && known.includes(type) ? type : 'other';
}

/** A failed send's labels: HTTP status class and a reason named after what the worker makes of it. */
export function failureLabels(status: number | undefined): { status_class: string; reason: string } {
  if (status === undefined) return { status_class: 'none', reason: 'no_answer' };
  const reasons: Record<number, string> = {
    403: 'forbidden',
    404: 'not_found',
    412: 'precondition_failed',
    429: 'throttled',
    500: 'server_error',
    502: 'bad_gateway',
    503: 'unavailable',
    504: 'gateway_timeout',
  };
  if (status >= 400 && status < 500) return { status_class: '4xx', reason: reasons[status] ?? 'client_error' };
  if (status >= 500 && status < 600) return { status_class: '5xx', reason: reasons[status] ?? 'server_error' };
  return { status_class: 'other', reason: 'other' };
}

/** Process basics, under the names prom-client's default metrics use, so the usual dashboards work. */
class ProcessMetrics {
  private readonly startTime: Gauge;
  private readonly uptime: Gauge;
  private readonly residentMemory: Gauge;
  private readonly heapUsed: Gauge;
  private readonly cpu: Gauge;
  private readonly lag: Record<'p50' | 'p99' | 'max', Gauge>;
  private readonly buildInfo: Gauge<'version' | 'node'>;
  private readonly eventLoop: IntervalHistogram;

  constructor(r: Registry) {
    const startedAt = Date.now() / 1000 - process.uptime();
    this.startTime = r.register(new Gauge('process_start_time_seconds', 'Start time of the process (Unix time).', []));
    this.startTime.set([{ labels: {}, value: Math.round(startedAt) }]);
    this.uptime = r.register(new Gauge('convenantbot_uptime_seconds', 'Seconds since the process started.', []));
    this.residentMemory = r.register(new Gauge('process_resident_memory_bytes', 'Resident memory size.', []));
    this.heapUsed = r.register(new Gauge('nodejs_heap_size_used_bytes', 'V8 heap in use.', []));
    this.cpu = r.register(new Gauge('process_cpu_seconds_total', 'User and system CPU time spent.', [], 'counter'));
    const lag = (which: string, what: string) =>
      r.register(
        new Gauge(`nodejs_eventloop_lag_${which}_seconds`, `Event loop delay since the previous scrape: ${what}.`, []),
      );
    this.lag = { p50: lag('p50', 'median'), p99: lag('p99', '99th percentile'), max: lag('max', 'maximum') };
    this.buildInfo = r.register(
      new Gauge('convenantbot_build_info', 'The bot version and the Node.js version, as labels; always 1.', [
        'version',
        'node',
      ]),
    );
    this.buildInfo.set([{ labels: { version: packageJson.version, node: process.version }, value: 1 }]);
    this.eventLoop = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
    this.eventLoop.enable();
  }

  collect(): void {
    this.uptime.set([{ labels: {}, value: round(process.uptime()) }]);
    this.residentMemory.set([{ labels: {}, value: process.memoryUsage.rss() }]);
    this.heapUsed.set([{ labels: {}, value: process.memoryUsage().heapUsed }]);
    const { user, system } = process.cpuUsage();
    this.cpu.set([{ labels: {}, value: round((user + system) / 1e6) }]);
    const h = this.eventLoop;
    if (h.count > 0) {
      // The monitor samples every LAG_RESOLUTION_MS and records the time between samples: the delay is what is beyond it.
      const seconds = (ns: number) => [{ labels: {}, value: round(Math.max(0, ns / 1e6 - LAG_RESOLUTION_MS) / 1e3) }];
      this.lag.p50.set(seconds(h.percentile(50)));
      this.lag.p99.set(seconds(h.percentile(99)));
      this.lag.max.set(seconds(h.max));
      h.reset();
    }
  }

  close(): void {
    this.eventLoop.disable();
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The promise's value if it resolves within `ms`, else undefined (also when it rejects). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
