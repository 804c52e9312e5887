/**
 * Benchmark (a): the nomination card's final submit ("Indienen" on step 3: the 5.6 checklist is
 * saved, the draft checked and registered, the landlords' notifications put in the outbox, the
 * verdict card answered) against a bare teams-ai echo bot, in the same process and run, both over
 * real HTTP (restify, the bot's adapter class, local mode), driven with deliveryMode
 * "expectReplies" so replies come back in the HTTP response. Method: bench/README.md.
 *
 *   npm run bench:card-submit
 *   BENCH_STORES=memory BENCH_ROUNDS=2 npm run bench:card-submit
 *
 * Prints Markdown: per store and concurrency, throughput of each bot and their ratio, client
 * round-trip and server-side (timer around adapter.process) p50/p95/p99; on MongoDB also the
 * database round trips per submit turn and a bare insert/find round trip measured in the same run.
 */
import { randomBytes } from 'node:crypto';
import { parseConfig, type LogLevel } from '../bot/config';
import { createLogger } from '../bot/logger';
import { startBot, type RunningBot } from '../bot/main';
import { NOMINATION_FORM_VERB } from '../cards/nomination-form/nomination-form.model';
import { addContact } from '../src/parties/registry';
import { createMemoryStore } from '../src/storage/memory/memory-store';
import { connectMongoStore, type MongoStore } from '../src/storage/mongo/mongo-store';
import type { Store } from '../src/storage/ports';
import { NOW, STEP1, STEP2, STEP3 } from '../test/support/nomination-form-values';
import { startBenchDatabase, type BenchDatabase } from './support/database';
import {
  activityFrom,
  newFormId,
  post,
  runConcurrently,
  startEchoBot,
  timeTurns,
  type Answer,
  type TurnTimes,
} from './support/http-bots';
import { loadNow, machineLines } from './support/machine';
import { startWireCounter } from './support/wire-counter';
import { fixed, ms, percent, summarize, table } from './support/stats';

type StoreKind = 'memory' | 'mongodb';
const STORES = (process.env.BENCH_STORES ?? 'memory,mongodb').split(',') as StoreKind[];
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,20,100').split(',').map(Number);
const ROUNDS = process.env.BENCH_ROUNDS ? Number(process.env.BENCH_ROUNDS) : undefined;
const USERS = 100;
/** BENCH_LOG=error shows why a turn failed (the bot's own log, on stderr). */
const LOG_LEVEL = (process.env.BENCH_LOG ?? 'silent') as LogLevel;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);

/**
 * Turns per bot per round: enough for stable percentiles, few enough for a 2-core machine. FerretDB
 * runs a submit turn an order of magnitude slower, so the MongoDB adapter gets fewer turns and rounds.
 */
function turnsPerRound(kind: StoreKind, concurrency: number): number {
  const base = kind === 'memory' ? { 1: 40, 20: 150, 100: 200 } : { 1: 15, 20: 40, 100: 100 };
  const n = concurrency <= 1 ? base[1] : concurrency <= 20 ? base[20] : base[100];
  return Math.max(concurrency, Math.round(n * SCALE));
}

function roundsFor(kind: StoreKind): number {
  return ROUNDS ?? (kind === 'memory' ? 3 : 2);
}

interface Segment {
  wallMs: number;
  client: number[];
  server: number[];
  errors: number;
}

interface Row {
  store: string;
  concurrency: number;
  bot: 'card-submit' | 'echo';
  turns: number;
  throughput: number;
  client: ReturnType<typeof summarize>;
  server: ReturnType<typeof summarize>;
  errors: number;
  load: string;
}

function invokeOf(data: Record<string, unknown>) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: NOMINATION_FORM_VERB, data }, trigger: 'manual' },
  } as const;
}

/** What went wrong with a turn, by kind, for the notes (e.g. "HTTP 500", "text: Er ging iets mis"). */
const failures = new Map<string, number>();

/** The invoke's answer is an adaptive card (the verdict, or the next step of the form). */
function answeredWithCard(answer: Answer): boolean {
  const response = answer.activities.find((a) => a.type === 'invokeResponse')?.value as
    { status?: number; body?: { type?: string; value?: unknown } } | undefined;
  const ok = answer.status === 200 && response?.body?.type === 'application/vnd.microsoft.card.adaptive';
  if (!ok) {
    const kind =
      answer.status !== 200
        ? `HTTP ${answer.status}`
        : `${response?.body?.type ?? 'no invoke response'}: ${String(response?.body?.value ?? '').slice(0, 80)}`;
    failures.set(kind, (failures.get(kind) ?? 0) + 1);
  }
  return ok;
}

/** USERS counsellors with their own Teams ids, spread over the care organisations. */
async function addCounsellors(store: Store): Promise<string[]> {
  const organisations = (await store.parties.list()).filter((p) => p.kind === 'zorgorganisatie').map((p) => p.id);
  const ids: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const aadObjectId = `bbbbbbbb-0000-4000-8000-${String(i).padStart(12, '0')}`;
    await addContact(
      store,
      organisations[i % organisations.length]!,
      {
        id: `bench-counsellor-${i}`,
        name: `Bench Begeleider ${i}`,
        email: `bench.${i}@bench.example.org`,
        role: 'counsellor',
        aadObjectId,
      },
      { origin: 'bench', actorId: 'system' },
    );
    ids.push(aadObjectId);
  }
  return ids;
}

/**
 * A Teams user for each landlord's fixed contact (5.1), who has spoken to the bot once (so the
 * identity gate stored the conversation): each submit then really puts a card in the outbox for them.
 */
async function addLandlordContacts(store: Store, botUrl: string): Promise<void> {
  const landlords = (await store.parties.list()).filter((p) => p.kind === 'sociale-verhuurder');
  for (const [i, landlord] of landlords.entries()) {
    const aadObjectId = `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}`;
    await addContact(
      store,
      landlord.id,
      {
        id: `bench-landlord-${i}`,
        name: `Bench Verhuurder ${i}`,
        email: `bench.landlord.${i}@bench.example.org`,
        role: 'landlord-contact',
        aadObjectId,
      },
      { origin: 'bench', actorId: 'system' },
    );
    const answer = await post(botUrl, activityFrom(aadObjectId, { text: 'help' }));
    if (answer.status !== 200) throw new Error(`landlord contact ${i} could not reach the bot`);
  }
}

interface Draft {
  user: string;
  formId: string;
}

/** Steps 1 and 2 of the card for `count` new forms (not timed): drafts ready for "Indienen". */
async function prepareDrafts(bot: RunningBot, users: readonly string[], count: number): Promise<Draft[]> {
  const drafts: Draft[] = Array.from({ length: count }, (_, i) => ({
    user: users[i % users.length]!,
    formId: newFormId(),
  }));
  await runConcurrently(count, 20, async (i) => {
    const { user, formId } = drafts[i]!;
    for (const [step, values] of [
      [1, STEP1],
      [2, STEP2],
    ] as const) {
      const answer = await post(
        bot.url,
        activityFrom(user, invokeOf({ verb: NOMINATION_FORM_VERB, move: 'next', step, formId, ...values })),
      );
      if (!answeredWithCard(answer)) throw new Error(`step ${step} of a draft failed (${answer.status})`);
    }
  });
  return drafts;
}

async function measure(
  times: TurnTimes,
  count: number,
  concurrency: number,
  turn: (i: number) => Promise<boolean>,
): Promise<Segment> {
  let errors = 0;
  times.ms = [];
  times.on = true;
  const started = performance.now();
  const client = await runConcurrently(count, concurrency, async (i) => {
    if (!(await turn(i))) errors += 1;
  });
  const wallMs = performance.now() - started;
  times.on = false;
  return { wallMs, client, server: times.ms, errors };
}

async function openStore(kind: StoreKind, db: BenchDatabase | undefined): Promise<Store | MongoStore> {
  if (kind === 'memory') return createMemoryStore();
  return connectMongoStore({ uri: db!.uri, dbName: `bench_${randomBytes(6).toString('hex')}` });
}

/** A bare insertOne and findOne by _id on the same server, sequentially: the floor of any DB call. */
async function bareRoundTrips(store: MongoStore, n = 200): Promise<{ insert: number; find: number }> {
  const collection = store.db.collection<{ _id: string; n: number }>('bench_roundtrip');
  const insert: number[] = [];
  const find: number[] = [];
  const prefix = randomBytes(4).toString('hex');
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    await collection.insertOne({ _id: `${prefix}-${i}`, n: i });
    insert.push(performance.now() - t);
    t = performance.now();
    await collection.findOne({ _id: `${prefix}-${i}` });
    find.push(performance.now() - t);
  }
  return { insert: summarize(insert).p50, find: summarize(find).p50 };
}

/**
 * Database round trips of one submit turn: a second bot on the same database, through a counting
 * proxy (bench/support/wire-counter.ts), submits SAMPLE drafts one at a time.
 */
/** The real bot on a fixed clock, with nothing running beside the turns (no outbox polling, no schedulers). */
function startBenchBot(store: Store): Promise<RunningBot> {
  return startBot(parseConfig({ PORT: '0' }), {
    store,
    logger: createLogger(LOG_LEVEL),
    clock: () => NOW,
    outbox: { poll: false },
    digestScheduler: false,
    reminderScheduler: false,
    retentionScheduler: false,
  });
}

async function countRoundTrips(uri: string, dbName: string, users: readonly string[]): Promise<string> {
  const SAMPLE = 10;
  const counter = await startWireCounter(uri);
  const store = await connectMongoStore({ uri: counter.uri, dbName });
  const bot = await startBenchBot(store);
  try {
    const drafts = await prepareDrafts(bot, users, SAMPLE);
    counter.counting = true;
    const started = performance.now();
    for (const { user, formId } of drafts) {
      await post(
        bot.url,
        activityFrom(user, invokeOf({ verb: NOMINATION_FORM_VERB, move: 'submit', step: 3, formId, ...STEP3 })),
      );
    }
    const each = (performance.now() - started) / SAMPLE;
    counter.counting = false;
    const total = [...counter.counts.values()].reduce((a, b) => a + b, 0);
    const byName = [...counter.counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `${name} ${fixed(n / SAMPLE)}`)
      .join(', ');
    return `- MongoDB adapter: ${fixed(total / SAMPLE)} database round trips per submit turn (${byName}); ${ms(each)} ms per turn through the counting proxy, one at a time`;
  } finally {
    await bot.stop();
    await store.close();
    await counter.close();
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const db = STORES.includes('mongodb') ? await startBenchDatabase() : undefined;
  const echo = await startEchoBot();
  const echoTimes: TurnTimes = { on: false, ms: [] };
  timeTurns(echo.adapter, echoTimes);
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    for (const kind of STORES) {
      const store = await openStore(kind, db);
      const bot = await startBenchBot(store);
      const botTimes: TurnTimes = { on: false, ms: [] };
      timeTurns(bot.adapter, botTimes);
      const bare = 'db' in store ? [await bareRoundTrips(store)] : [];
      try {
        const users = await addCounsellors(store);
        await addLandlordContacts(store, bot.url);
        let submitted = 0;
        for (const concurrency of CONCURRENCY) {
          const count = turnsPerRound(kind, concurrency);
          const segments = { 'card-submit': [] as Segment[], echo: [] as Segment[] };
          let load = loadNow();
          for (let round = 0; round < roundsFor(kind); round++) {
            const drafts = await prepareDrafts(bot, users, count);
            const runSubmit = async () => {
              const segment = await measure(botTimes, count, concurrency, async (i) => {
                const { user, formId } = drafts[i]!;
                const answer = await post(
                  bot.url,
                  activityFrom(
                    user,
                    invokeOf({ verb: NOMINATION_FORM_VERB, move: 'submit', step: 3, formId, ...STEP3 }),
                  ),
                );
                return answeredWithCard(answer);
              });
              submitted += count;
              segments['card-submit'].push(segment);
            };
            const runEcho = async () => {
              segments.echo.push(
                await measure(echoTimes, count, concurrency, async (i) => {
                  const answer = await post(echo.url, activityFrom(users[i % users.length]!, { text: `hallo ${i}` }));
                  return answer.status === 200 && answer.activities.some((a) => a.type === 'message');
                }),
              );
            };
            // Alternate which bot goes first, so drift in machine load hits both alike.
            if (round % 2 === 0) {
              await runEcho();
              await runSubmit();
            } else {
              await runSubmit();
              await runEcho();
            }
            load = loadNow();
          }
          for (const botName of ['card-submit', 'echo'] as const) {
            const list = segments[botName];
            const turns = list.reduce((a, s) => a + s.client.length, 0);
            const wall = list.reduce((a, s) => a + s.wallMs, 0);
            rows.push({
              store: kind === 'memory' ? 'memory' : 'MongoDB adapter',
              concurrency,
              bot: botName,
              turns,
              throughput: (turns / wall) * 1000,
              client: summarize(list.flatMap((s) => s.client)),
              server: summarize(list.flatMap((s) => s.server)),
              errors: list.reduce((a, s) => a + s.errors, 0),
              load,
            });
          }
          process.stderr.write(`${kind} c=${concurrency}: done\n`);
        }
        const registered =
          (await store.nominations.countByStateAndType()).byStateAndType['registered|convenantwoning'] ?? 0;
        notes.push(
          `- ${kind}: ${submitted} submits timed, ${registered} nominations registered at the end (the verdict card's queue place reads the landlord's queue, which grew during the run)`,
        );
        if ('db' in store) {
          bare.push(await bareRoundTrips(store));
          notes.push(
            await countRoundTrips(db!.uri, store.db.databaseName, users),
            `- bare FerretDB round trip in this run, p50 of 200 sequential calls (start / end): insertOne ${bare.map((b) => ms(b.insert)).join(' / ')} ms, findOne by _id ${bare.map((b) => ms(b.find)).join(' / ')} ms`,
          );
        }
      } finally {
        await bot.stop();
        if ('db' in store) await store.db.dropDatabase().catch(() => undefined);
        await store.close();
      }
    }
  } finally {
    await echo.stop();
    await db?.stop();
  }

  const lines: string[] = ['### Card submit vs echo bot (benchmark a)', ''];
  lines.push(
    ...machineLines(db?.description),
    `- rounds per concurrency: ${STORES.map((k) => `${k} ${roundsFor(k)}`).join(', ')}, bots alternating within each; run took ${fixed((performance.now() - startedAt) / 1000, 0)} s`,
    '',
  );
  lines.push(
    'Throughput in turns/s; latencies in ms: client = HTTP round trip, server = timer around adapter.process.',
    '',
  );
  lines.push(
    table(
      [
        'store',
        'users',
        'bot',
        'turns',
        'turns/s',
        'ratio',
        'client p50',
        'p95',
        'p99',
        'server p50',
        'p95',
        'p99',
        'errors',
        'load',
      ],
      rows.map((r) => {
        const echoRow = rows.find((e) => e.bot === 'echo' && e.store === r.store && e.concurrency === r.concurrency)!;
        return [
          r.store,
          String(r.concurrency),
          r.bot,
          String(r.turns),
          fixed(r.throughput, 0),
          r.bot === 'card-submit' ? percent(r.throughput / echoRow.throughput) : '',
          ms(r.client.p50),
          ms(r.client.p95),
          ms(r.client.p99),
          ms(r.server.p50),
          ms(r.server.p95),
          ms(r.server.p99),
          String(r.errors),
          r.load,
        ];
      }),
    ),
    '',
    ...notes,
  );
  for (const [kind, n] of failures) lines.push(`- failed turns: ${n} × ${kind}`);
  const memoryRatios = rows.filter((r) => r.store === 'memory' && r.bot === 'card-submit');
  for (const r of memoryRatios) {
    const e = rows.find((x) => x.bot === 'echo' && x.store === r.store && x.concurrency === r.concurrency)!;
    const ratio = r.throughput / e.throughput;
    lines.push(
      `- memory, ${r.concurrency} users: card-submit at ${percent(ratio)} of the echo bot (target ≥ 70 %: ${ratio >= 0.7 ? 'met' : 'missed'})`,
    );
  }
  const mongo20 = rows.find((r) => r.store !== 'memory' && r.bot === 'card-submit' && r.concurrency === 20);
  if (mongo20) {
    lines.push(
      `- MongoDB adapter, 20 users: server-side p95 ${ms(mongo20.server.p95)} ms (target < 25 ms: ${mongo20.server.p95 < 25 ? 'met' : 'missed'})`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
