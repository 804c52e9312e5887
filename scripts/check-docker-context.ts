/**
 * Checks the Dockerfile without a Docker daemon: reproduces its steps in a temporary directory and
 * starts the bot as its CMD does.
 *
 *   node --import tsx scripts/check-docker-context.ts            # memory store, then FerretDB
 *   node --import tsx scripts/check-docker-context.ts --keep     # leave the directory for a look
 *
 * 1. The build context: every file of the working tree that .dockerignore lets through (Docker's
 *    rules: the last matching pattern wins, a pattern also matches everything under a directory).
 * 2. Each COPY into WORKDIR, from that context only, and each RUN in WORKDIR with an empty npm
 *    cache of its own (so `npm cache clean` there cannot touch this machine's cache): that is the
 *    real `npm ci --omit=dev` against the registry, as in a build.
 * 3. The CMD with only the image's ENV (no variable of this shell, so nothing configured here
 *    leaks in): once with MONGODB_URI unset (embedded store), once against a FerretDB it starts
 *    (test/setup/, the cached build). Each time the HEALTHCHECK command must succeed, /readyz
 *    and /metrics answer 200, and SIGTERM stops the bot with exit code 0.
 *
 * Takes a minute or two (the install), so it is not part of `npm test`; test/deploy/ checks the
 * Dockerfile statically in the normal run.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freeLoopbackPort, startFerretDb } from '../test/setup/ferretdb-server';
import { findOrBuildFerretDb } from '../test/setup/ferretdb-binary';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface DockerfileSteps {
  from: string;
  workdir: string;
  env: Record<string, string>;
  /** Sources relative to the context, destination relative to WORKDIR (or absolute). */
  copies: { sources: string[]; dest: string }[];
  runs: string[];
  user?: string;
  healthcheck?: string[];
  cmd: string[];
}

/** The instructions this project's Dockerfile uses, in the forms it uses them; anything else is refused. */
export function parseDockerfile(text: string): DockerfileSteps {
  // Continuation lines joined, comments and blank lines dropped.
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const steps: Partial<DockerfileSteps> & Pick<DockerfileSteps, 'env' | 'copies' | 'runs'> = {
    env: {},
    copies: [],
    runs: [],
    workdir: '/',
  };
  for (const line of lines) {
    const [, instruction = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    switch (instruction.toUpperCase()) {
      case 'FROM':
        if (steps.from) throw new Error('one stage only');
        steps.from = rest;
        break;
      case 'WORKDIR':
        steps.workdir = path.posix.resolve(steps.workdir!, rest);
        break;
      case 'ENV':
        for (const [, key, value] of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
          steps.env[key!] = value!.replace(/^"|"$/g, '');
        }
        break;
      case 'COPY': {
        const parts = rest.split(/\s+/).filter((p) => !p.startsWith('--'));
        if (rest.includes('--from')) throw new Error('COPY --from is not reproduced here');
        steps.copies.push({ sources: parts.slice(0, -1), dest: parts.at(-1)! });
        break;
      }
      case 'RUN':
        steps.runs.push(rest);
        break;
      case 'USER':
        steps.user = rest;
        break;
      case 'HEALTHCHECK': {
        const cmd = /\bCMD\s+(\[.*\])\s*$/.exec(rest);
        if (!cmd) throw new Error('HEALTHCHECK must use the exec form: CMD ["…"]');
        steps.healthcheck = JSON.parse(cmd[1]!) as string[];
        break;
      }
      case 'CMD':
        steps.cmd = JSON.parse(rest) as string[];
        break;
      case 'EXPOSE':
      case 'LABEL':
        break;
      default:
        throw new Error(`instruction ${instruction} is not reproduced here`);
    }
  }
  if (!steps.from || !steps.cmd) throw new Error('the Dockerfile needs FROM and CMD');
  return steps as DockerfileSteps;
}

/** Docker's .dockerignore: patterns with * ? and **, `!` to re-include; the last match decides. */
export function dockerignoreMatcher(text: string): (relativePath: string) => boolean {
  const rules = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = path.posix.normalize((negate ? l.slice(1) : l).replace(/^\/+/, '')).replace(/\/+$/, '');
      const source = pattern
        .split('/')
        .map((segment) =>
          segment === '**'
            ? '.*'
            : segment
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return { negate, regex: new RegExp(`^${source}$`) };
    });
  /** True if the path is excluded from the context. */
  return (relativePath) => {
    const parts = relativePath.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (prefixes.some((p) => rule.regex.test(p))) excluded = !rule.negate;
    }
    return excluded;
  };
}

/** The build context's files, relative to the repository, as Docker would send them. */
export async function contextFiles(root: string = REPO_ROOT): Promise<string[]> {
  const ignoreText = await readFile(path.join(root, '.dockerignore'), 'utf8').catch(() => '');
  const excluded = dockerignoreMatcher(ignoreText);
  const reincludes = ignoreText
    .split(/\r?\n/)
    .filter((l) => l.trim().startsWith('!'))
    .map((l) => l.trim().slice(1).replace(/^\/+/, ''));
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        // An excluded directory no `!` pattern reaches into is not walked (node_modules, .git).
        if (excluded(relative) && !reincludes.some((r) => r.startsWith(`${relative}/`) || r === relative)) continue;
        await walk(relative);
      } else if (!excluded(relative)) {
        files.push(relative);
      }
    }
  };
  await walk('');
  return files.sort();
}

async function copyFromContext(context: string[], sources: string[], dest: string, root: string, appDir: string) {
  const target = path.join(appDir, dest);
  const intoDir = dest.endsWith('/') || sources.length > 1;
  for (const source of sources) {
    const clean = source.replace(/^\.\//, '').replace(/\/+$/, '');
    const matches = context.filter((f) => f === clean || f.startsWith(`${clean}/`));
    if (matches.length === 0) throw new Error(`COPY ${source}: not in the build context (.dockerignore?)`);
    for (const file of matches) {
      const inner = file === clean ? path.basename(file) : file.slice(clean.length + 1);
      const to = file === clean ? (intoDir ? path.join(target, inner) : target) : path.join(target, inner);
      await mkdir(path.dirname(to), { recursive: true });
      await cp(path.join(root, file), to);
    }
  }
}

function shell(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`RUN ${command}: exit code ${code}`))));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
}

async function exitCode(command: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  try {
    await run(command[0]!, command.slice(1), { cwd, env, timeout: 10_000 });
    return 0;
  } catch (error) {
    return typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1;
  }
}

async function startAndProbe(steps: DockerfileSteps, appDir: string, extraEnv: Record<string, string>, label: string) {
  const port = await freeLoopbackPort();
  // Only what the image would have: its ENV, PATH to find node, and this run's settings.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: appDir,
    ...steps.env,
    PORT: String(port),
    ...extraEnv,
  };
  const child: ChildProcess = spawn(steps.cmd[0]!, steps.cmd.slice(1), {
    cwd: appDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}:\n${output}`);
        return (await exitCode(steps.healthcheck!, appDir, env)) === 0;
      },
      30_000,
      `${label}: HEALTHCHECK passing`,
    );
    for (const probe of ['/healthz', '/readyz', '/metrics']) {
      const status = (await fetch(`http://127.0.0.1:${port}${probe}`)).status;
      if (status !== 200) throw new Error(`${label}: ${probe} answered ${status}`);
    }
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 20_000))]);
    if (code !== 0) throw new Error(`${label}: SIGTERM ended the bot with ${String(code)}:\n${output}`);
    console.log(`✓ ${label}: HEALTHCHECK passes, /healthz /readyz /metrics answer 200, SIGTERM exits 0`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const steps = parseDockerfile(await readFile(path.join(REPO_ROOT, 'Dockerfile'), 'utf8'));
  if (!steps.healthcheck) throw new Error('the Dockerfile has no HEALTHCHECK');
  const context = await contextFiles();
  const tmp = await mkdtemp(path.join(tmpdir(), 'convenantbot-docker-'));
  const appDir = path.join(tmp, 'rootfs', steps.workdir);
  const npmCache = path.join(tmp, 'npm-cache');
  console.log(`${steps.from}: ${context.length} files in the build context; reproducing in ${tmp}`);
  try {
    await mkdir(appDir, { recursive: true });
    // In Dockerfile order: the RUN after the first COPY sees only what was copied before it.
    const text = await readFile(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
    const order = text
      .replace(/\\\r?\n/g, ' ')
      .split(/\r?\n/)
      .map((l) => l.trim().split(/\s+/)[0]?.toUpperCase())
      .filter((i) => i === 'COPY' || i === 'RUN');
    let copyIndex = 0;
    let runIndex = 0;
    for (const instruction of order) {
      if (instruction === 'COPY') {
        const { sources, dest } = steps.copies[copyIndex++]!;
        await copyFromContext(context, sources, dest, REPO_ROOT, appDir);
        console.log(`COPY ${sources.join(' ')} ${dest}`);
      } else {
        const command = steps.runs[runIndex++]!;
        console.log(`RUN ${command}`);
        await shell(command, appDir, {
          PATH: process.env.PATH,
          HOME: tmp,
          ...steps.env,
          npm_config_cache: npmCache,
          npm_config_update_notifier: 'false',
        });
      }
    }
    await startAndProbe(steps, appDir, {}, 'embedded store (MONGODB_URI unset)');
    const ferret = await startFerretDb(await findOrBuildFerretDb());
    try {
      await startAndProbe(steps, appDir, { MONGODB_URI: ferret.uri, MONGODB_DB: 'dockercheck' }, 'FerretDB');
    } finally {
      await ferret.stop();
    }
  } finally {
    if (keep) console.log(`kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
