/**
 * The deployment files, checked statically (quick; the slow reproduction of the Docker build is
 * scripts/check-docker-context.ts): the Dockerfile copies what `npm start` imports and installs
 * only production dependencies, bakes in no secret, runs as a non-root user and checks /healthz;
 * .dockerignore keeps secrets and the rest out; the Agents Toolkit files use real action names,
 * the manifest the toolkit-manifest script writes, and variables that some file or step defines;
 * the environment files hold no secret and the .user files are git-ignored.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerignoreMatcher, parseDockerfile, type DockerfileSteps } from '../../scripts/check-docker-context';
import { readAppFiles, validateAppFiles } from '../../scripts/manifest/validate-manifest';
import { INSTALL_ARGS, REPO_ROOT, RUNTIME_PATHS } from '../../scripts/stage-app';
import { writeToolkitManifest } from '../../scripts/toolkit-manifest';

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const packageJson = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Every file `npm start` loads (relative to the repo), and every package it imports, following runtime imports only. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!file.endsWith('.ts')) return;
    const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.ES2022, false);
    source.forEachChild((node) => {
      let specifier: string | undefined;
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
        specifier = (node.moduleSpecifier as ts.StringLiteral).text;
      } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) {
        specifier = (node.moduleSpecifier as ts.StringLiteral).text;
      }
      if (specifier === undefined) return;
      if (specifier.startsWith('.')) {
        const base = path.posix.join(path.posix.dirname(file), specifier);
        const candidates = [base, `${base}.ts`, `${base}/index.ts`];
        const found = candidates.find((c) => statSync(path.join(REPO_ROOT, c), { throwIfNoEntry: false })?.isFile());
        if (!found) throw new Error(`${file}: cannot resolve ${specifier}`);
        visit(found);
      } else {
        packages.add(specifier);
      }
    });
  };
  visit(entry);
  return { files, packages };
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const steps: DockerfileSteps = parseDockerfile(text);

  it('builds on node:20-slim and installs production dependencies only, tsx among them', () => {
    expect(steps.from).toBe('node:20-slim');
    expect(steps.runs.some((r) => /\bnpm ci\b.*--omit=dev/.test(r))).toBe(true);
    expect(packageJson.dependencies.tsx, 'tsx runs the TypeScript: a runtime dependency').toBeDefined();
    expect(packageJson.devDependencies.tsx).toBeUndefined();
  });

  it('runs what `npm start` runs, as a non-root user, with a HEALTHCHECK on /healthz', () => {
    expect(steps.cmd.join(' ')).toBe(packageJson.scripts.start);
    expect(steps.user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(steps.user);
    expect(steps.healthcheck?.join(' ')).toMatch(/\/healthz/);
    expect(steps.healthcheck?.join(' ')).toMatch(/process\.env\.PORT/);
    expect(steps.env.PORT).toBe('3978');
  });

  it('bakes in no secret and copies no .env', () => {
    const secretNames = /MICROSOFT_APP_PASSWORD|MONGODB_URI|METRICS_TOKEN|SECRET_|PASSWORD|TOKEN/;
    for (const key of Object.keys(steps.env)) expect(key).not.toMatch(secretNames);
    expect(text).not.toMatch(/^\s*ARG\b/m);
    expect(text).not.toMatch(/^\s*(ENV|ARG)\s+[^\n]*(PASSWORD|TOKEN|SECRET|MONGODB_URI)/im);
    const sources = steps.copies.flatMap((c) => c.sources);
    expect(sources).not.toContain('.');
    expect(sources.some((s) => s.includes('.env'))).toBe(false);
  });

  it('copies exactly the runtime files scripts/stage-app.ts ships to App Service', () => {
    const sources = steps.copies.flatMap((c) => c.sources.map((s) => s.replace(/^\.\//, '').replace(/\/$/, '')));
    expect([...sources].sort()).toEqual([...RUNTIME_PATHS].sort());
    // The staged App Service install is the image's, plus the platform flags.
    const imageInstall = steps.runs.find((r) => /\bnpm ci\b/.test(r))!;
    for (const flag of ['--omit=dev', '--ignore-scripts']) {
      expect(imageInstall).toContain(flag);
      expect(INSTALL_ARGS).toContain(flag);
    }
  });

  it('copies every file `npm start` imports, and it imports no dev dependency', () => {
    const entry = packageJson.scripts.start!.split(' ').at(-1)!;
    const { files, packages } = importGraph(entry);
    expect(files.size).toBeGreaterThan(100);
    const copied = (file: string) => RUNTIME_PATHS.some((p) => file === p || file.startsWith(`${p}/`));
    expect([...files].filter((f) => !copied(f))).toEqual([]);
    const builtins = new Set(builtinModules);
    const external = [...packages].filter((p) => !p.startsWith('node:') && !builtins.has(p)).map(packageName);
    expect(external.length).toBeGreaterThan(5);
    expect(external.filter((p) => packageJson.dependencies[p] === undefined)).toEqual([]);
  });
});

describe('.dockerignore', () => {
  const excluded = dockerignoreMatcher(read('.dockerignore'));

  it('keeps secrets, dependencies, tests and the repository out of the build context', () => {
    for (const file of [
      '.env',
      '.env.local',
      'env/.env.dev.user',
      '.localConfigs',
      'node_modules/tsx/package.json',
      '.git/config',
      'test/bot/metrics.test.ts',
      'manifest/manifest.json',
      'docs/deployment.md',
      '.deployment/app/package.json',
      'infra/azure.bicep',
    ]) {
      expect(excluded(file), file).toBe(true);
    }
  });

  it('lets through everything the Dockerfile copies', () => {
    for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'bot/main.ts', 'src/time/dates.ts']) {
      expect(excluded(file), file).toBe(false);
    }
    expect(excluded('cards/help/help.card.json')).toBe(false);
  });
});

/** The actions of the v1.11 yaml schema this project uses (checked against the toolkit's schema file). */
const TOOLKIT_ACTIONS = new Set([
  'teamsApp/create',
  'aadApp/create',
  'botAadApp/create',
  'botFramework/create',
  'arm/deploy',
  'script',
  'teamsApp/validateManifest',
  'teamsApp/zipAppPackage',
  'teamsApp/validateAppPackage',
  'teamsApp/update',
  'teamsApp/publishAppPackage',
  'azureAppService/zipDeploy',
  'file/createOrUpdateEnvironmentFile',
]);
/** Set by the toolkit itself. */
const BUILT_IN = new Set(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'TEAMS_APP_TENANT_ID']);

function envKeys(file: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const line of read(file).split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) keys.set(match[1]!, match[2]!);
  }
  return keys;
}

describe.each([
  ['m365agents.yml', 'env/.env.dev'],
  ['m365agents.local.yml', 'env/.env.local'],
])('%s', (ymlFile, envFile) => {
  const yml = read(ymlFile);
  const env = envKeys(envFile);

  it('uses the v1.11 schema and only its actions', () => {
    expect(yml).toMatch(/^version: v1\.11$/m);
    expect(yml).toContain('$schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json');
    expect(yml).toMatch(/^environmentFolderPath: \.\/env$/m);
    const actions = [...yml.matchAll(/^\s*- uses: (\S+)/gm)].map((m) => m[1]!);
    expect(actions.filter((a) => !TOOLKIT_ACTIONS.has(a))).toEqual([]);
    for (const action of [
      'teamsApp/create',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]) {
      expect(actions).toContain(action);
    }
  });

  it('validates and zips the manifest that scripts/toolkit-manifest.ts writes for the environment', () => {
    const written = [...yml.matchAll(/scripts\/toolkit-manifest\.ts (\S+)/g)].map((m) => m[1]);
    expect(written.length).toBeGreaterThan(0);
    for (const dir of written) expect(dir).toBe('./manifest/build/${{TEAMSFX_ENV}}');
    const manifestPaths = [...yml.matchAll(/manifestPath: (\S+)/g)].map((m) => m[1]);
    expect(manifestPaths.length).toBeGreaterThan(0);
    for (const p of manifestPaths) expect(p).toBe('./manifest/build/${{TEAMSFX_ENV}}/manifest.json');
    const zips = [...yml.matchAll(/(?:outputZipPath|appPackagePath): (\S+)/g)].map((m) => m[1]);
    for (const zip of zips) expect(zip).toBe('./manifest/build/appPackage.${{TEAMSFX_ENV}}.zip');
    // manifest/build/ is git-ignored: nothing the toolkit writes ends up committed.
    expect(read('.gitignore')).toMatch(/^manifest\/build\/$/m);
  });

  it('refers only to variables the environment file, a secret, the toolkit or an earlier step defines', () => {
    const written = new Set(
      [...yml.matchAll(/^\s+\w+: ([A-Z][A-Z0-9_]*)\s*$/gm)]
        .map((m) => m[1]!)
        .concat(['AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT']),
    );
    const used = [...yml.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1]!);
    const unknown = used.filter((v) => !env.has(v) && !BUILT_IN.has(v) && !written.has(v) && !v.startsWith('SECRET_'));
    expect(unknown).toEqual([]);
  });

  it('keeps no secret in the committed environment file', () => {
    for (const [key, value] of env) {
      if (/SECRET|PASSWORD|TOKEN|MONGODB_URI/.test(key)) expect(value, key).toBe('');
    }
    const text = read(envFile);
    expect(text).not.toMatch(/mongodb(\+srv)?:\/\/\S+:\S+@/);
    expect(text).not.toMatch(/^SECRET_/m);
  });
});

describe('infra/', () => {
  const bicep = read('infra/azure.bicep');
  const parameters = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, unknown> };
  const dev = envKeys('env/.env.dev');

  it('passes every parameter the template needs, and no other', () => {
    const declared = [...bicep.matchAll(/^param (\w+) (\w+)( = .*)?$/gm)].map((m) => ({
      name: m[1]!,
      optional: !!m[3],
    }));
    const given = Object.keys(parameters.parameters);
    expect(given.filter((g) => !declared.some((d) => d.name === g))).toEqual([]);
    expect(declared.filter((d) => !d.optional && !given.includes(d.name)).map((d) => d.name)).toEqual([]);
  });

  it('takes secrets from SECRET_ variables into @secure() parameters and Key Vault references', () => {
    const placeholders = JSON.stringify(parameters).match(/\$\{\{([A-Z0-9_]+)\}\}/g) ?? [];
    for (const placeholder of placeholders) {
      const name = placeholder.slice(3, -2);
      expect(name.startsWith('SECRET_') || dev.has(name), name).toBe(true);
    }
    for (const secret of ['botAppPassword', 'mongodbUri', 'metricsToken']) {
      expect(bicep).toMatch(new RegExp(`@secure\\(\\)\\n(@[^\\n]*\\n)*param ${secret} string`));
    }
    for (const setting of ['MICROSOFT_APP_PASSWORD', 'MONGODB_URI', 'METRICS_TOKEN']) {
      expect(bicep).toMatch(new RegExp(`${setting}: '@Microsoft\\.KeyVault\\(SecretUri=`));
    }
  });

  it('runs the bot as `npm start` does, on Node 20, with /healthz as the health check and Always On', () => {
    expect(bicep).toContain(`appCommandLine: '${packageJson.scripts.start}'`);
    expect(bicep).toContain("linuxFxVersion: 'NODE|20-lts'");
    expect(bicep).toContain("healthCheckPath: '/healthz'");
    expect(bicep).toMatch(/alwaysOn: true/);
    expect(bicep).toContain("msaAppType: 'SingleTenant'");
    expect(bicep).toContain("endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'");
    expect(bicep).toContain("name: 'MsTeamsChannel'");
  });
});

describe('git', () => {
  const ignored = (file: string) => {
    try {
      execFileSync('git', ['check-ignore', '-q', '--no-index', file], { cwd: REPO_ROOT });
      return true;
    } catch {
      return false;
    }
  };

  it('ignores the secret files and the staged app, and keeps the environment files', () => {
    for (const file of ['env/.env.dev.user', 'env/.env.local.user', '.localConfigs', '.deployment/app/x', '.env']) {
      expect(ignored(file), file).toBe(true);
    }
    for (const file of ['env/.env.dev', 'env/.env.local', 'm365agents.yml', 'Dockerfile', '.dockerignore']) {
      expect(ignored(file), file).toBe(false);
    }
  });
});

describe('scripts/toolkit-manifest.ts', () => {
  const APP_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const BOT_ID = '11111111-2222-4333-8444-555555555555';
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'convenantbot-toolkit-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it("writes the committed package with the environment's ids, valid as `npm run package` checks it", async () => {
    const out = path.join(tmp, 'dev');
    const result = await writeToolkitManifest(out, { TEAMS_APP_ID: APP_ID, BOT_ID, MICROSOFT_APP_ID: 'ignored' });
    expect(result).toMatchObject({ teamsAppId: APP_ID, botId: BOT_ID });
    expect((await readdir(out)).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const written = await readAppFiles(out);
    expect(validateAppFiles(written)).toEqual([]);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const committed = JSON.parse(read('manifest/manifest.json')) as Record<string, unknown>;
    expect(manifest.id).toBe(APP_ID);
    expect((manifest.bots as { botId: string }[]).map((b) => b.botId)).toEqual([BOT_ID]);
    expect({ ...manifest, id: committed.id, bots: committed.bots }).toEqual(committed);
  });

  it('refuses to write the committed ids when the environment has none', async () => {
    await expect(writeToolkitManifest(path.join(tmp, 'x'), { TEAMS_APP_ID: APP_ID })).rejects.toThrow(/BOT_ID/);
    await expect(writeToolkitManifest(path.join(tmp, 'x'), { BOT_ID })).rejects.toThrow(/TEAMS_APP_ID/);
  });
});
