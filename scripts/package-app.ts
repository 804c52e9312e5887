/**
 * Builds the Teams app package: manifest/build/appPackage.zip with manifest.json, en-us.json, color.png and
 * outline.png at the zip root.
 *
 *   npm run package                                  # ids as committed in manifest/manifest.json
 *   TEAMS_APP_ID=… BOT_ID=… npm run package           # ids of the real app and Azure bot registration
 *
 * BOT_ID falls back to MICROSOFT_APP_ID (the bot's Entra app id, as the bot itself is configured). The committed
 * manifest carries real-looking GUIDs rather than ${{BOT_ID}}-style placeholders so that it validates against
 * Microsoft's schema as it stands; substitution happens here. Everything is validated offline before and after
 * zipping (scripts/manifest/validate-manifest.ts), so a package this script writes passes the same checks as the
 * tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { readZip } from './manifest/read-zip';
import {
  MANIFEST_DIR,
  MANIFEST_FILE,
  packageFileNames,
  readAppFiles,
  validateAppFiles,
  type TeamsManifest,
} from './manifest/validate-manifest';

export const DEFAULT_OUT_FILE = path.join(MANIFEST_DIR, 'build', 'appPackage.zip');

/** Fixed timestamp for the zip entries, so that the same inputs give byte-identical packages. */
const ZIP_MTIME = new Date('2025-01-01T00:00:00Z');

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export interface PackageOptions {
  /** Directory with manifest.json and the files it references. Default: manifest/. */
  sourceDir?: string;
  /** Where to write the zip. Default: manifest/build/appPackage.zip. */
  outFile?: string;
  /** Source of TEAMS_APP_ID, BOT_ID and MICROSOFT_APP_ID. Default: process.env. */
  env?: Record<string, string | undefined>;
}

export interface PackageResult {
  outFile: string;
  /** Names of the files in the zip, in zip order. */
  files: string[];
  teamsAppId: string;
  botId: string;
  /** Things worth telling whoever runs the script, e.g. that the bot id is still the committed placeholder. */
  warnings: string[];
}

export class PackageValidationError extends Error {
  constructor(
    readonly stage: string,
    readonly problems: string[],
  ) {
    super(`App package is invalid (${stage}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'PackageValidationError';
  }
}

function envGuid(env: Record<string, string | undefined>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (!GUID.test(value)) throw new Error(`${name} must be a GUID, got "${value}"`);
    return value.toLowerCase();
  }
  return undefined;
}

/** Returns the manifest with ids from the environment substituted; the input is not modified. */
export function substituteIds(
  manifest: TeamsManifest,
  env: Record<string, string | undefined>,
): { manifest: TeamsManifest; warnings: string[] } {
  const result = structuredClone(manifest);
  const warnings: string[] = [];
  const teamsAppId = envGuid(env, 'TEAMS_APP_ID');
  if (teamsAppId) result.id = teamsAppId;
  const botId = envGuid(env, 'BOT_ID', 'MICROSOFT_APP_ID');
  if (botId) {
    for (const bot of result.bots ?? []) bot.botId = botId;
  } else {
    warnings.push(
      `BOT_ID / MICROSOFT_APP_ID not set: the package carries the committed bot id ${result.bots?.[0]?.botId ?? '(none)'}, ` +
        'which is not your Azure bot registration; Teams will not reach the bot.',
    );
  }
  return { manifest: result, warnings };
}

async function zipBuffer(files: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of files) zip.addBuffer(data, name, { mtime: ZIP_MTIME, mode: 0o100644 });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * The package's files from the manifest sources with the ids of `env` in manifest.json, each step
 * validated offline. Throws PackageValidationError when the sources or the result are invalid.
 */
export async function validatedAppFiles(
  sourceDir: string,
  env: Record<string, string | undefined>,
): Promise<{ manifest: TeamsManifest; warnings: string[]; files: Map<string, Buffer> }> {
  const sources = await readAppFiles(sourceDir);
  const sourceProblems = validateAppFiles(sources);
  if (sourceProblems.length > 0) throw new PackageValidationError(sourceDir, sourceProblems);

  const committed = JSON.parse(sources.get(MANIFEST_FILE)!.toString('utf8')) as TeamsManifest;
  const { manifest, warnings } = substituteIds(committed, env);
  const files = new Map<string, Buffer>();
  for (const name of packageFileNames(manifest)) {
    files.set(
      name,
      name === MANIFEST_FILE ? Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) : sources.get(name)!,
    );
  }
  const packageProblems = validateAppFiles(files);
  if (packageProblems.length > 0) throw new PackageValidationError('after substituting ids', packageProblems);
  return { manifest, warnings, files };
}

/** Validates the manifest sources, substitutes ids and writes the zip. Throws PackageValidationError when invalid. */
export async function packageApp(options: PackageOptions = {}): Promise<PackageResult> {
  const sourceDir = options.sourceDir ?? MANIFEST_DIR;
  const outFile = options.outFile ?? DEFAULT_OUT_FILE;
  const env = options.env ?? process.env;

  const { manifest, warnings, files } = await validatedAppFiles(sourceDir, env);

  const zip = await zipBuffer(files);
  const zipped = readZip(zip);
  const zipProblems = validateAppFiles(zipped);
  if (zipProblems.length > 0) throw new PackageValidationError('zip', zipProblems);

  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, zip);
  return {
    outFile,
    files: [...zipped.keys()],
    teamsAppId: manifest.id,
    botId: manifest.bots?.[0]?.botId ?? '',
    warnings,
  };
}

async function main(): Promise<void> {
  try {
    const result = await packageApp();
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    console.log(`Wrote ${path.relative(process.cwd(), result.outFile)} (${result.files.join(', ')})`);
    console.log(`  app id ${result.teamsAppId}, bot id ${result.botId}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
