/**
 * Finds the FerretDB binary the tests run against, building it once with Go when it is missing.
 *
 * Why not plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: the module
 * published on the Go proxy lacks build/version/version.txt (generated from git in FerretDB's own
 * build), and a binary built from it panics at start ("Invalid build/version/version.txt").
 * So we copy the module's source from the Go module cache, write that file, and `go build` it.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import {
  access,
  copyFile,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FERRETDB_VERSION = '1.24.2';
const MODULE = `github.com/FerretDB/FerretDB@v${FERRETDB_VERSION}`;
/** A lock older than this is left over from a build that was killed. */
const STALE_LOCK_MS = 15 * 60_000;

export const NO_DATABASE_HELP =
  'The storage tests need a MongoDB wire-protocol server, and none is available:\n' +
  '  - either set MONGODB_URI=mongodb://… to a MongoDB you run, e.g. `docker run -p 27017:27017 mongo:7` ' +
  'and MONGODB_URI=mongodb://127.0.0.1:27017,\n' +
  `  - or install Go (https://go.dev/dl/, \`go\` on PATH) so the tests can build FerretDB ${FERRETDB_VERSION} once ` +
  '(once, 1–6 minutes; cached afterwards),\n' +
  '  - or set FERRETDB_BIN to a ferretdb binary you have.';

function cacheDir(): string {
  const root = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(root, 'convenantbot', `ferretdb-${FERRETDB_VERSION}`);
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

async function goIsInstalled(): Promise<boolean> {
  return run('go', ['version']).then(
    () => true,
    () => false,
  );
}

/** The path of a runnable ferretdb: FERRETDB_BIN, the cached build, or a fresh build. */
export async function findOrBuildFerretDb(): Promise<string> {
  const configured = process.env.FERRETDB_BIN;
  if (configured) {
    if (await exists(configured)) return configured;
    throw new Error(`FERRETDB_BIN=${configured} is not an executable file.\n\n${NO_DATABASE_HELP}`);
  }
  const binary = join(cacheDir(), 'bin', 'ferretdb');
  if (await exists(binary)) return binary;
  if (!(await goIsInstalled())) throw new Error(NO_DATABASE_HELP);
  await withBuildLock(async () => {
    // Another run may have built it while we waited for the lock.
    if (!(await exists(binary))) await build(binary);
  });
  return binary;
}

/** One build at a time across processes: an exclusive lock file next to the binary. */
async function withBuildLock(work: () => Promise<void>): Promise<void> {
  const lock = join(cacheDir(), 'build.lock');
  await mkdir(cacheDir(), { recursive: true });
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(lock)) await rm(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    await work();
  } finally {
    await rm(lock, { force: true });
  }
}

/** Left behind by a build that was killed: its process is gone, or it is far older than any build. */
async function isStale(lock: string): Promise<boolean> {
  const [pid, mtimeMs] = await Promise.all([
    readFile(lock, 'utf8').then(Number, () => NaN),
    stat(lock).then(
      (s) => s.mtimeMs,
      () => Date.now(),
    ),
  ]);
  if (Date.now() - mtimeMs > STALE_LOCK_MS) return true;
  if (!Number.isInteger(pid) || pid <= 0) return false; // still being written
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function build(binary: string): Promise<void> {
  const started = Date.now();
  console.log(`Building FerretDB ${FERRETDB_VERSION} for the tests into ${binary} (once; 1–6 minutes)…`);
  // Our own settings, not the user's: no go.work or vendoring may reach into this build.
  const env = { ...process.env, GOFLAGS: '', GOWORK: 'off' };
  const source = await mkdtemp(join(tmpdir(), 'convenantbot-ferretdb-src-'));
  try {
    const download = await run('go', ['mod', 'download', '-json', MODULE], { env, maxBuffer: 1 << 20 });
    const moduleDir = (JSON.parse(download.stdout) as { Dir: string }).Dir;
    await copyTree(moduleDir, source);
    await writeFile(join(source, 'build', 'version', 'version.txt'), `v${FERRETDB_VERSION}\n`);
    await mkdir(dirname(binary), { recursive: true });
    const partial = `${binary}.${process.pid}.partial`;
    await run('go', ['build', '-buildvcs=false', '-o', partial, './cmd/ferretdb'], {
      cwd: source,
      env,
      maxBuffer: 16 << 20,
    });
    // Renaming is atomic: no run ever sees a half-written binary.
    await rename(partial, binary);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`Building FerretDB ${FERRETDB_VERSION} failed:\n${stderr}\n\n${NO_DATABASE_HELP}`, {
      cause: error,
    });
  } finally {
    await rm(source, { recursive: true, force: true });
  }
  console.log(`Built FerretDB ${FERRETDB_VERSION} in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/**
 * Copies a directory tree, creating directories with default (writable) modes: the module cache
 * is read-only, and a copy keeping that could be neither written into nor removed.
 */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target);
    else if (entry.isFile()) await copyFile(source, target);
  }
}
