/**
 * Benchmark (b): the weekly digest's figures and the landlord queue over 1,000, 10,000 and 100,000
 * nominations, on the embedded (memory) store and on the MongoDB adapter (FerretDB unless
 * MONGODB_URI is set). Method: bench/README.md. Prints Markdown.
 *
 *   npm run bench:digest                                                  # memory 1k–100k, MongoDB 1k and 10k
 *   BENCH_STORES=mongodb BENCH_MONGO_SIZES=100000 npm run bench:digest    # MongoDB at 100k: long on FerretDB
 *
 * Each size gets a fresh store: the covenant's parties, a distribution for the year, and the
 * synthetic population of bench/support/dataset.ts inserted in bulk (not timed). Then, timed with
 * a wall clock around the call, each operation runs `reps` times after one warm-up run:
 * - digest: digestFiguresOf, what the weekly digest and the `status` command compute;
 * - queue card: landlordQueuePage(vidomes, 25): the `wachtrij` card's 25 entries and the total;
 * - full queue: landlordQueue(vidomes), every waiting entry with its whole nomination;
 * - position: queuePositionOf for the last nomination in vidomes' queue, as a verdict card asks;
 * - on MongoDB only, what bounds it: a bare countDocuments({state: 'registered'}) (one full pass
 *   over the collection where the server has no usable index) and a bare findOne by _id of the
 *   newest document.
 * The digest figures of both stores are compared for each size: they must be equal.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { digestFiguresOf } from '../src/digest/digest-figures-of';
import type { DigestFigures } from '../src/digest/digest-figures';
import { withHomes, newYearDistribution } from '../src/distribution/allocation';
import { seedCovenantParties } from '../src/parties/registry';
import { landlordQueue, landlordQueuePage, queuePositionOf } from '../src/queue/landlord-queue';
import { createMemoryStore } from '../src/storage/memory/memory-store';
import { connectMongoStore, type MongoStore } from '../src/storage/mongo/mongo-store';
import { toDoc, type StringIdDoc } from '../src/storage/mongo/mongo-documents';
import type { Store } from '../src/storage/ports';
import { makeNominations } from '../test/support/nomination-population';
import { startBenchDatabase, type BenchDatabase } from './support/database';
import { loadNow, machineLines } from './support/machine';
import { fixed, ms, summarize, table } from './support/stats';

const NOW = new Date('2025-09-10T10:00:00.000Z');
const clock = () => NOW;
const STORES = (process.env.BENCH_STORES ?? 'memory,mongodb').split(',') as ('memory' | 'mongodb')[];
const sizes = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').map(Number);
/** FerretDB 1.x reads every document for every query (see BENCHMARKS.md): 100,000 there is a run of its own. */
const SIZES = {
  memory: sizes('BENCH_MEMORY_SIZES', '1000,10000,100000'),
  mongodb: sizes('BENCH_MONGO_SIZES', '1000,10000'),
};

interface Row {
  store: string;
  size: number;
  waiting: number;
  queue: number;
  results: Record<string, { p50: number; min: number; reps: number }>;
  load: string;
}

/** Fewer repetitions where one run takes long, so each benchmark stays within minutes. */
function repsFor(store: string, size: number): number {
  if (store === 'memory') return size >= 100_000 ? 5 : 20;
  return size >= 100_000 ? 1 : size >= 10_000 ? 3 : 10;
}

async function time(reps: number, run: () => Promise<unknown>): Promise<{ p50: number; min: number; reps: number }> {
  // Warm-up: first-use costs (JIT, connection, query plans) are not what we measure. Left out where
  // one call takes many seconds (FerretDB at 100,000), which such costs do not change.
  if (reps > 1) await run();
  const durations: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    await run();
    durations.push(performance.now() - started);
  }
  const s = summarize(durations);
  return { p50: s.p50, min: Math.min(...durations), reps };
}

async function openStore(
  kind: 'memory' | 'mongodb',
  db: BenchDatabase | undefined,
): Promise<Store & { db?: MongoStore['db'] }> {
  if (kind === 'memory') return createMemoryStore();
  return connectMongoStore({ uri: db!.uri, dbName: `bench_${randomBytes(6).toString('hex')}` });
}

async function seed(
  store: Store & { db?: MongoStore['db'] },
  size: number,
): Promise<{ waitingIds: string[]; newest: string }> {
  const context = { origin: 'bench', actorId: 'system' };
  await seedCovenantParties(store, context);
  await store.distributions.save(withHomes(withHomes(newYearDistribution(2025), 'vidomes', 40), 'wooninvest', 30), 0);
  const nominations = makeNominations(size, NOW, size);
  if (store.db) {
    const collection = store.db.collection<StringIdDoc>('nominations');
    for (let i = 0; i < nominations.length; i += 1000) {
      await collection.insertMany(
        nominations.slice(i, i + 1000).map((n) => toDoc(n, 'id')),
        { ordered: false },
      );
    }
  } else {
    for (const n of nominations) await store.nominations.insert(n);
  }
  const queue = await landlordQueue(store, 'vidomes', clock);
  return { waitingIds: queue.map((e) => e.nomination.id), newest: nominations.at(-1)!.id };
}

async function main(): Promise<void> {
  const db = STORES.includes('mongodb') ? await startBenchDatabase() : undefined;
  const rows: Row[] = [];
  const figures = new Map<number, DigestFigures[]>();
  const startedAt = performance.now();
  try {
    for (const size of [...new Set([...SIZES.memory, ...SIZES.mongodb])].sort((a, b) => a - b)) {
      for (const kind of STORES.filter((k) => SIZES[k].includes(size))) {
        const store = await openStore(kind, db);
        try {
          const seeding = performance.now();
          const { waitingIds, newest } = await seed(store, size);
          process.stderr.write(`${kind} ${size}: seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s\n`);
          const reps = repsFor(kind, size);
          const results: Row['results'] = {};
          const load = loadNow();
          let digest: DigestFigures | undefined;
          results.digest = await time(
            reps,
            async () => (digest = await digestFiguresOf(store, clock, { signals: store.signals })),
          );
          figures.set(size, [...(figures.get(size) ?? []), digest!]);
          results.page = await time(reps, () => landlordQueuePage(store, 'vidomes', clock, 25));
          results.full = await time(reps, () => landlordQueue(store, 'vidomes', clock));
          const last = waitingIds.at(-1)!;
          results.position = await time(reps, () => queuePositionOf(store, last, 'vidomes', clock));
          if (store.db) {
            const collection = store.db.collection<StringIdDoc>('nominations');
            results.scan = await time(reps, () => collection.countDocuments({ state: 'registered' }));
            // The newest document, as a just-created draft is: the last one a scan reaches.
            results.byId = await time(reps, () => collection.findOne({ _id: newest }));
          }
          rows.push({
            store: kind === 'memory' ? 'memory' : 'MongoDB adapter',
            size,
            waiting: digest!.openQueue.waiting.total,
            queue: waitingIds.length,
            results,
            load,
          });
          process.stderr.write(`${kind} ${size}: digest ${ms(results.digest.p50)} ms\n`);
        } finally {
          await store.db?.dropDatabase().catch(() => undefined);
          await store.close();
        }
      }
    }
  } finally {
    await db?.stop();
  }

  const lines: string[] = [];
  lines.push('### Digest and landlord queue (benchmark b)', '');
  lines.push(
    ...machineLines(db?.description),
    `- run took ${((performance.now() - startedAt) / 1000).toFixed(0)} s`,
    '',
  );
  lines.push('Median wall time per call in ms (minimum in brackets), after one warm-up call.', '');
  const cell = (r: Row, key: string) => {
    const v = r.results[key];
    return v ? `${ms(v.p50)} (${ms(v.min)})` : '–';
  };
  lines.push(
    table(
      [
        'store',
        'nominations',
        'waiting',
        'vidomes queue',
        'reps',
        'digest',
        'queue card (25)',
        'full queue',
        'position',
        'bare scan',
        'bare find by _id',
        'load',
      ],
      rows.map((r) => [
        r.store,
        r.size.toLocaleString('en'),
        String(r.waiting),
        String(r.queue),
        String(r.results.digest!.reps),
        cell(r, 'digest'),
        cell(r, 'page'),
        cell(r, 'full'),
        cell(r, 'position'),
        cell(r, 'scan'),
        cell(r, 'byId'),
        r.load,
      ]),
    ),
  );
  lines.push('');
  for (const [size, list] of figures) {
    if (list.length === 2) {
      lines.push(
        `- ${size.toLocaleString('en')} nominations: digest figures of both stores ${isDeepStrictEqual(list[0], list[1]) ? 'equal' : '**DIFFER**'}`,
      );
    }
  }
  const mongo100k = rows.find((r) => r.store !== 'memory' && r.size === 100_000);
  if (mongo100k) {
    const d = mongo100k.results.digest!.p50;
    const s = mongo100k.results.scan!.p50;
    lines.push(
      `- 100,000 on the MongoDB adapter: digest ${ms(d)} ms against the 500 ms target (${d < 500 ? 'met' : 'missed'}); one bare pass over the collection ${ms(s)} ms, so the digest costs ${fixed(d / s)} passes`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
