/**
 * Stages the bot for Azure App Service (m365agents.yml, "deploy"): the files `npm start` needs —
 * the same ones the Dockerfile copies — and their production dependencies, installed for Linux x64
 * whatever machine this runs on, in a folder the toolkit's azureAppService/zipDeploy then uploads.
 *
 *   node --import tsx scripts/stage-app.ts .deployment/app
 *
 * The working tree's node_modules is left alone. No secrets go in: App Service gets its settings
 * from its app settings (Key Vault references, infra/azure.bicep).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What `npm start` needs at run time; the Dockerfile COPYs exactly these (a test keeps them equal). */
export const RUNTIME_PATHS = ['package.json', 'package-lock.json', 'tsconfig.json', 'bot', 'src', 'cards'] as const;

/** Production dependencies for App Service's Linux x64, without install scripts (none is needed at run time). */
export const INSTALL_ARGS = [
  'ci',
  '--omit=dev',
  '--ignore-scripts',
  '--os=linux',
  '--cpu=x64',
  '--no-audit',
  '--no-fund',
] as const;

export async function stageApp(outDir: string, options: { install?: boolean } = {}): Promise<void> {
  const target = path.resolve(outDir);
  if (target === REPO_ROOT || REPO_ROOT.startsWith(`${target}${path.sep}`)) {
    throw new Error(`refusing to stage into ${target}: it holds the repository`);
  }
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const entry of RUNTIME_PATHS) {
    await cp(path.join(REPO_ROOT, entry), path.join(target, entry), { recursive: true });
  }
  if (options.install !== false) {
    await run('npm', [...INSTALL_ARGS], { cwd: target, maxBuffer: 16 * 1024 * 1024 });
  }
}

async function main(): Promise<void> {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node --import tsx scripts/stage-app.ts <out-dir>');
    process.exitCode = 2;
    return;
  }
  await stageApp(outDir);
  console.log(`Staged ${RUNTIME_PATHS.join(', ')} and production node_modules in ${outDir}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
