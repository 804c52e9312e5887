/**
 * GET /metrics on the running bot, over real HTTP: after a few turns and a delivery through a fake
 * Teams connector (one 429, then success), the counters have moved, the text parses as the
 * Prometheus exposition format 0.0.4 (test/bot/metrics-text.ts reads it strictly), and no name,
 * e-mail address, Entra id, conversation id or free text appears in it. METRICS_TOKEN guards it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Activity } from 'botbuilder';
import type { RunningBot } from '../../bot/main';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import type { Store } from '../../src/storage/ports';
import { KNOWN_NOW } from '../src/digest/known-data-set';
import { botFrameworkAuthSettings, generateSigningKey, startTokenIssuer } from '../support/bot-framework-auth';
import { DEMO, postActivity, startTestBot, teamsActivity } from '../support/teams-bot';
import { startFakeTeamsConnector, type FakeTeamsConnector } from '../support/teams-connector';
import { parseExposition, sumOf, valueOf, type Exposition } from './metrics-text';

const PLATFORM = '19:platform-metrics@thread.tacv2';
const COORDINATOR = DEMO['platform-coordinator'];
const COUNSELLOR = DEMO['counsellor-parnassia'];
const STRANGER = '99999999-8888-4777-8666-555555555555';
const TOKEN = 'metrics-test-token-0123456789abcdef';

async function scrape(bot: { url: string }, headers: Record<string, string> = {}): Promise<Exposition> {
  const response = await fetch(`${bot.url}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(await response.text());
}

async function scrapeText(bot: { url: string }, headers: Record<string, string> = {}): Promise<string> {
  return (await fetch(`${bot.url}/metrics`, { headers })).text();
}

async function until(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function inChannel(aadObjectId: string, fields: Partial<Activity>): Partial<Activity> {
  return teamsActivity(aadObjectId, {
    conversation: { id: `${PLATFORM};messageid=1`, conversationType: 'channel', isGroup: true, name: '' },
    channelData: { channel: { id: PLATFORM } },
    ...fields,
  });
}

describe('/metrics after turns and a delivery', () => {
  let store: Store;
  let teams: FakeTeamsConnector;
  let bot: RunningBot;
  let now = KNOWN_NOW.getTime();
  let before: Exposition;
  let after: Exposition;
  let text: string;

  beforeAll(async () => {
    store = createMemoryStore();
    teams = await startFakeTeamsConnector();
    bot = await startTestBot(
      { PLATFORM_CHANNEL_ID: PLATFORM, METRICS_TOKEN: TOKEN },
      { store, clock: () => new Date(now), outbox: { poll: false }, retentionScheduler: false },
    );
    const auth = { authorization: `Bearer ${TOKEN}` };
    // The digest scheduler's first tick enqueues this week's digest (Monday 09:00 has passed).
    await until(async () => (await store.outbox.countByStatus()).pending === 1);
    before = await scrape(bot, auth);

    const help = (aad: string) => postActivity(bot, teamsActivity(aad, { text: 'help', serviceUrl: teams.url }));
    expect((await help(COUNSELLOR)).status).toBe(200);
    expect((await help(COUNSELLOR)).status).toBe(200);
    expect((await help(STRANGER)).status).toBe(200);
    // The bot is added to the platform channel: its reference is stored, so the digest can go there.
    await postActivity(bot, {
      ...inChannel(COORDINATOR, { type: 'conversationUpdate', text: undefined, serviceUrl: teams.url }),
      membersAdded: [{ id: '28:convenantbot', name: 'Convenantbot' }],
    });

    teams.failNext(PLATFORM, { status: 429, headers: { 'retry-after': '1' } });
    expect(await bot.outbox.drainOnce()).toMatchObject({ retried: 1 });
    now += 15 * 60_000;
    expect(await bot.outbox.drainOnce()).toMatchObject({ sent: 1 });
    expect(teams.delivered()).toHaveLength(1);

    text = await scrapeText(bot, auth);
    after = parseExposition(text);
  });

  afterAll(async () => {
    await bot?.stop();
    await store?.close();
    await teams?.close();
  });

  it('parses as the text format, with HELP and TYPE for every family', () => {
    for (const exposition of [before, after]) {
      for (const family of new Set(exposition.series.map((s) => s.family))) {
        expect(exposition.types.get(family), family).toBeDefined();
        expect(exposition.help.get(family), family).toBeTruthy();
      }
    }
    expect(after.types.get('convenantbot_turn_duration_seconds')).toBe('histogram');
    expect(after.types.get('convenantbot_delivery_failures_total')).toBe('counter');
    expect(after.types.get('convenantbot_outbox_messages')).toBe('gauge');
  });

  it('counts the turns by activity kind and outcome, with their latency', () => {
    const messages = (e: Exposition) => sumOf(e, 'convenantbot_turn_duration_seconds_count', { activity: 'message' });
    expect(messages(before)).toBe(0);
    expect(messages(after)).toBe(3);
    expect(sumOf(after, 'convenantbot_turn_duration_seconds_count', { activity: 'conversationUpdate' })).toBe(1);
    expect(sumOf(after, 'convenantbot_turn_duration_seconds_sum', { activity: 'message' })).toBeGreaterThan(0);
    const outcomes = new Set(
      after.series.filter((s) => s.name === 'convenantbot_turn_duration_seconds_count').map((s) => s.labels.outcome),
    );
    expect([...outcomes].every((o) => ['handled', 'unhandled', 'error', 'refused'].includes(o!))).toBe(true);
    expect(sumOf(after, 'convenantbot_turn_duration_seconds_count', { outcome: 'error' })).toBe(0);
    // The scrape itself is no turn, and nothing is running now.
    expect(valueOf(after, 'convenantbot_turns_in_flight')).toBe(0);
  });

  it('counts delivery attempts and the 429 by status class and reason', () => {
    expect(valueOf(before, 'convenantbot_delivery_attempts_total', { operation: 'post' })).toBe(0);
    expect(valueOf(after, 'convenantbot_delivery_attempts_total', { operation: 'post' })).toBe(2);
    expect(
      valueOf(after, 'convenantbot_delivery_failures_total', {
        operation: 'post',
        status_class: '4xx',
        reason: 'throttled',
      }),
    ).toBe(1);
    expect(sumOf(after, 'convenantbot_delivery_failures_total')).toBe(1);
    expect(valueOf(after, 'convenantbot_delivery_duration_seconds_count', { operation: 'post' })).toBe(2);
  });

  it('reads the outbox depth by status from the store at scrape time', () => {
    expect(valueOf(before, 'convenantbot_outbox_messages', { status: 'pending' })).toBe(1);
    expect(valueOf(before, 'convenantbot_outbox_messages', { status: 'sent' })).toBe(0);
    expect(valueOf(after, 'convenantbot_outbox_messages', { status: 'pending' })).toBe(0);
    expect(valueOf(after, 'convenantbot_outbox_messages', { status: 'sent' })).toBe(1);
    for (const status of ['sending', 'failed', 'unreachable']) {
      expect(valueOf(after, 'convenantbot_outbox_messages', { status }), status).toBe(0);
    }
    expect(valueOf(after, 'convenantbot_store_up')).toBe(1);
    expect(sumOf(after, 'convenantbot_contacts_unreachable')).toBe(0);
  });

  it('reports the process basics', () => {
    expect(valueOf(after, 'convenantbot_uptime_seconds')).toBeGreaterThan(0);
    expect(valueOf(after, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(valueOf(after, 'process_start_time_seconds')).toBeGreaterThan(1.7e9);
    expect(valueOf(after, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(after, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(valueOf(after, 'convenantbot_build_info', { node: process.version })).toBe(1);
  });

  it('shows no name, e-mail, Entra id, conversation id or text', async () => {
    const parties = await store.parties.list();
    const forbidden = [
      ...Object.values(DEMO),
      STRANGER,
      PLATFORM,
      'Test Gebruiker',
      'help',
      teams.url,
      ...parties.flatMap((p) => [p.name, ...p.contacts.flatMap((c) => [c.name, c.email, c.id])]),
    ];
    for (const value of forbidden) expect(text, value).not.toContain(value);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i);
    expect(text).not.toMatch(/@/);
    // Every label value is a short token from a fixed vocabulary.
    for (const s of after.series) {
      for (const [name, value] of Object.entries(s.labels)) {
        if (name === 'node' || name === 'version') continue;
        expect(value, `${s.name} ${name}`).toMatch(/^[A-Za-z0-9_.+:-]{1,24}$/);
      }
    }
  });
});

describe('/metrics access', () => {
  const running: RunningBot[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((b) => b.stop()));
  });

  async function start(env: Record<string, string>, store?: Store): Promise<RunningBot> {
    const bot = await startTestBot(env, {
      outbox: { poll: false },
      retentionScheduler: false,
      ...(store && { store }),
    });
    running.push(bot);
    return bot;
  }

  it('with METRICS_TOKEN, answers 401 without the bearer token or with a wrong one', async () => {
    const bot = await start({ METRICS_TOKEN: TOKEN });
    const status = async (headers: Record<string, string>) => (await fetch(`${bot.url}/metrics`, { headers })).status;
    expect(await status({})).toBe(401);
    expect(await status({ authorization: `Bearer ${TOKEN}x` })).toBe(401);
    expect(await status({ authorization: `Bearer ${TOKEN.slice(0, -1)}` })).toBe(401);
    expect(await status({ authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` })).toBe(401);
    expect(await status({ authorization: TOKEN })).toBe(401);
    expect(await status({ authorization: `Bearer ${TOKEN}` })).toBe(200);
    expect(await status({ authorization: `bearer ${TOKEN}` })).toBe(200);
    const refused = await fetch(`${bot.url}/metrics`);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await refused.text()).not.toContain('convenantbot_');
  });

  it('without METRICS_TOKEN, is open (loopback in local mode)', async () => {
    const bot = await start({});
    expect((await fetch(`${bot.url}/metrics`)).status).toBe(200);
  });

  it('counts requests refused for want of a token once credentials are configured', async () => {
    const bot = await start({
      MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
      MICROSOFT_APP_PASSWORD: 'x',
      HOST: '127.0.0.1',
    });
    expect((await postActivity(bot, teamsActivity(COUNSELLOR, { text: 'help' }))).status).toBe(401);
    const exposition = await scrape(bot);
    expect(valueOf(exposition, 'convenantbot_requests_refused_total', { reason: 'no_token' })).toBe(1);
    expect(sumOf(exposition, 'convenantbot_turn_duration_seconds_count')).toBe(0);
  });

  it('counts a forged token as refused (invalid_token), and a valid one as a handled turn', async () => {
    const APP_ID = '0a1b2c3d-0000-4000-8000-00000000b07a';
    const teamsKey = generateSigningKey('teams-key', ['msteams']);
    const channel = await startTokenIssuer([teamsKey]);
    const entra = await startTokenIssuer([generateSigningKey('entra-key')], 'https://login.microsoftonline.com/x/v2.0');
    // botbuilder prints a stack trace for a refused token.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const bot = await startTestBot(
        { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-secret', HOST: '127.0.0.1' },
        { outbox: { poll: false }, retentionScheduler: false, auth: botFrameworkAuthSettings(channel, entra) },
      );
      running.push(bot);
      const serviceUrl = 'http://127.0.0.1:9/';
      const send = (token: string) =>
        fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(teamsActivity(COUNSELLOR, { text: 'help', serviceUrl })),
        });
      const rogue = generateSigningKey(teamsKey.kid, ['msteams']);
      expect((await send(channel.token({ appId: APP_ID, serviceUrl }, {}, { signWith: rogue }))).status).toBe(401);
      expect((await send(channel.token({ appId: APP_ID, serviceUrl }))).status).toBe(200);

      const exposition = await scrape(bot);
      expect(valueOf(exposition, 'convenantbot_requests_refused_total', { reason: 'invalid_token' })).toBe(1);
      expect(valueOf(exposition, 'convenantbot_requests_refused_total', { reason: 'no_token' })).toBe(0);
      expect(
        valueOf(exposition, 'convenantbot_turn_duration_seconds_count', { activity: 'message', outcome: 'refused' }),
      ).toBe(1);
      expect(
        valueOf(exposition, 'convenantbot_turn_duration_seconds_count', { activity: 'message', outcome: 'handled' }),
      ).toBe(1);
    } finally {
      quiet.mockRestore();
      await Promise.all([channel.close(), entra.close()]);
    }
  });

  it('reports convenantbot_store_up 0 and no outbox figures when the store does not answer', async () => {
    const base = createMemoryStore();
    const store: Store = {
      ...base,
      outbox: { ...base.outbox, countByStatus: () => Promise.reject(new Error('no database')) },
    };
    const bot = await start({}, store);
    const exposition = await scrape(bot);
    expect(valueOf(exposition, 'convenantbot_store_up')).toBe(0);
    expect(valueOf(exposition, 'convenantbot_outbox_messages', { status: 'pending' })).toBeUndefined();
    expect(valueOf(exposition, 'convenantbot_uptime_seconds')).toBeGreaterThan(0);
    await base.close();
  });
});
