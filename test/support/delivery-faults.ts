/**
 * Delivery under faults (DESIGN.md "Sending"): many nomination notifications into several
 * conversations, through the real worker, adapter and connector client, against a connector that
 * enforces Teams' limits and fails at random (teams-limits-connector.ts), while workers die at
 * random points and a new one takes over on the same store. Time is virtual: pacing, backoff,
 * Retry-After and leases run on the test's clock, so hours of retrying take seconds.
 *
 * A worker "dies" by freezing: from the chosen moment every store call it makes never returns
 * (as if the process were gone), and a call it has in flight at Teams is cut off, before or after
 * Teams acted on it. Then a new worker starts on the same store, as a restarted instance would.
 * A turn may die too, right after its step and before relaying the step's notifications
 * (`diesBeforeRelay`): the workers' sweep must then deliver them from the nomination.
 *
 * In order per conversation: every message a worker marks sent in a conversation must have been
 * enqueued there after the ones marked sent before it (`sentOutOfOrder`).
 */
import type { RunningBot } from '../../bot/main';
import { parseConfig } from '../../bot/config';
import type { BotDeps } from '../../bot/deps';
import { createLogger } from '../../bot/logger';
import { notifyNominationChange } from '../../bot/outbox/notify-nomination';
import { AdapterProactiveSender } from '../../bot/outbox/proactive-sender';
import { OutboxWorker } from '../../bot/outbox/worker';
import { NominationService, type ServiceResult } from '../../src/nomination/service';
import { addContact } from '../../src/parties/registry';
import type { Store } from '../../src/storage/ports';
import { aNominationFullOfSecrets } from './nomination-fixture';
import { demoActor, secretDraftFields, startFlowBot, TestClock } from './status-flow';
import { DEMO, postActivity, teamsActivity } from './teams-bot';
import { seededRandom, startLimitsConnector, type Cut, type LimitsConnector } from './teams-limits-connector';

export interface DeliveryFaultsOptions {
  store: Store;
  nominations: number;
  /** How many workers die; each is replaced by a new one on the same store. */
  kills: number;
  /**
   * 'anywhere-but-unknowable': any point except after Teams took a NEW card and before the worker
   * recorded it. 'unknowable-window': exactly there, the one window no Teams API lets a sender close.
   */
  killWhere: 'anywhere-but-unknowable' | 'unknowable-window';
  seed: number;
  /** Chance of an injected 429/412/502/504 on a call within the limits. */
  failureRate: number;
  /** Register every nomination at once: a burst into each conversation, as after an import. */
  burst?: boolean;
  /** Chance that a turn dies after its step, before its relay (default 0). */
  diesBeforeRelay?: number;
}

export interface DeliveryFigures {
  /** Outbox messages enqueued: one per nomination change per conversation. */
  notifications: number;
  /** Cards Teams showed first (POST) and updated (PUT). */
  posted: number;
  updated: number;
  unreachableMessages: number;
  /** Calls to the connector, answered or not. */
  attempts: number;
  /** Calls that failed and were tried again: throttled, injected, cut off. */
  retries: number;
  throttled: number;
  injected: number;
  kills: number;
  /** Where each worker died: before which store call, or what happened to its call at Teams. */
  killPoints: string[];
  /** A nomination's card missing in a conversation it was sent to, or not showing its last version. */
  lost: number;
  /** Cards Teams showed that no record points to: a second card for one nomination in one conversation. */
  duplicated: number;
  /** A card showing an older version after a newer one. */
  outOfOrder: number;
  /** A message marked sent in a conversation after one enqueued there later than it. */
  sentOutOfOrder: number;
  /** Turns that died between their step and its relay. */
  turnsDiedBeforeRelay: number;
  /** Conversations where nominations' first cards came in another order than the nominations were registered. */
  reorderedFirstCards: number;
  virtualSeconds: number;
}

/** Landlord contacts beyond the demo ones: several conversations per landlord (5.1). */
const EXTRA_CONTACTS = [
  { partyId: 'vidomes', id: 'x-vidomes-2', name: 'Vera Verhuur', aad: 'f0000000-0000-0000-0000-000000000001' },
  { partyId: 'vidomes', id: 'x-vidomes-3', name: 'Vincent Verhuur', aad: 'f0000000-0000-0000-0000-000000000002' },
  { partyId: 'vidomes', id: 'x-vidomes-gone', name: 'Valerie Vertrokken', aad: 'f0000000-0000-0000-0000-000000000003' },
  { partyId: 'wooninvest', id: 'x-wooninvest-2', name: 'Wendy Woning', aad: 'f0000000-0000-0000-0000-000000000004' },
  { partyId: 'wooninvest', id: 'x-wooninvest-3', name: 'Willem Woning', aad: 'f0000000-0000-0000-0000-000000000005' },
  { partyId: 'wooninvest', id: 'x-wooninvest-gone', name: 'Wouter Weg', aad: 'f0000000-0000-0000-0000-000000000006' },
] as const;

const chat = (aad: string) => `a:personal-${aad}`;
/** The bot was removed by one (403) and the other's chat no longer exists (404). */
export const GONE = { [chat(EXTRA_CONTACTS[2].aad)]: 403, [chat(EXTRA_CONTACTS[5].aad)]: 404 } as const;
export const GONE_CONTACTS = [EXTRA_CONTACTS[2], EXTRA_CONTACTS[5]];

const never = new Promise<never>(() => undefined);

/** One worker's life: its view of the store goes dead at the planned moment. */
class Life {
  dead = false;
  killedAt = '';
  private storeCalls = 0;
  private httpCalls = 0;
  private markKilled!: () => void;
  readonly killed = new Promise<'killed'>((resolve) => (this.markKilled = () => resolve('killed')));
  readonly store: Store;

  constructor(
    store: Store,
    private readonly plan: KillPlan | undefined,
    private readonly connector: LimitsConnector,
  ) {
    this.store = killable(
      store,
      (method) => this.beforeStoreCall(method),
      () => this.dead,
    );
  }

  die(at: string): void {
    this.killedAt = at;
    this.dead = true;
    this.markKilled();
  }

  private beforeStoreCall(method: string): boolean {
    if (this.dead) return true;
    this.storeCalls += 1;
    const plan = this.plan;
    if (!plan) return false;
    const last = this.connector.calls.at(-1);
    const afterNewCard = method === 'cardActivities.record' && last?.method === 'POST' && last.applied;
    if (
      plan.kind === 'unknowable'
        ? afterNewCard && this.storeCalls >= plan.at
        : plan.kind === 'store' && this.storeCalls >= plan.at && !afterNewCard
    ) {
      this.die(`before ${method}`);
      return true;
    }
    return false;
  }

  /** The connector asks what happens to each call while this worker is the live one. */
  onCall(method: 'POST' | 'PUT'): Cut {
    if (this.dead || this.plan?.kind !== 'http') return 'answer';
    this.httpCalls += 1;
    if (this.httpCalls < this.plan.at) return 'answer';
    // An update cut off after Teams applied it is harmless (the next one applies it again); a new
    // card cut off there is the unknowable window, which this mode leaves out: cut it before Teams.
    const cut = this.plan.afterTeams && method === 'PUT' ? 'cut-after-teams' : 'cut-before-teams';
    this.die(`${method} ${cut}`);
    return cut;
  }
}

type KillPlan =
  | { kind: 'store'; at: number }
  | { kind: 'http'; at: number; afterTeams: boolean }
  | { kind: 'unknowable'; at: number };

/** Every port method runs unless `dies(method)` says the process is gone; then it never returns. */
function killable(store: Store, dies: (method: string) => boolean, isDead: () => boolean): Store {
  const wrap = <T extends object>(port: T, name: string): T =>
    new Proxy(port, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (dies(`${name}.${String(prop)}`)) return never;
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          return isDead() ? never : result;
        };
      },
    });
  // Every port (parties, outbox, cardActivities, …, and any added later); ping and close stay as they are.
  const ports = Object.entries(store).map(([name, port]: [string, unknown]) => [
    name,
    port !== null && typeof port === 'object' && name !== 'db' ? wrap(port, name) : port,
  ]);
  return Object.fromEntries(ports) as Store;
}

export async function runDeliveryFaults(options: DeliveryFaultsOptions): Promise<DeliveryFigures> {
  const { store } = options;
  const time = new TestClock();
  const started = time.now;
  const planRandom = seededRandom(options.seed * 7 + 1);
  const jitter = seededRandom(options.seed * 7 + 2);
  const turnRandom = seededRandom(options.seed * 7 + 3);
  // The order messages were marked sent in, whichever worker did it.
  const marked: string[] = [];
  const markSent = store.outbox.markSent.bind(store.outbox);
  store.outbox.markSent = async (id, at) => {
    await markSent(id, at);
    marked.push(id);
  };
  const connector = await startLimitsConnector({
    now: () => time.now,
    random: seededRandom(options.seed),
    failureRate: options.failureRate,
    gone: GONE,
  });
  const bot = await startFlowBot(store, time);
  try {
    await setUpConversations(bot, store, connector, time);
    const deps: BotDeps = {
      config: parseConfig({ PORT: '0' }),
      store,
      logger: createLogger('silent'),
      clock: time.clock,
    };
    const sender = new AdapterProactiveSender(bot.adapter, '');

    let kills = 0;
    const killPoints: string[] = [];
    const nextLife = () => {
      const plan = kills < options.kills ? planKill(options.killWhere, planRandom) : undefined;
      const life = new Life(store, plan, connector);
      connector.onCall = ({ method }) => life.onCall(method);
      const worker = new OutboxWorker({ ...deps, store: life.store }, sender, { sleep: time.sleep, random: jitter });
      return { life, worker };
    };
    let current = nextLife();

    const events = scheduleEvents(options.nominations, options.burst ?? false);
    const registered: string[] = [];
    const service = new NominationService({ store, clock: time.clock, origin: 'test' });
    let turnsDiedBeforeRelay = 0;
    // The turn's relay, unless the turn dies first: then only the sweep gets the step out.
    const relay = async (result: ServiceResult) => {
      if (turnRandom() < (options.diesBeforeRelay ?? 0)) turnsDiedBeforeRelay += 1;
      else await notifyNominationChange({ store, clock: time.clock }, result);
    };
    for (let step = 0; ; step++) {
      if (step > 20_000) throw new Error('delivery did not finish');
      for (const event of events.get(step) ?? []) {
        if (event.kind === 'register') {
          await relay(await register(service, time, event.id));
          registered.push(event.id);
        } else {
          const nomination = await store.nominations.get(event.id);
          const result = await service.apply(event.id, demoActor(event.by), 'acknowledge', {}, nomination!.version);
          if (!result.ok) throw new Error(`acknowledge ${event.id}: ${result.error.message}`);
          await relay(result);
        }
      }
      const outcome = await Promise.race([current.worker.drainOnce().then((report) => report), current.life.killed]);
      if (outcome === 'killed') {
        kills += 1;
        killPoints.push(current.life.killedAt);
        current = nextLife();
      }
      const idle = outcome !== 'killed' && outcome.sent + outcome.retried + outcome.unreachable + outcome.skipped === 0;
      time.advance(idle ? 5_000 : 1_000);
      if (step >= events.lastStep && (await unfinished(store)) === 0) break;
    }
    return {
      ...(await tally(store, connector, registered)),
      sentOutOfOrder: await sentOutOfOrder(store, marked),
      turnsDiedBeforeRelay,
      kills,
      killPoints,
      virtualSeconds: Math.round((time.now - started) / 1000),
    };
  } finally {
    await bot.stop();
    await connector.close();
  }
}

/** A nomination by the Parnassia counsellor, registered (5.3), as seedRegistered but not yet relayed. */
async function register(service: NominationService, time: TestClock, id: string): Promise<ServiceResult> {
  const counsellor = demoActor('counsellor-parnassia');
  const draft = await service.createDraft(counsellor, secretDraftFields(), { id });
  if (!draft.ok) throw new Error(`draft: ${draft.error.message}`);
  const verdict = { ...aNominationFullOfSecrets().verdict!, decidedAt: time.clock().toISOString() };
  const submitted = await service.submit(id, counsellor, verdict, draft.nomination.version);
  if (!submitted.ok) throw new Error(`submit: ${submitted.error.message}`);
  return submitted;
}

/** Messages marked sent before one that was enqueued earlier in the same conversation. */
async function sentOutOfOrder(store: Store, marked: readonly string[]): Promise<number> {
  const last = new Map<string, { createdAt: string; id: string }>();
  let count = 0;
  for (const id of marked) {
    const message = await store.outbox.get(id);
    if (!message) continue;
    const before = last.get(message.conversationKey);
    const key = { createdAt: message.createdAt, id };
    if (before && (key.createdAt < before.createdAt || (key.createdAt === before.createdAt && key.id < before.id))) {
      count += 1;
    }
    last.set(message.conversationKey, key);
  }
  return count;
}

function planKill(where: DeliveryFaultsOptions['killWhere'], random: () => number): KillPlan {
  if (where === 'unknowable-window') return { kind: 'unknowable', at: 1 + Math.floor(random() * 40) };
  if (random() < 0.5) return { kind: 'store', at: 1 + Math.floor(random() * 120) };
  return { kind: 'http', at: 1 + Math.floor(random() * 20), afterTeams: random() < 0.5 };
}

type Event =
  | { kind: 'register'; id: string }
  | { kind: 'acknowledge'; id: string; by: 'landlord-vidomes' | 'landlord-wooninvest' };

/** A nomination registered every other step (or all at once); each acknowledged by both landlords later. */
function scheduleEvents(count: number, burst: boolean): Map<number, Event[]> & { lastStep: number } {
  const events = new Map<number, Event[]>() as Map<number, Event[]> & { lastStep: number };
  const add = (step: number, event: Event) => events.set(step, [...(events.get(step) ?? []), event]);
  for (let i = 0; i < count; i++) {
    const id = `nom-fault-${String(i).padStart(3, '0')}`;
    add(burst ? 0 : 2 * i, { kind: 'register', id });
    add(2 * i + 3, { kind: 'acknowledge', id, by: 'landlord-vidomes' });
    add(2 * i + 6, { kind: 'acknowledge', id, by: 'landlord-wooninvest' });
  }
  events.lastStep = 2 * count + 6;
  return events;
}

async function setUpConversations(bot: RunningBot, store: Store, connector: LimitsConnector, time: TestClock) {
  for (const extra of EXTRA_CONTACTS) {
    const email = `${extra.id}@${extra.partyId}.example.org`;
    await addContact(
      store,
      extra.partyId,
      { id: extra.id, name: extra.name, email, role: 'landlord-contact', aadObjectId: extra.aad },
      { origin: 'test', actorId: 'test', clock: time.clock },
    );
  }
  const people = [
    DEMO['counsellor-parnassia'],
    DEMO['landlord-vidomes'],
    DEMO['landlord-wooninvest'],
    ...EXTRA_CONTACTS.map((c) => c.aad),
  ];
  for (const aad of people) {
    await postActivity(
      bot,
      teamsActivity(aad, {
        serviceUrl: connector.url,
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: '28:convenantbot', name: 'Convenantbot' }],
      }),
    );
  }
}

async function unfinished(store: Store): Promise<number> {
  const counts = await store.outbox.countByStatus();
  // Also a step whose turn died before its relay, until the sweep has it in the outbox.
  const unrelayed = await store.nominations.withPendingNotifications('9999-12-31T00:00:00.000Z', 1);
  return (counts.pending ?? 0) + (counts.sending ?? 0) + unrelayed.length;
}

async function tally(store: Store, connector: LimitsConnector, registered: string[]) {
  const counts = await store.outbox.countByStatus();
  const applied = connector.calls.filter((c) => c.applied);
  const posts = applied.filter((c) => c.method === 'POST');
  const recorded = new Set<string>();
  let lost = (counts.failed ?? 0) + (counts.pending ?? 0) + (counts.sending ?? 0);
  for (const id of registered) {
    const nomination = await store.nominations.get(id);
    const cards = await store.cardActivities.listForNomination(id);
    for (const card of cards) {
      recorded.add(card.activityId);
      if (card.version !== nomination!.version) lost += 1;
    }
    // Every reachable conversation that was told of it has its card: six landlord chats and the counsellor's.
    const reachable = new Set(cards.map((c) => c.conversationKey).filter((key) => !(chat(key.slice(5)) in GONE)));
    lost += Math.max(0, 7 - reachable.size);
  }
  const duplicated = posts.filter((post) => !recorded.has(post.activityId)).length;

  let outOfOrder = 0;
  let reorderedFirstCards = 0;
  const byConversation = new Map<string, typeof applied>();
  for (const call of applied)
    byConversation.set(call.conversationId, [...(byConversation.get(call.conversationId) ?? []), call]);
  for (const calls of byConversation.values()) {
    const shown = new Map<string, number>();
    for (const call of calls) {
      if (call.nominationId === undefined || call.version === undefined) continue;
      if (call.version < (shown.get(call.nominationId) ?? 0)) outOfOrder += 1;
      shown.set(call.nominationId, Math.max(call.version, shown.get(call.nominationId) ?? 0));
    }
    const firsts = calls.filter((c) => c.method === 'POST' && c.nominationId).map((c) => c.nominationId!);
    if (firsts.some((id, i) => i > 0 && id < firsts[i - 1]!)) reorderedFirstCards += 1;
  }
  const failedCalls = connector.calls.filter(
    (c) => c.outcome === 'throttled' || c.outcome === 'injected' || c.outcome === 'cut-off',
  );
  return {
    notifications: Object.values(counts).reduce((a, b) => a + b, 0),
    posted: posts.length,
    updated: applied.length - posts.length,
    unreachableMessages: counts.unreachable ?? 0,
    attempts: connector.calls.length,
    retries: failedCalls.length,
    throttled: connector.calls.filter((c) => c.outcome === 'throttled').length,
    injected: connector.calls.filter((c) => c.outcome === 'injected').length,
    lost,
    duplicated,
    outOfOrder,
    reorderedFirstCards,
  };
}
