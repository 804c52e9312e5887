import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, describeConfig, parseConfig, type Env } from '../../bot/config';

const SECRET = 'pa55-w0rd-never-shown';
const MONGO_WITH_PASSWORD = `mongodb://bot:${SECRET}@db.example.org:27017`;
const APP_ID = '11111111-2222-3333-4444-555555555555';

function problemOf(env: Env): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('runs in local mode with defaults when nothing is set', () => {
    expect(parseConfig({})).toEqual({
      port: 3978,
      host: '127.0.0.1',
      localMode: true,
      mongodbDb: 'convenantbot',
      timeZone: 'Europe/Amsterdam',
      retentionDays: 365,
      digest: { kind: 'weekly', isoWeekday: 1, hour: 9, minute: 0 },
      logLevel: 'info',
      seedDemo: false,
    });
  });

  it('listens on all interfaces once credentials are set', () => {
    const config = parseConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      localMode: false,
      credentials: { appId: APP_ID, appPassword: SECRET, appType: 'MultiTenant' },
    });
  });

  it('reads every variable', () => {
    const config = parseConfig({
      PORT: '8080',
      HOST: '10.0.0.5',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: SECRET,
      MICROSOFT_APP_TYPE: 'singletenant',
      MICROSOFT_APP_TENANT_ID: 'tenant',
      MONGODB_URI: 'mongodb+srv://cluster.example.org',
      MONGODB_DB: 'convenant_test',
      COVENANT_TIME_ZONE: 'Europe/Brussels',
      RETENTION_DAYS: '30',
      DIGEST_DAY: 'vrijdag',
      DIGEST_TIME: '16:30',
      PLATFORM_CHANNEL_ID: '19:platform@thread.tacv2',
      LOG_LEVEL: 'DEBUG',
      SEED_DEMO: 'ja',
    });
    expect(config).toEqual({
      port: 8080,
      host: '10.0.0.5',
      localMode: false,
      credentials: { appId: APP_ID, appPassword: SECRET, appType: 'SingleTenant', tenantId: 'tenant' },
      mongodbUri: 'mongodb+srv://cluster.example.org',
      mongodbDb: 'convenant_test',
      timeZone: 'Europe/Brussels',
      retentionDays: 30,
      digest: { kind: 'weekly', isoWeekday: 5, hour: 16, minute: 30 },
      platformChannelId: '19:platform@thread.tacv2',
      logLevel: 'debug',
      seedDemo: true,
    });
  });

  it('takes a cron expression for the digest instead of day and time', () => {
    expect(parseConfig({ DIGEST_CRON: '0  9 * * 1-5' }).digest).toEqual({ kind: 'cron', expression: '0 9 * * 1-5' });
  });

  it('treats blank values as unset', () => {
    expect(parseConfig({ PORT: '', MONGODB_URI: ' ', MICROSOFT_APP_ID: '' })).toMatchObject({
      port: 3978,
      localMode: true,
    });
  });

  it('accepts a user-assigned managed identity without a password', () => {
    const config = parseConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
      MICROSOFT_APP_TENANT_ID: 't',
    });
    expect(config.credentials).toEqual({ appId: APP_ID, appType: 'UserAssignedMSI', tenantId: 't' });
  });

  it('accepts port 0, for tests that want any free port', () => {
    expect(parseConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each<[string, Env, string]>([
    ['PORT', { PORT: 'http' }, 'PORT: must be a whole number from 0 to 65535'],
    ['PORT', { PORT: '70000' }, 'PORT: must be a whole number from 0 to 65535'],
    ['PORT', { PORT: '-1' }, 'PORT: must be a whole number'],
    ['HOST', { HOST: '0.0.0.0' }, 'HOST: must be a loopback address'],
    [
      'MICROSOFT_APP_TYPE',
      { MICROSOFT_APP_TYPE: 'Anonymous' },
      'MICROSOFT_APP_TYPE: must be MultiTenant, SingleTenant or UserAssignedMSI',
    ],
    [
      'MICROSOFT_APP_ID',
      { MICROSOFT_APP_PASSWORD: SECRET },
      'MICROSOFT_APP_ID: is required when MICROSOFT_APP_PASSWORD is set',
    ],
    [
      'MICROSOFT_APP_ID',
      { MICROSOFT_APP_TYPE: 'SingleTenant' },
      'MICROSOFT_APP_ID: is required when MICROSOFT_APP_TYPE is SingleTenant',
    ],
    ['MICROSOFT_APP_PASSWORD', { MICROSOFT_APP_ID: APP_ID }, 'MICROSOFT_APP_PASSWORD: is required for MultiTenant'],
    [
      'MICROSOFT_APP_TENANT_ID',
      { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET, MICROSOFT_APP_TYPE: 'SingleTenant' },
      'MICROSOFT_APP_TENANT_ID: is required for SingleTenant',
    ],
    [
      'MICROSOFT_APP_PASSWORD',
      {
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: SECRET,
        MICROSOFT_APP_TYPE: 'UserAssignedMSI',
        MICROSOFT_APP_TENANT_ID: 't',
      },
      'MICROSOFT_APP_PASSWORD: must not be set for UserAssignedMSI',
    ],
    [
      'MONGODB_URI',
      { MONGODB_URI: `postgres://bot:${SECRET}@db` },
      'MONGODB_URI: must be a URL starting with mongodb://',
    ],
    ['MONGODB_DB', { MONGODB_DB: 'convenant bot' }, 'MONGODB_DB: must be'],
    [
      'COVENANT_TIME_ZONE',
      { COVENANT_TIME_ZONE: 'Europe/Leidschendam' },
      'COVENANT_TIME_ZONE: must be an IANA time zone',
    ],
    ['RETENTION_DAYS', { RETENTION_DAYS: '29' }, 'RETENTION_DAYS: must be a whole number of days, at least 30'],
    ['RETENTION_DAYS', { RETENTION_DAYS: '1.5' }, 'RETENTION_DAYS: must be a whole number of days'],
    ['DIGEST_CRON', { DIGEST_CRON: 'every monday' }, 'DIGEST_CRON: must be a five-field cron expression'],
    [
      'DIGEST_CRON',
      { DIGEST_CRON: '0 9 * * 1', DIGEST_DAY: 'maandag' },
      'DIGEST_CRON: set either DIGEST_CRON or DIGEST_DAY/DIGEST_TIME',
    ],
    ['DIGEST_DAY', { DIGEST_DAY: 'maandagochtend' }, 'DIGEST_DAY: must be a weekday'],
    ['DIGEST_TIME', { DIGEST_TIME: '25:00' }, 'DIGEST_TIME: must be a time of day as HH:MM'],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent'],
    ['SEED_DEMO', { SEED_DEMO: 'misschien' }, 'SEED_DEMO: must be true or false'],
  ])('names %s when it is wrong', (_variable, env, expected) => {
    expect(problemOf(env)).toContain(expected);
  });

  it('names every bad variable in one message', () => {
    const message = problemOf({ PORT: 'x', RETENTION_DAYS: '1', LOG_LEVEL: 'loud' });
    expect(message.split('\n')).toEqual([
      'Configuration error — fix these environment variables:',
      expect.stringContaining('PORT:'),
      expect.stringContaining('RETENTION_DAYS:'),
      expect.stringContaining('LOG_LEVEL:'),
    ]);
  });

  it('never repeats a secret or a database URI in its message', () => {
    const message = problemOf({
      MICROSOFT_APP_PASSWORD: SECRET,
      MONGODB_URI: `mongo://bot:${SECRET}@db`,
      MICROSOFT_APP_TYPE: SECRET,
      COVENANT_TIME_ZONE: SECRET,
    });
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain('mongo://');
  });

  it('describes itself for the start-up log without secrets', () => {
    const config = parseConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: SECRET,
      MONGODB_URI: MONGO_WITH_PASSWORD,
    });
    const described = JSON.stringify(describeConfig(config));
    expect(described).not.toContain(SECRET);
    expect(described).not.toContain('db.example.org');
    expect(described).toContain('"store":"mongodb"');
  });

  it('is documented in .env.example, which parses as it is', () => {
    const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
    const env: Env = {};
    lines.forEach((line, i) => {
      const assignment = /^([A-Z_]+)=(.*)$/.exec(line);
      if (!assignment?.[1]) return;
      env[assignment[1]] = assignment[2];
      expect(lines[i - 1], `${assignment[1]} needs a comment above it`).toMatch(/^#/);
    });
    expect(Object.keys(env).sort()).toEqual([...CONFIG_VARIABLES].sort());
    expect(() => parseConfig(env)).not.toThrow();
  });
});
