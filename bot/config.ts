/**
 * The bot's configuration, read once from environment variables at start-up.
 * A wrong or missing value stops start-up with one message that names every bad variable and
 * never repeats a value: passwords and MongoDB URIs (which may carry credentials) must not end
 * up in logs. `.env.example` documents each variable.
 */
import { z } from 'zod';

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface BotCredentials {
  appId: string;
  /** Absent for a user-assigned managed identity. */
  appPassword?: string;
  appType: AppType;
  tenantId?: string;
}

/** When the weekly platform digest goes out (art. 3, 11), in the covenant's time zone. */
export type DigestSchedule =
  { kind: 'weekly'; isoWeekday: number; hour: number; minute: number } | { kind: 'cron'; expression: string };

export interface BotConfig {
  /** 0 asks the operating system for a free port (tests, dev script). */
  port: number;
  host: string;
  /** No Bot Framework credentials: requests are not authenticated, so the bot listens on loopback only. */
  localMode: boolean;
  credentials?: BotCredentials;
  mongodbUri?: string;
  mongodbDb: string;
  timeZone: string;
  retentionDays: number;
  digest: DigestSchedule;
  platformChannelId?: string;
  logLevel: LogLevel;
  seedDemo: boolean;
  /** When set, GET /metrics answers only to `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Configuration error — fix these environment variables:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

// Blank values count as unset: `FOO=` in a .env file means "not configured".
const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().optional(),
);

const APP_TYPES: Record<string, AppType> = {
  multitenant: 'MultiTenant',
  singletenant: 'SingleTenant',
  userassignedmsi: 'UserAssignedMSI',
};

const WEEKDAYS: Record<string, number> = {
  ...Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, Number(d)])),
  ...dayNames(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag']),
  ...dayNames(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
};

function dayNames(names: string[]): Record<string, number> {
  return Object.fromEntries(names.map((name, i) => [name, i + 1]));
}

const TRUE = ['true', '1', 'yes', 'ja', 'on'];
const FALSE = ['false', '0', 'no', 'nee', 'off'];
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;
// Five fields of digits, lists, ranges, steps and '*'; the scheduler checks the ranges.
const CRON = /^\s*([\d*,\-/]+\s+){4}[\d*,\-/A-Za-z]+\s*$/;
// What fits an HTTP bearer token unquoted, and long enough not to be guessed.
const METRICS_TOKEN = /^[\x21-\x7e]{16,256}$/;

const rawSchema = z.object({
  PORT: optionalText,
  HOST: optionalText,
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TYPE: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MONGODB_URI: optionalText,
  MONGODB_DB: optionalText,
  COVENANT_TIME_ZONE: optionalText,
  RETENTION_DAYS: optionalText,
  DIGEST_CRON: optionalText,
  DIGEST_DAY: optionalText,
  DIGEST_TIME: optionalText,
  PLATFORM_CHANNEL_ID: optionalText,
  LOG_LEVEL: optionalText,
  SEED_DEMO: optionalText,
  METRICS_TOKEN: optionalText,
});

/** Every variable the bot reads; .env.example documents each. */
export const CONFIG_VARIABLES = Object.keys(rawSchema.shape) as (keyof typeof rawSchema.shape)[];

/** Pure: reads the variables it knows from `env` and ignores the rest. Throws ConfigError. */
export function parseConfig(env: Env): BotConfig {
  const raw = rawSchema.parse(env);
  const problems: { variable: string; message: string }[] = [];
  const problem = (variable: string, message: string) => problems.push({ variable, message });

  const port = wholeNumber(raw.PORT ?? '3978');
  if (port === undefined || port > 65535) problem('PORT', 'must be a whole number from 0 to 65535 (0 = any free port)');

  const credentials = readCredentials(raw, problem);
  const localMode = credentials === undefined;
  const host = raw.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0');
  if (localMode && !LOOPBACK.test(host)) {
    problem('HOST', 'must be a loopback address (127.0.0.1, ::1, localhost) when MICROSOFT_APP_ID is not set');
  }

  if (raw.MONGODB_URI !== undefined && !/^mongodb(\+srv)?:\/\/\S+$/.test(raw.MONGODB_URI)) {
    problem('MONGODB_URI', 'must be a URL starting with mongodb:// or mongodb+srv://');
  }
  const mongodbDb = raw.MONGODB_DB ?? 'convenantbot';
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(mongodbDb)) {
    problem('MONGODB_DB', 'must be 1–63 letters, digits, "_" or "-"');
  }

  const timeZone = raw.COVENANT_TIME_ZONE ?? 'Europe/Amsterdam';
  if (!isTimeZone(timeZone)) problem('COVENANT_TIME_ZONE', 'must be an IANA time zone such as Europe/Amsterdam');

  const retentionDays = wholeNumber(raw.RETENTION_DAYS ?? '365');
  if (retentionDays === undefined || retentionDays < 30) {
    problem('RETENTION_DAYS', 'must be a whole number of days, at least 30');
  }

  const digest = readDigest(raw, problem);

  const logLevel = (raw.LOG_LEVEL ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    problem('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  const seedDemo = readBoolean(raw.SEED_DEMO ?? 'false');
  if (seedDemo === undefined) problem('SEED_DEMO', 'must be true or false');

  if (raw.METRICS_TOKEN !== undefined && !METRICS_TOKEN.test(raw.METRICS_TOKEN)) {
    problem(
      'METRICS_TOKEN',
      'must be at least 16 visible ASCII characters without spaces, e.g. from `openssl rand -hex 32`',
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: port!,
    host,
    localMode,
    ...(credentials && { credentials }),
    ...(raw.MONGODB_URI && { mongodbUri: raw.MONGODB_URI }),
    mongodbDb,
    timeZone,
    retentionDays: retentionDays!,
    digest: digest!,
    ...(raw.PLATFORM_CHANNEL_ID && { platformChannelId: raw.PLATFORM_CHANNEL_ID }),
    logLevel: logLevel as LogLevel,
    seedDemo: seedDemo!,
    ...(raw.METRICS_TOKEN && { metricsToken: raw.METRICS_TOKEN }),
  };
}

type Raw = z.infer<typeof rawSchema>;
type Problem = (variable: string, message: string) => void;

function readCredentials(raw: Raw, problem: Problem): BotCredentials | undefined {
  const { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: appPassword, MICROSOFT_APP_TENANT_ID: tenantId } = raw;
  const appType = APP_TYPES[(raw.MICROSOFT_APP_TYPE ?? 'MultiTenant').toLowerCase()];
  if (appType === undefined) {
    problem('MICROSOFT_APP_TYPE', 'must be MultiTenant, SingleTenant or UserAssignedMSI');
    return undefined;
  }
  if (appId === undefined) {
    // A secret without an id would silently run unauthenticated: refuse rather than guess.
    if (appPassword !== undefined) problem('MICROSOFT_APP_ID', 'is required when MICROSOFT_APP_PASSWORD is set');
    if (raw.MICROSOFT_APP_TYPE !== undefined && appType !== 'MultiTenant') {
      problem('MICROSOFT_APP_ID', `is required when MICROSOFT_APP_TYPE is ${appType}`);
    }
    return undefined;
  }
  if (appType === 'UserAssignedMSI') {
    if (appPassword !== undefined) problem('MICROSOFT_APP_PASSWORD', 'must not be set for UserAssignedMSI');
  } else if (appPassword === undefined) {
    problem('MICROSOFT_APP_PASSWORD', `is required for ${appType} when MICROSOFT_APP_ID is set`);
  }
  if (appType !== 'MultiTenant' && tenantId === undefined) {
    problem('MICROSOFT_APP_TENANT_ID', `is required for ${appType}`);
  }
  return {
    appId,
    appType,
    ...(appPassword !== undefined && appType !== 'UserAssignedMSI' && { appPassword }),
    ...(tenantId !== undefined && { tenantId }),
  };
}

function readDigest(raw: Raw, problem: Problem): DigestSchedule | undefined {
  if (raw.DIGEST_CRON !== undefined) {
    if (raw.DIGEST_DAY !== undefined || raw.DIGEST_TIME !== undefined) {
      problem('DIGEST_CRON', 'set either DIGEST_CRON or DIGEST_DAY/DIGEST_TIME, not both');
      return undefined;
    }
    if (!CRON.test(raw.DIGEST_CRON)) {
      problem('DIGEST_CRON', 'must be a five-field cron expression such as "0 9 * * 1"');
      return undefined;
    }
    return { kind: 'cron', expression: raw.DIGEST_CRON.trim().replace(/\s+/g, ' ') };
  }
  const isoWeekday = WEEKDAYS[(raw.DIGEST_DAY ?? 'maandag').trim().toLowerCase()];
  if (isoWeekday === undefined) problem('DIGEST_DAY', 'must be a weekday (maandag … zondag, monday … sunday, or 1–7)');
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec((raw.DIGEST_TIME ?? '09:00').trim());
  if (!time) problem('DIGEST_TIME', 'must be a time of day as HH:MM, e.g. 09:00');
  if (isoWeekday === undefined || !time) return undefined;
  return { kind: 'weekly', isoWeekday, hour: Number(time[1]), minute: Number(time[2]) };
}

function wholeNumber(text: string): number | undefined {
  return /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : undefined;
}

function readBoolean(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  return undefined;
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** What is safe to log about the configuration: no secrets, no URI. */
export function describeConfig(config: BotConfig): Record<string, unknown> {
  return {
    port: config.port,
    host: config.host,
    localMode: config.localMode,
    appType: config.credentials?.appType,
    store: config.mongodbUri ? 'mongodb' : 'memory',
    mongodbDb: config.mongodbUri ? config.mongodbDb : undefined,
    timeZone: config.timeZone,
    retentionDays: config.retentionDays,
    digest: config.digest,
    platformChannelConfigured: config.platformChannelId !== undefined,
    seedDemo: config.seedDemo,
    metricsProtected: config.metricsToken !== undefined,
  };
}
