/**
 * The MongoDB wire-protocol server a benchmark runs against: MONGODB_URI when set (any MongoDB),
 * else a throw-away FerretDB 1.24.2 started as the test setup starts it (test/setup/): SQLite in a
 * fresh temp directory, loopback, telemetry off, no debug listener, removed afterwards.
 *
 * BENCH_FERRETDB_BACKEND=postgresql runs FerretDB on PostgreSQL instead (its production backend),
 * with BENCH_POSTGRESQL_URL naming an empty database the benchmark may fill and that is dropped
 * by the caller; nothing is assumed about credentials.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { findOrBuildFerretDb } from '../../test/setup/ferretdb-binary';
import { freeLoopbackPort, startFerretDb } from '../../test/setup/ferretdb-server';

export interface BenchDatabase {
  uri: string;
  /** e.g. "FerretDB v1.24.2, SQLite backend", for the results. */
  description: string;
  stop(): Promise<void>;
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const configured = process.env.MONGODB_URI;
  if (configured) {
    return { uri: configured, description: `MONGODB_URI (${await serverVersion(configured)})`, stop: async () => {} };
  }
  const binary = await findOrBuildFerretDb();
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).match(/version: (\S+)/)?.[1] ?? '?';
  if (process.env.BENCH_FERRETDB_BACKEND === 'postgresql') {
    const url = process.env.BENCH_POSTGRESQL_URL;
    if (!url) throw new Error('BENCH_FERRETDB_BACKEND=postgresql needs BENCH_POSTGRESQL_URL');
    return startOnPostgres(binary, url, version);
  }
  const server = await startFerretDb(binary);
  return { uri: server.uri, description: `FerretDB ${version}, SQLite backend (temp directory)`, stop: server.stop };
}

async function startOnPostgres(binary: string, url: string, version: string): Promise<BenchDatabase> {
  const port = await freeLoopbackPort();
  const stateDir = await mkdtemp(join(tmpdir(), 'convenantbot-bench-ferretdb-'));
  const child = spawn(
    binary,
    [
      '--handler=postgresql',
      `--postgresql-url=${url}`,
      `--state-dir=${stateDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { stdio: 'ignore' },
  );
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const uri = `mongodb://127.0.0.1:${port}/`;
  for (let i = 0; i < 150; i++) {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 300 });
    try {
      await client.db('admin').command({ ping: 1 });
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  return {
    uri,
    description: `FerretDB ${version}, PostgreSQL backend`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      process.off('exit', kill);
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

async function serverVersion(uri: string): Promise<string> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    return `server ${String(info.version)}${info.ferretdbVersion ? `, FerretDB ${String(info.ferretdbVersion)}` : ''}`;
  } finally {
    await client.close();
  }
}
