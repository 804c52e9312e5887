import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/make-icons';
import { readZip } from '../../scripts/manifest/read-zip';
import {
  LOCALIZATION_SCHEMA_URL,
  MANIFEST_DIR,
  MANIFEST_SCHEMA_URL,
  MANIFEST_VERSION,
  localizableKeys,
  outlinePixelStats,
  readAppFiles,
  readPngHeader,
  schemaPath,
  validateAgainstSchema,
  validateAppFiles,
  type TeamsManifest,
} from '../../scripts/manifest/validate-manifest';
import { DEFAULT_OUT_FILE, PackageValidationError, packageApp } from '../../scripts/package-app';

const PACKAGE_FILES = ['manifest.json', 'en-us.json', 'color.png', 'outline.png'];
const APP_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const BOT_ID = '11111111-2222-4333-8444-555555555555';

/** Validation must never reach for the network: any fetch fails the run. */
const fetchSpy = vi.fn(() => Promise.reject(new Error('network access during manifest validation')));

let sources: Map<string, Buffer>;
let manifest: TeamsManifest;
let localization: Record<string, unknown>;
let tmp: string;

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchSpy);
  sources = await readAppFiles();
  manifest = JSON.parse(sources.get('manifest.json')!.toString('utf8')) as TeamsManifest;
  localization = JSON.parse(sources.get('en-us.json')!.toString('utf8')) as Record<string, unknown>;
  tmp = await mkdtemp(path.join(os.tmpdir(), 'convenantbot-manifest-'));
});

afterAll(async () => {
  expect(fetchSpy).not.toHaveBeenCalled();
  vi.unstubAllGlobals();
  await rm(tmp, { recursive: true, force: true });
});

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value, null, 2));
}

/** The committed package with the manifest changed by `mutate`. */
function withManifest(mutate: (m: TeamsManifest) => void): Map<string, Buffer> {
  const copy = structuredClone(manifest);
  mutate(copy);
  return new Map(sources).set('manifest.json', json(copy));
}

function withLocalization(mutate: (l: Record<string, unknown>) => void): Map<string, Buffer> {
  const copy = structuredClone(localization);
  mutate(copy);
  return new Map(sources).set('en-us.json', json(copy));
}

function without(name: string): Map<string, Buffer> {
  const files = new Map(sources);
  files.delete(name);
  return files;
}

function personalCommands(m: TeamsManifest) {
  return m.bots![0]!.commandLists![0]!.commands;
}

describe('manifest against Microsoft schema (offline)', () => {
  it('uses the v1.30 schema shipped in @microsoft/app-manifest', () => {
    expect(MANIFEST_VERSION).toBe('1.30');
    expect(schemaPath('manifest')).toContain(path.join('node_modules', '@microsoft', 'app-manifest'));
    expect(existsSync(schemaPath('manifest'))).toBe(true);
    expect(existsSync(schemaPath('localization'))).toBe(true);
    expect(manifest.$schema).toBe(MANIFEST_SCHEMA_URL);
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(localization.$schema).toBe(LOCALIZATION_SCHEMA_URL);
  });

  it('manifest.json validates against MicrosoftTeams.schema.json', () => {
    expect(validateAgainstSchema('manifest', manifest)).toEqual([]);
  });

  it('en-us.json validates against MicrosoftTeams.Localization.schema.json', () => {
    expect(validateAgainstSchema('localization', localization)).toEqual([]);
  });

  it('the committed package passes every check (schema, icons, commands, localization)', () => {
    expect([...sources.keys()].sort()).toEqual([...PACKAGE_FILES].sort());
    expect(validateAppFiles(sources)).toEqual([]);
  });

  it('describes the bot as the brief asks', () => {
    expect(manifest.name).toEqual({ short: 'Convenantbot', full: 'Convenant Huisvesting zorgafhankelijke groepen' });
    expect(manifest.developer.name).toBe('Gemeente Leidschendam-Voorburg');
    for (const url of [
      manifest.developer.websiteUrl,
      manifest.developer.privacyUrl,
      manifest.developer.termsOfUseUrl,
    ]) {
      expect(url).toMatch(/^https:\/\/www\.lv\.nl\//);
    }
    expect(manifest.localizationInfo?.defaultLanguageTag).toBe('nl-nl');
    expect(manifest.localizationInfo?.additionalLanguages).toEqual([{ languageTag: 'en-us', file: 'en-us.json' }]);
    const bot = manifest.bots?.[0];
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot?.supportsFiles).toBe(false);
    expect(bot?.isNotificationOnly).toBe(false);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
  });

  it('has the personal and team/groupChat command lists', () => {
    const lists = manifest.bots![0]!.commandLists!.map((l) => ({
      scopes: l.scopes,
      titles: l.commands.map((c) => c.title),
    }));
    expect(lists).toEqual([
      { scopes: ['personal'], titles: ['aanmelden', 'mijn aanmeldingen', 'wachtrij', 'help'] },
      { scopes: ['team', 'groupChat'], titles: ['status', 'verdeling', 'help'] },
    ]);
    const descriptions = Object.fromEntries(personalCommands(manifest).map((c) => [c.title, c.description]));
    expect(descriptions['aanmelden']).toBe('Nieuwe aanmelding voor een convenantwoning of noodwoning');
    expect(descriptions['mijn aanmeldingen']).toBe('Aanmeldingen van je organisatie en hun stand');
    expect(descriptions['wachtrij']).toBe('Wachtrij van je corporatie, in volgorde van het convenant');
  });

  it('translates every localizable string into English but keeps the Dutch command words', () => {
    const keys = Object.keys(localization).filter((k) => k !== '$schema');
    expect(keys.sort()).toEqual(localizableKeys(manifest).sort());
    expect(keys.some((k) => k.endsWith('.title'))).toBe(false);
  });
});

describe('icons', () => {
  it('color.png is 192x192 and outline.png is 32x32', () => {
    expect(readPngHeader(sources.get('color.png')!)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(sources.get('outline.png')!)).toMatchObject({ width: 32, height: 32 });
  });

  it('outline.png has only white and transparent pixels, and some of each', () => {
    const stats = outlinePixelStats(sources.get('outline.png')!);
    expect(stats.other).toBe(0);
    expect(stats.white).toBeGreaterThan(100);
    expect(stats.transparent).toBeGreaterThan(100);
  });

  it('color.png is opaque and not a single colour', () => {
    const { data } = PNG.sync.read(sources.get('color.png')!);
    const colours = new Set<number>();
    let translucent = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] !== 255) translucent++;
      colours.add(data.readUInt32BE(i));
    }
    expect(translucent).toBe(0);
    expect(colours.size).toBeGreaterThan(2);
  });

  it('the committed PNGs are what scripts/make-icons.ts draws', () => {
    expect(PNG.sync.read(sources.get('color.png')!).data.equals(drawColorIcon().data)).toBe(true);
    expect(PNG.sync.read(sources.get('outline.png')!).data.equals(drawOutlineIcon().data)).toBe(true);
  });
});

describe('packageApp (npm run package)', () => {
  it('writes a zip with exactly the four files, ids from env, and the zipped manifest validates', async () => {
    const outFile = path.join(tmp, 'env', 'appPackage.zip');
    const result = await packageApp({ outFile, env: { TEAMS_APP_ID: APP_ID.toUpperCase(), BOT_ID } });
    expect(result.warnings).toEqual([]);
    const zipped = readZip(await readFile(outFile));
    expect([...zipped.keys()].sort()).toEqual([...PACKAGE_FILES].sort());
    expect(result.files.sort()).toEqual([...PACKAGE_FILES].sort());

    const zippedManifest = JSON.parse(zipped.get('manifest.json')!.toString('utf8')) as TeamsManifest;
    expect(validateAgainstSchema('manifest', zippedManifest)).toEqual([]);
    expect(validateAppFiles(zipped)).toEqual([]);
    expect(zippedManifest.id).toBe(APP_ID);
    expect(zippedManifest.bots?.[0]?.botId).toBe(BOT_ID);
    // Apart from the ids, the zipped manifest is the committed one; the other files are copied byte for byte.
    expect({ ...zippedManifest, id: manifest.id, bots: manifest.bots }).toEqual(manifest);
    for (const name of ['en-us.json', 'color.png', 'outline.png']) {
      expect(zipped.get(name)!.equals(sources.get(name)!)).toBe(true);
    }
  });

  it('falls back to MICROSOFT_APP_ID, keeps committed ids otherwise and warns about the bot id', async () => {
    const fallback = await packageApp({ outFile: path.join(tmp, 'a.zip'), env: { MICROSOFT_APP_ID: BOT_ID } });
    expect(fallback.botId).toBe(BOT_ID);
    expect(fallback.teamsAppId).toBe(manifest.id);

    const bare = await packageApp({ outFile: path.join(tmp, 'b.zip'), env: {} });
    expect(bare.botId).toBe(manifest.bots?.[0]?.botId);
    expect(bare.warnings.join()).toMatch(/BOT_ID/);
    // Deterministic: same inputs, same bytes.
    const again = await packageApp({ outFile: path.join(tmp, 'c.zip'), env: {} });
    expect((await readFile(again.outFile)).equals(await readFile(bare.outFile))).toBe(true);
  });

  it('refuses ids that are not GUIDs', async () => {
    await expect(packageApp({ outFile: path.join(tmp, 'x.zip'), env: { BOT_ID: 'my-bot' } })).rejects.toThrow(
      /BOT_ID must be a GUID/,
    );
    await expect(
      packageApp({ outFile: path.join(tmp, 'x.zip'), env: { TEAMS_APP_ID: '${{TEAMS_APP_ID}}' } }),
    ).rejects.toThrow(/TEAMS_APP_ID must be a GUID/);
  });

  it('refuses to package a broken manifest directory', async () => {
    const dir = path.join(tmp, 'broken');
    const broken = withManifest((m) => {
      m.name.short = 'x'.repeat(100);
    });
    await mkdir(dir, { recursive: true });
    for (const [name, data] of broken) await writeFile(path.join(dir, name), data);
    const outFile = path.join(tmp, 'broken.zip');
    await expect(packageApp({ sourceDir: dir, outFile, env: {} })).rejects.toBeInstanceOf(PackageValidationError);
    expect(existsSync(outFile)).toBe(false);
  });

  it('by default reads manifest/ and writes manifest/build/appPackage.zip', () => {
    expect(MANIFEST_DIR).toBe(path.resolve('manifest') + path.sep);
    expect(DEFAULT_OUT_FILE).toBe(path.resolve('manifest', 'build', 'appPackage.zip'));
  });
});

describe('broken packages are rejected', () => {
  const redPixelOutline = (): Buffer => {
    const png = drawOutlineIcon();
    png.data.set([255, 0, 0, 255], (16 * 32 + 16) * 4);
    return PNG.sync.write(png, { colorType: 6 });
  };
  const opaqueOutline = (): Buffer => {
    const png = new PNG({ width: 32, height: 32 });
    png.data.fill(255);
    return PNG.sync.write(png, { colorType: 6 });
  };

  const cases: [string, () => Map<string, Buffer>, RegExp][] = [
    [
      'bots[0].botId missing',
      () =>
        withManifest((m) => {
          const bot: { botId?: string } = m.bots![0]!;
          delete bot.botId;
        }),
      /\/bots\/0 must have required property 'botId'/,
    ],
    [
      '100-character short name',
      () => withManifest((m) => void (m.name.short = 'x'.repeat(100))),
      /\/name\/short must NOT have more than 30 characters/,
    ],
    ['app id not a GUID', () => withManifest((m) => void (m.id = '${{TEAMS_APP_ID}}')), /\/id must match pattern/],
    ['short description over 80', () => withManifest((m) => void (m.description.short = 'x'.repeat(81))), /80/],
    ['accent colour that is not a hex colour', () => withManifest((m) => void (m.accentColor = 'teal')), /accentColor/],
    [
      '$schema of another version',
      () => withManifest((m) => void (m.$schema = MANIFEST_SCHEMA_URL.replace('1.30', '1.24'))),
      /\$schema must be/,
    ],
    [
      'uppercase command',
      () => withManifest((m) => void (personalCommands(m)[0]!.title = 'Aanmelden')),
      /must be lowercase/,
    ],
    [
      'duplicate command',
      () => withManifest((m) => void (personalCommands(m)[1]!.title = 'aanmelden')),
      /duplicate title "aanmelden"/,
    ],
    [
      'command title over 32',
      () => withManifest((m) => void (personalCommands(m)[0]!.title = 'a'.repeat(33))),
      /title longer than 32/,
    ],
    [
      'command description over 128',
      () => withManifest((m) => void (personalCommands(m)[0]!.description = 'a'.repeat(129))),
      /description longer than 128/,
    ],
    [
      'a scope with two command lists',
      () => withManifest((m) => m.bots![0]!.commandLists![1]!.scopes.push('personal')),
      /scope personal already has a command list/,
    ],
    [
      'outline icon with a red pixel',
      () => new Map(sources).set('outline.png', redPixelOutline()),
      /only have white or transparent pixels.*\(16,16\) rgba\(255,0,0,255\)/,
    ],
    [
      'outline icon without transparency',
      () => new Map(sources).set('outline.png', opaqueOutline()),
      /no transparent background/,
    ],
    [
      'color icon of the wrong size',
      () => new Map(sources).set('color.png', sources.get('outline.png')!),
      /color icon must be 192x192, is 32x32/,
    ],
    [
      'outline icon that is not a PNG',
      () => new Map(sources).set('outline.png', Buffer.from('GIF89a')),
      /outline.png: not a PNG/,
    ],
    ['missing icon file', () => without('color.png'), /color.png is not in the package/],
    ['missing localization file', () => without('en-us.json'), /en-us.json is not in the package/],
    [
      'stray file in the package',
      () => new Map(sources).set('notes.txt', Buffer.from('x')),
      /notes.txt: not referenced/,
    ],
    [
      'localization missing a translation',
      () => withLocalization((l) => delete l['bots[0].commandLists[0].commands[2].description']),
      /missing translation for bots\[0\]\.commandLists\[0\]\.commands\[2\]\.description/,
    ],
    [
      'localization key for a command that does not exist',
      () => withLocalization((l) => void (l['bots[0].commandLists[1].commands[5].description'] = 'Ghost')),
      /commands\[5\]\.description does not match a string in the manifest/,
    ],
    [
      'localization that translates a command word',
      () => withLocalization((l) => void (l['bots[0].commandLists[0].commands[0].title'] = 'register')),
      /must stay "aanmelden"/,
    ],
    [
      'localization with a 100-character short name',
      () => withLocalization((l) => void (l['name.short'] = 'x'.repeat(100))),
      /en-us.json: \/name.short must NOT have more than 30/,
    ],
    [
      'localization with an unknown property',
      () => withLocalization((l) => void (l['tagline'] = 'x')),
      /must NOT have additional properties/,
    ],
    [
      'manifest that is not JSON',
      () => new Map(sources).set('manifest.json', Buffer.from('{ "id": ')),
      /manifest.json: invalid JSON/,
    ],
  ];

  it.each(cases)('%s', (_name, build, expected) => {
    const problems = validateAppFiles(build());
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(expected);
  });

  it('rejects a command the bot does not know when given its command list', () => {
    const known = ['aanmelden', 'mijn aanmeldingen', 'wachtrij', 'status', 'verdeling'];
    expect(validateAppFiles(sources, { knownCommands: known }).join('\n')).toMatch(/the bot has no command "help"/);
    expect(validateAppFiles(sources, { knownCommands: [...known, 'help'] })).toEqual([]);
  });
});
