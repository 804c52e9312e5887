/**
 * The app package sources for one Microsoft 365 Agents Toolkit environment (m365agents.yml): the
 * committed manifest/ with this environment's TEAMS_APP_ID and BOT_ID in it, written to
 * manifest/build/<env>/ for teamsApp/validateManifest and teamsApp/zipAppPackage.
 *
 *   TEAMS_APP_ID=… BOT_ID=… node --import tsx scripts/toolkit-manifest.ts manifest/build/dev
 *
 * manifest/manifest.json keeps real-looking GUIDs rather than ${{TEAMS_APP_ID}} placeholders so that it
 * validates as it stands (scripts/package-app.ts explains why); the ids are substituted the way
 * `npm run package` does it, and the result passes the same offline checks before it is written.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatedAppFiles } from './package-app';
import { MANIFEST_DIR } from './manifest/validate-manifest';

export interface ToolkitManifestResult {
  files: string[];
  teamsAppId: string;
  botId: string;
}

export async function writeToolkitManifest(
  outDir: string,
  env: Record<string, string | undefined> = process.env,
  sourceDir: string = MANIFEST_DIR,
): Promise<ToolkitManifestResult> {
  const missing = ['TEAMS_APP_ID', 'BOT_ID'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(' and ')} not set: run the toolkit's provision (teamsApp/create, aadApp/create) first`,
    );
  }
  // Only these two: BOT_ID must not fall back to MICROSOFT_APP_ID from some other environment.
  const { manifest, files } = await validatedAppFiles(sourceDir, {
    TEAMS_APP_ID: env.TEAMS_APP_ID,
    BOT_ID: env.BOT_ID,
  });
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const [name, data] of files) await writeFile(path.join(outDir, name), data);
  return { files: [...files.keys()], teamsAppId: manifest.id, botId: manifest.bots?.[0]?.botId ?? '' };
}

async function main(): Promise<void> {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: TEAMS_APP_ID=… BOT_ID=… node --import tsx scripts/toolkit-manifest.ts <out-dir>');
    process.exitCode = 2;
    return;
  }
  try {
    const result = await writeToolkitManifest(outDir);
    console.log(`Wrote ${result.files.join(', ')} to ${outDir} (app id ${result.teamsAppId}, bot id ${result.botId})`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
