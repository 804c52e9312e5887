/**
 * Starts a throw-away FerretDB on loopback: SQLite in a fresh temp directory, telemetry off,
 * no debug listener, nothing written to the working tree (DESIGN.md "Storage").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';

const READY_TIMEOUT_MS = 30_000;
const STDERR_KEPT = 8_000;

export interface RunningFerretDb {
  uri: string;
  stop(): Promise<void>;
}

/** One FerretDB process; fault tests stop or kill it and start another on the same port and data. */
export interface FerretDbProcess extends RunningFerretDb {
  port: number;
  /** SIGKILL: a crash, no clean shutdown. */
  kill(): Promise<void>;
}

/** A port that was free a moment ago; FerretDB exits if it was taken since, and we try another. */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function answersPing(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function stopProcess(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killTimer);
}

/**
 * Starts FerretDB on this data directory and port and waits for it to answer. The caller removes
 * the directory; startFerretDb below is the throw-away variant.
 */
export async function startFerretDbProcess(binary: string, dataDir: string, port: number): Promise<FerretDbProcess> {
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // If vitest exits without running teardown (Ctrl-C, a crash), FerretDB must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT);
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));

  const uri = `mongodb://127.0.0.1:${port}/`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `FerretDB (${binary}) exited before it was ready${spawnError ? `: ${spawnError.message}` : ''}.\n${stderr}`,
      );
    }
    if (await answersPing(uri)) {
      return { uri, port, stop: () => stopProcess(child), kill: () => stopProcess(child, 'SIGKILL') };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopProcess(child);
  throw new Error(`FerretDB (${binary}) did not answer a ping within ${READY_TIMEOUT_MS / 1000} s.\n${stderr}`);
}

export async function startFerretDb(binary: string): Promise<RunningFerretDb> {
  const dataDir = await mkdtemp(join(tmpdir(), 'convenantbot-ferretdb-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  // If vitest exits without running teardown (Ctrl-C, a crash), still leave nothing behind.
  const removeDataDirOnExit = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeDataDirOnExit);
  let lastError: unknown;
  // Retried because the free port may be taken between choosing it and FerretDB binding it.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const server = await startFerretDbProcess(binary, dataDir, await freeLoopbackPort());
      return {
        uri: server.uri,
        async stop() {
          await server.stop();
          await removeDataDir();
          process.off('exit', removeDataDirOnExit);
        },
      };
    } catch (error) {
      lastError = error;
    }
  }
  await removeDataDir();
  process.off('exit', removeDataDirOnExit);
  throw lastError;
}
