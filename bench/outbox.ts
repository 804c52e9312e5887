/**
 * Benchmark (c): outbox throughput under Teams' per-thread limits. The outbox worker
 * (bot/outbox/worker.ts, public API only: constructor and drainOnce) delivers N conversations × M
 * messages through the bot's adapter (local mode) to the fake connector of the fault tests
 * (test/support/teams-limits-connector.ts), which answers 429 to any call over Teams' documented
 * limits (per thread 7/1 s, 8/2 s, 60/30 s, 1800/h; per app 50/1 s). Real time, real timers, no
 * injected failures. Method: bench/README.md.
 *
 *   npm run bench:outbox
 *   BENCH_STORES=memory npm run bench:outbox
 *
 * Messages are weekly-digest cards (posted as enqueued, no nomination to render), enqueued either
 * interleaved (round robin over the conversations) or in bursts (all of one conversation, then the
 * next). From the connector's log: messages/s overall, the most any conversation got in 1 s and in
 * 2 s (its limits 7 and 8), the most all together got in 1 s (50), 429s, and how many
 * conversations had a message in flight in the same second (do they proceed in parallel?).
 */
import { randomBytes } from 'node:crypto';
import { parseConfig } from '../bot/config';
import { createAdapter } from '../bot/adapter';
import { conversationKey, rememberConversation } from '../bot/conversation';
import { createLogger } from '../bot/logger';
import { AdapterProactiveSender } from '../bot/outbox/proactive-sender';
import { OutboxWorker } from '../bot/outbox/worker';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/render';
import { createMemoryStore } from '../src/storage/memory/memory-store';
import { connectMongoStore } from '../src/storage/mongo/mongo-store';
import type { Store } from '../src/storage/ports';
import { seededRandom, startLimitsConnector, type LimitsCall } from '../test/support/teams-limits-connector';
import { startBenchDatabase, type BenchDatabase } from './support/database';
import { activityFrom } from './support/http-bots';
import { machineLines } from './support/machine';
import { fixed, table } from './support/stats';

type StoreKind = 'memory' | 'mongodb';
const STORES = (process.env.BENCH_STORES ?? 'memory,mongodb').split(',') as StoreKind[];
/** FerretDB claims a message an order of magnitude slower: fewer conversations keep the run short. */
const CONVERSATIONS: Record<StoreKind, number[]> = {
  memory: (process.env.BENCH_CONVERSATIONS ?? '1,5,20').split(',').map(Number),
  mongodb: (process.env.BENCH_CONVERSATIONS ?? '1,5,10').split(',').map(Number),
};
const PER_CONVERSATION = Number(process.env.BENCH_MESSAGES ?? 16);

interface Row {
  store: string;
  conversations: number;
  order: 'interleaved' | 'bursts';
  messages: number;
  seconds: number;
  perSecond: number;
  maxConv1s: number;
  maxConv2s: number;
  maxAll1s: number;
  throttled: number;
  parallel: number;
  ideal: number;
}

/** The most calls (from `times`, ascending ms) inside any window of `ms`. */
function maxInWindow(times: readonly number[], ms: number): number {
  let best = 0;
  let from = 0;
  for (let to = 0; to < times.length; to++) {
    while (times[to]! - times[from]! >= ms) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

/** The sustained rate Teams' limits allow: 8 in 2 s per conversation (4/s), at most 50/s in all. */
function idealPerSecond(conversations: number): number {
  return Math.min(50, conversations * 4);
}

async function openStore(kind: StoreKind, db: BenchDatabase | undefined): Promise<Store> {
  if (kind === 'memory') return createMemoryStore();
  return connectMongoStore({ uri: db!.uri, dbName: `bench_${randomBytes(6).toString('hex')}` });
}

async function runOnce(
  kind: StoreKind,
  db: BenchDatabase | undefined,
  conversations: number,
  order: Row['order'],
): Promise<Row> {
  const store = await openStore(kind, db);
  const connector = await startLimitsConnector({ now: Date.now, random: seededRandom(conversations), failureRate: 0 });
  try {
    const config = parseConfig({ PORT: '0' });
    const deps = { config, store, logger: createLogger('silent'), clock: () => new Date() };
    const sender = new AdapterProactiveSender(createAdapter(config), '');
    const keys: string[] = [];
    for (let c = 0; c < conversations; c++) {
      const activity = activityFrom(`dddddddd-0000-4000-8000-${String(c).padStart(12, '0')}`, {
        serviceUrl: connector.url,
      });
      await rememberConversation(store.conversations, activity, new Date());
      keys.push(conversationKey(activity)!);
    }
    const at = new Date(Date.now() - 1000).toISOString();
    const ids: [number, number][] = [];
    for (let i = 0; i < conversations * PER_CONVERSATION; i++) {
      ids.push(
        order === 'interleaved'
          ? [i % conversations, Math.floor(i / conversations)]
          : [Math.floor(i / PER_CONVERSATION), i % PER_CONVERSATION],
      );
    }
    for (const [index, [c, m]] of ids.entries()) {
      await store.outbox.enqueue({
        id: `bench:${c}:${m}`,
        conversationKey: keys[c]!,
        kind: 'digest',
        payload: {
          isoWeek: '2025-W37',
          card: {
            contentType: ADAPTIVE_CARD_CONTENT_TYPE,
            content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Bericht ${m + 1}` }] },
          },
        },
        notBefore: at,
        // Distinct creation times keep the enqueue order as the claim order.
        createdAt: new Date(Date.parse(at) + index).toISOString(),
      });
    }
    const worker = new OutboxWorker(deps, sender);
    const started = Date.now();
    let sent = 0;
    // A 429 puts its message back with a Retry-After: drain again until everything is out.
    while (sent < ids.length && Date.now() - started < 120_000) {
      const report = await worker.drainOnce();
      sent += report.sent;
      if (report.sent === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await worker.stop();
    const ok: LimitsCall[] = connector.calls.filter((call) => call.outcome === 'ok');
    const times = ok.map((call) => call.at).sort((a, b) => a - b);
    const seconds = (Math.max(...times, started) - started) / 1000;
    const byConversation = new Map<string, number[]>();
    for (const call of ok)
      byConversation.set(call.conversationId, [...(byConversation.get(call.conversationId) ?? []), call.at]);
    const perConv = [...byConversation.values()].map((list) => list.sort((a, b) => a - b));
    // Conversations with a send in the same wall-clock second, at most.
    const bySecond = new Map<number, Set<string>>();
    for (const call of ok) {
      const second = Math.floor((call.at - started) / 1000);
      bySecond.set(second, (bySecond.get(second) ?? new Set()).add(call.conversationId));
    }
    return {
      store: kind === 'memory' ? 'memory' : 'MongoDB adapter',
      conversations,
      order,
      messages: ok.length,
      seconds,
      perSecond: ok.length / Math.max(seconds, 0.001),
      maxConv1s: Math.max(...perConv.map((list) => maxInWindow(list, 1000))),
      maxConv2s: Math.max(...perConv.map((list) => maxInWindow(list, 2000))),
      maxAll1s: maxInWindow(times, 1000),
      throttled: connector.calls.filter((call) => call.outcome === 'throttled').length,
      parallel: Math.max(...[...bySecond.values()].map((set) => set.size)),
      ideal: idealPerSecond(conversations),
    };
  } finally {
    await connector.close();
    if ('db' in store)
      await (store as { db: { dropDatabase(): Promise<unknown> } }).db.dropDatabase().catch(() => undefined);
    await store.close();
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const db = STORES.includes('mongodb') ? await startBenchDatabase() : undefined;
  const rows: Row[] = [];
  try {
    for (const kind of STORES) {
      for (const conversations of CONVERSATIONS[kind]) {
        for (const order of ['interleaved', 'bursts'] as const) {
          if (conversations === 1 && order === 'bursts') continue;
          rows.push(await runOnce(kind, db, conversations, order));
          process.stderr.write(`${kind} ${conversations} ${order}: done\n`);
        }
      }
    }
  } finally {
    await db?.stop();
  }
  const lines = ['### Outbox under Teams limits (benchmark c)', ''];
  lines.push(
    ...machineLines(db?.description),
    `- ${PER_CONVERSATION} messages per conversation; run took ${fixed((performance.now() - startedAt) / 1000, 0)} s`,
    '',
  );
  lines.push(
    'Per conversation Teams allows 7 in 1 s and 8 in 2 s (60 in 30 s); all conversations together 50 in 1 s. "sustained limit" is what they allow over time for this many conversations (8 per 2 s each, 50/s in all; beyond 15 s the 60 per 30 s makes it 2/s).',
    '',
    table(
      [
        'store',
        'conversations',
        'enqueued in',
        'sent',
        's',
        'msgs/s',
        'sustained limit',
        'max/conv 1 s',
        'max/conv 2 s',
        'max all 1 s',
        '429s',
        'conversations in one second',
      ],
      rows.map((r) => [
        r.store,
        String(r.conversations),
        r.order,
        String(r.messages),
        fixed(r.seconds, 1),
        fixed(r.perSecond, 1),
        fixed(r.ideal, 1),
        String(r.maxConv1s),
        String(r.maxConv2s),
        String(r.maxAll1s),
        String(r.throttled),
        String(r.parallel),
      ]),
    ),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
