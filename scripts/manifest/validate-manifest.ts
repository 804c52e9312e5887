/**
 * Offline validation of the Teams app package (manifest/): Microsoft's JSON schema plus the checks the schema
 * cannot make (icon sizes, white-on-transparent outline icon, command titles, localization keys).
 *
 * Offline: the schemas are the ones @microsoft/app-manifest ships under build/json-schemas/teams/v1.xx/. We load
 * them from disk and compile them with the same validator that package uses (ajv-draft-04 + ajv-formats, its own
 * dependencies). We deliberately do not call ManifestUtil.validateManifest (always fetches the schema over HTTP)
 * nor AppManifestUtils.validateAgainstSchema: it reads bundled schemas, but falls back to fetch() for an unknown
 * $schema URL, and it compiles with ajv's default unicode regexps, under which Microsoft's v1.30 Localization
 * schema does not compile at all (`...\b]\.description$` is a "lone quantifier bracket" with the u flag).
 * Hence `unicodeRegExp: false` below; both schemas are draft-04.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';

export type TeamsManifest = TeamsManifestV1D30.TeamsManifestV1D30;

/** Newest stable manifest version @microsoft/app-manifest ships a schema for (vDevPreview excluded). */
export const MANIFEST_VERSION = '1.30';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;

/** The committed app package sources. */
export const MANIFEST_DIR = fileURLToPath(new URL('../../manifest/', import.meta.url));
export const MANIFEST_FILE = 'manifest.json';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
/** Teams' documented limits for bot commands; the schema allows 128/4000. */
export const MAX_COMMAND_TITLE = 32;
export const MAX_COMMAND_DESCRIPTION = 128;

/** The files of an app package, by name at the zip root. */
export type AppFiles = ReadonlyMap<string, Buffer>;

export interface ValidateOptions {
  /**
   * Command titles the bot understands. When given, every command in the manifest must be one of them.
   * (Until the bot exports its list, titles are only checked for being unique, lowercase and short.)
   */
  knownCommands?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Schema validation

interface AjvError {
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}
interface AjvValidate {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
interface AjvInstance {
  compile(schema: object): AjvValidate;
}
type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance;
type AddFormats = (ajv: AjvInstance, formats: string[]) => AjvInstance;

const appManifestPackageJson = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
/** Resolves modules the way @microsoft/app-manifest itself does, so we get its ajv 8 (the hoisted ajv is v6). */
const requireFromAppManifest = createRequire(appManifestPackageJson);

function defaultExport<T>(mod: unknown): T {
  const m = mod as { default?: T };
  return m.default ?? (mod as T);
}

export type SchemaKind = 'manifest' | 'localization';

const SCHEMA_FILES: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

/** Path of the schema file shipped by @microsoft/app-manifest. */
export function schemaPath(kind: SchemaKind, version: string = MANIFEST_VERSION): string {
  return path.join(
    path.dirname(appManifestPackageJson),
    'build',
    'json-schemas',
    'teams',
    `v${version}`,
    SCHEMA_FILES[kind],
  );
}

const validators = new Map<SchemaKind, AjvValidate>();

function validatorFor(kind: SchemaKind): AjvValidate {
  const cached = validators.get(kind);
  if (cached) return cached;
  // Same clean-up @microsoft/app-manifest applies: \a and \v are not valid JSON-in-regex escapes for every engine.
  const text = readFileSync(schemaPath(kind), 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(text) as { $schema?: string };
  if (!schema.$schema?.includes('draft-04')) {
    throw new Error(`${schemaPath(kind)}: expected a draft-04 schema, got ${schema.$schema ?? 'none'}`);
  }
  const Ajv = defaultExport<AjvConstructor>(requireFromAppManifest('ajv-draft-04'));
  const addFormats = defaultExport<AddFormats>(requireFromAppManifest('ajv-formats'));
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  validators.set(kind, validate);
  return validate;
}

/** Validates an object against Microsoft's schema. Returns readable errors; empty when valid. */
export function validateAgainstSchema(kind: SchemaKind, data: unknown): string[] {
  const validate = validatorFor(kind);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) =>
    `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${e.params ? JSON.stringify(e.params) : ''}`.trim(),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// PNG checks

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads width/height from the IHDR chunk. Throws when the buffer is not a PNG. */
export function readPngHeader(png: Buffer): PngHeader {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24]!, colorType: png[25]! };
}

export interface OutlineStats {
  white: number;
  transparent: number;
  other: number;
  /** First offending pixel, for the error message. */
  firstOther?: { x: number; y: number; rgba: [number, number, number, number] };
}

/** Counts pixels of a decoded PNG: white (any alpha > 0), fully transparent, or anything else. */
export function outlinePixelStats(png: Buffer): OutlineStats {
  const { width, height, data } = PNG.sync.read(png);
  const stats: OutlineStats = { white: 0, transparent: 0, other: 0 };
  for (let i = 0; i < width * height; i++) {
    const r = data[i * 4]!;
    const g = data[i * 4 + 1]!;
    const b = data[i * 4 + 2]!;
    const a = data[i * 4 + 3]!;
    if (a === 0) stats.transparent++;
    else if (r === 255 && g === 255 && b === 255) stats.white++;
    else {
      stats.other++;
      stats.firstOther ??= { x: i % width, y: Math.floor(i / width), rgba: [r, g, b, a] };
    }
  }
  return stats;
}

function checkIcon(files: AppFiles, name: string | undefined, size: number, role: string): string[] {
  if (!name) return [`icons.${role} is missing`];
  const png = files.get(name);
  if (!png) return [`icons.${role}: file ${name} is not in the package`];
  let header: PngHeader;
  try {
    header = readPngHeader(png);
    PNG.sync.read(png); // decodes fully: catches truncated or corrupt files, not just a bad header
  } catch (e) {
    return [`${name}: ${(e as Error).message}`];
  }
  const errors: string[] = [];
  if (header.width !== size || header.height !== size) {
    errors.push(`${name}: ${role} icon must be ${size}x${size}, is ${header.width}x${header.height}`);
  }
  if (role === 'outline') {
    const stats = outlinePixelStats(png);
    if (stats.other > 0 && stats.firstOther) {
      const { x, y, rgba } = stats.firstOther;
      errors.push(
        `${name}: outline icon may only have white or transparent pixels; ${stats.other} are not, e.g. (${x},${y}) rgba(${rgba.join(',')})`,
      );
    }
    if (stats.white === 0) errors.push(`${name}: outline icon has no white pixels`);
    if (stats.transparent === 0) errors.push(`${name}: outline icon has no transparent background`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------------
// Commands

function checkCommands(manifest: TeamsManifest, options: ValidateOptions): string[] {
  const errors: string[] = [];
  const bots = manifest.bots ?? [];
  bots.forEach((bot, b) => {
    const scopesSeen = new Set<string>();
    (bot.commandLists ?? []).forEach((list, l) => {
      const where = `bots[${b}].commandLists[${l}]`;
      for (const scope of list.scopes) {
        if (!bot.scopes.includes(scope)) errors.push(`${where}: scope ${scope} is not one of the bot's scopes`);
        if (scopesSeen.has(scope)) errors.push(`${where}: scope ${scope} already has a command list`);
        scopesSeen.add(scope);
      }
      const titles = new Set<string>();
      list.commands.forEach((command, c) => {
        const at = `${where}.commands[${c}]`;
        const { title, description } = command;
        if (title !== title.toLowerCase()) errors.push(`${at}: title "${title}" must be lowercase`);
        if (title !== title.trim() || title.length === 0 || /\s{2}/.test(title)) {
          errors.push(`${at}: title "${title}" must be non-empty without stray spaces`);
        }
        if (title.length > MAX_COMMAND_TITLE) errors.push(`${at}: title longer than ${MAX_COMMAND_TITLE} characters`);
        if (titles.has(title)) errors.push(`${at}: duplicate title "${title}"`);
        titles.add(title);
        if (!description) errors.push(`${at}: description is missing`);
        else if (description.length > MAX_COMMAND_DESCRIPTION) {
          errors.push(`${at}: description longer than ${MAX_COMMAND_DESCRIPTION} characters`);
        }
        if (options.knownCommands && !options.knownCommands.includes(title)) {
          errors.push(`${at}: the bot has no command "${title}"`);
        }
      });
    });
  });
  return errors;
}

// ---------------------------------------------------------------------------------------------------------------
// Localization

/** Resolves a localization key such as `bots[0].commandLists[1].commands[2].description` in the manifest. */
export function resolveManifestPath(manifest: unknown, key: string): unknown {
  const segments = key.match(/[^.[\]]+/g) ?? [];
  let node: unknown = manifest;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    const record = node as Record<string, unknown>;
    if (!Object.hasOwn(record, segment)) return undefined;
    node = record[segment];
  }
  return node;
}

/** The manifest strings a localization file must translate. */
export function localizableKeys(manifest: TeamsManifest): string[] {
  const keys = ['name.short'];
  if (manifest.name.full) keys.push('name.full');
  keys.push('description.short', 'description.full');
  manifest.bots?.forEach((bot, b) =>
    bot.commandLists?.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        if (command.description) keys.push(`bots[${b}].commandLists[${l}].commands[${c}].description`);
      }),
    ),
  );
  return keys;
}

/** Command titles are what the user types and the bot parses: a localization may repeat them but not change them. */
const COMMAND_TITLE_KEY = /^bots\[\d+\]\.commandLists\[\d+\]\.commands\[\d+\]\.title$/;

function checkLocalizationKeys(manifest: TeamsManifest, file: string, localization: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const required = localizableKeys(manifest);
  const present = Object.keys(localization).filter((k) => k !== '$schema' && k !== 'localizationKeys');
  for (const key of required) {
    if (!present.includes(key)) errors.push(`${file}: missing translation for ${key}`);
  }
  for (const key of present) {
    const original = resolveManifestPath(manifest, key);
    if (typeof original !== 'string') {
      errors.push(`${file}: key ${key} does not match a string in the manifest`);
    } else if (COMMAND_TITLE_KEY.test(key)) {
      if (localization[key] !== original) {
        errors.push(`${file}: ${key} must stay "${original}" (the bot parses the Dutch command)`);
      }
    } else if (!required.includes(key)) {
      errors.push(`${file}: key ${key} is not a localizable manifest string`);
    }
  }
  if (localization.$schema !== LOCALIZATION_SCHEMA_URL)
    errors.push(`${file}: $schema must be ${LOCALIZATION_SCHEMA_URL}`);
  return errors;
}

function parseJson(files: AppFiles, name: string): { value?: unknown; error?: string } {
  const buf = files.get(name);
  if (!buf) return { error: `${name} is not in the package` };
  try {
    return { value: JSON.parse(buf.toString('utf8')) as unknown };
  } catch (e) {
    return { error: `${name}: invalid JSON: ${(e as Error).message}` };
  }
}

function checkLocalizations(manifest: TeamsManifest, files: AppFiles): string[] {
  const errors: string[] = [];
  const info = manifest.localizationInfo;
  if (!info) return errors;
  const languages = info.additionalLanguages ?? [];
  const tags = new Set<string>([info.defaultLanguageTag.toLowerCase()]);
  const localizationFiles = [
    ...(info.defaultLanguageFile ? [info.defaultLanguageFile] : []),
    ...languages.map((language) => {
      const tag = language.languageTag.toLowerCase();
      if (tags.has(tag)) errors.push(`localizationInfo: language ${language.languageTag} is listed twice`);
      tags.add(tag);
      return language.file;
    }),
  ];
  for (const file of localizationFiles) {
    const { value, error } = parseJson(files, file);
    if (error) {
      errors.push(error);
      continue;
    }
    errors.push(...validateAgainstSchema('localization', value).map((e) => `${file}: ${e}`));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      errors.push(...checkLocalizationKeys(manifest, file, value as Record<string, unknown>));
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------------
// The whole package

/** Files that belong in the package according to the manifest: itself, its icons and its localization files. */
export function packageFileNames(manifest: TeamsManifest): string[] {
  const names = [MANIFEST_FILE, manifest.icons.color, manifest.icons.outline];
  const info = manifest.localizationInfo;
  if (info?.defaultLanguageFile) names.push(info.defaultLanguageFile);
  for (const language of info?.additionalLanguages ?? []) names.push(language.file);
  return [...new Set(names)];
}

/**
 * Validates a complete app package given as files by name: schema, icons, commands and localizations.
 * Returns all problems found; an empty array means the package is good.
 */
export function validateAppFiles(files: AppFiles, options: ValidateOptions = {}): string[] {
  const { value, error } = parseJson(files, MANIFEST_FILE);
  if (error) return [error];
  const schemaErrors = validateAgainstSchema('manifest', value).map((e) => `${MANIFEST_FILE}: ${e}`);
  // The remaining checks read the manifest's structure, so they need a schema-valid manifest.
  if (schemaErrors.length > 0) return schemaErrors;
  const manifest = value as TeamsManifest;
  const errors: string[] = [];
  if (manifest.$schema !== MANIFEST_SCHEMA_URL) errors.push(`${MANIFEST_FILE}: $schema must be ${MANIFEST_SCHEMA_URL}`);
  errors.push(...checkIcon(files, manifest.icons.color, COLOR_ICON_SIZE, 'color'));
  errors.push(...checkIcon(files, manifest.icons.outline, OUTLINE_ICON_SIZE, 'outline'));
  errors.push(...checkCommands(manifest, options).map((e) => `${MANIFEST_FILE}: ${e}`));
  errors.push(...checkLocalizations(manifest, files));
  const expected = packageFileNames(manifest);
  for (const name of files.keys()) {
    if (!expected.includes(name)) errors.push(`${name}: not referenced by the manifest`);
  }
  return errors;
}

/** Reads the package sources from a directory (default manifest/): manifest.json plus the files it references. */
export async function readAppFiles(dir: string = MANIFEST_DIR): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const manifestBuf = await readFile(path.join(dir, MANIFEST_FILE));
  files.set(MANIFEST_FILE, manifestBuf);
  let manifest: TeamsManifest;
  try {
    manifest = JSON.parse(manifestBuf.toString('utf8')) as TeamsManifest;
  } catch {
    return files; // validateAppFiles reports the JSON error
  }
  const names = manifest.icons ? packageFileNames(manifest) : [];
  for (const name of names) {
    if (name === MANIFEST_FILE || typeof name !== 'string' || path.basename(name) !== name) continue;
    try {
      files.set(name, await readFile(path.join(dir, name)));
    } catch {
      // missing file: validateAppFiles reports it
    }
  }
  return files;
}
