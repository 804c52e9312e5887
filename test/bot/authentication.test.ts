/**
 * Issue 6, item 1: with credentials configured, POST /api/messages runs a turn only for an
 * activity that carries a valid Bot Framework token. Everything below the HTTP request is the
 * production path (startBot → TeamsAdapter → botbuilder's token validation); only the keys are
 * ours, served on loopback (test/support/bot-framework-auth.ts). docs/security/authentication.md.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Activity } from 'botbuilder';
import { ToBotFromBotOrEmulatorTokenValidationParameters as emulatorValidation } from 'botframework-connector/lib/auth/tokenValidationParameters';
import { ConfigError, parseConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { startBot, type RunningBot } from '../../bot/main';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import type { Store } from '../../src/storage/ports';
import {
  botFrameworkAuthSettings,
  generateSigningKey,
  startTokenIssuer,
  type SigningKey,
  type TokenIssuer,
} from '../support/bot-framework-auth';
import { DEMO, startTestBot, teamsActivity } from '../support/teams-bot';

const APP_ID = '0a1b2c3d-0000-4000-8000-00000000b07a';
const OTHER_APP_ID = '0a1b2c3d-0000-4000-8000-0000000e7e11';
// Someone who is a known contact, so that an accepted turn would reach a handler and the store.
const COUNSELLOR = DEMO['counsellor-parnassia'];
const LANDLORD = DEMO['landlord-vidomes'];
const MINUTE = 60;

let channel: TokenIssuer;
let entra: TokenIssuer;
let teamsKey: SigningKey;
let webchatKey: SigningKey;
/** Not on any JWKS, but it claims the Teams key's kid. */
let rogueKey: SigningKey;
let connector: { url: string; requests: string[]; close(): Promise<void> };
let bot: RunningBot;
let rawStore: Store;
const storeCalls: string[] = [];
// The outbox worker polls on its own timer, whatever the requests do.
const BACKGROUND_CALLS = new Set(['outbox.claimNext']);
const logLines: string[] = [];

beforeAll(async () => {
  teamsKey = generateSigningKey('teams-key', ['msteams']);
  webchatKey = generateSigningKey('webchat-key', ['webchat']);
  rogueKey = generateSigningKey(teamsKey.kid, ['msteams']);
  channel = await startTokenIssuer([teamsKey, webchatKey]);
  // Entra's keys, for the emulator and skill token paths botbuilder also offers.
  entra = await startTokenIssuer(
    [generateSigningKey('entra-key')],
    'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0',
  );
  connector = await startRecordingConnector();
  rawStore = createMemoryStore();
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'true',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
  });
  bot = await startBot(config, {
    store: recording(rawStore, storeCalls),
    logger: createLogger('info', { write: (line: string) => void logLines.push(line) }),
    auth: botFrameworkAuthSettings(channel, entra),
  });
  // botbuilder prints a stack trace for every refused token; the assertions below say what matters.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await bot?.stop();
  await rawStore?.close();
  await Promise.all([channel?.close(), entra?.close(), connector?.close()]);
});

interface Attempt {
  status: number;
  body: string;
  /** Store methods the request called, e.g. "parties.findByContactAadObjectId". */
  storeCalls: string[];
  /** Turns the server ran (its "turn" log line). */
  turns: number;
}

/** POSTs the activity with this Authorization header (none if undefined) and records what it caused. */
async function post(activity: Partial<Activity>, authorization: string | undefined): Promise<Attempt> {
  storeCalls.length = 0;
  const linesBefore = logLines.length;
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization !== undefined && { authorization }) },
    body: JSON.stringify(activity),
  });
  const body = await response.text();
  const turns = logLines.slice(linesBefore).filter((line) => line.includes('"msg":"turn"')).length;
  const calls = storeCalls.filter((call) => !BACKGROUND_CALLS.has(call));
  return { status: response.status, body, storeCalls: calls, turns };
}

/** A 1:1 Teams message "help", its replies in the HTTP response (no outbound call needed). */
function message(aadObjectId: string, fields: Partial<Activity> = {}): Partial<Activity> {
  return teamsActivity(aadObjectId, { text: 'help', serviceUrl: connector.url, ...fields });
}

const target = () => ({ appId: APP_ID, serviceUrl: connector.url });
const now = () => Math.floor(Date.now() / 1000);

interface Forgery {
  name: string;
  /** The Authorization header, or undefined for none; and the activity if not the counsellor's plain "help". */
  make(): { authorization: string | undefined; activity?: Partial<Activity> };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const FORGERIES: Forgery[] = [
  { name: 'no Authorization header', make: () => ({ authorization: undefined }) },
  { name: 'an empty bearer token', make: () => ({ authorization: 'Bearer ' }) },
  {
    name: 'a valid token under another scheme (Basic)',
    make: () => ({ authorization: `Basic ${channel.token(target())}` }),
  },
  { name: 'not a JWT at all', make: () => bearer('not.a.jwt') },
  { name: 'unsigned (alg none)', make: () => bearer(channel.token(target(), {}, { alg: 'none' })) },
  { name: 'HS256 keyed with the public key', make: () => bearer(channel.token(target(), {}, { alg: 'HS256' })) },
  {
    name: 'expired (10 minutes ago, past the 5-minute clock tolerance)',
    make: () => bearer(channel.token(target(), { nbf: now() - 70 * MINUTE, exp: now() - 10 * MINUTE })),
  },
  {
    name: 'not yet valid (nbf in 10 minutes)',
    make: () => bearer(channel.token(target(), { nbf: now() + 10 * MINUTE })),
  },
  {
    name: 'signed by another key under the same kid',
    make: () => bearer(channel.token(target(), {}, { signWith: rogueKey })),
  },
  {
    name: 'claims altered after signing (serviceurl swapped)',
    make: () => {
      const [header, , signature] = channel.token({ appId: APP_ID, serviceUrl: 'https://smba.example/' }).split('.');
      const payload = Buffer.from(JSON.stringify(channel.claims(target()))).toString('base64url');
      return bearer(`${header}.${payload}.${signature}`);
    },
  },
  { name: 'an unknown kid', make: () => bearer(channel.token(target(), {}, { kid: 'no-such-key' })) },
  {
    name: 'no kid',
    make: () => {
      const [, payload, signature] = channel.token(target()).split('.');
      const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
      return bearer(`${header}.${payload}.${signature}`);
    },
  },
  { name: 'for another bot (audience)', make: () => bearer(channel.token({ ...target(), appId: OTHER_APP_ID })) },
  { name: 'without an audience', make: () => bearer(channel.token(target(), { aud: undefined })) },
  {
    name: 'from another issuer',
    make: () => bearer(channel.token(target(), { iss: 'https://api.botframework.example' })),
  },
  { name: 'without an issuer', make: () => bearer(channel.token(target(), { iss: undefined })) },
  {
    name: "a key endorsed for 'msteams' on a 'webchat' activity",
    make: () => ({ ...bearer(channel.token(target())), activity: message(COUNSELLOR, { channelId: 'webchat' }) }),
  },
  {
    name: "a key endorsed only for 'webchat' on an 'msteams' activity",
    make: () => bearer(channel.token(target(), {}, { kid: webchatKey.kid })),
  },
  {
    name: 'a serviceurl claim for another service URL',
    make: () => bearer(channel.token({ ...target(), serviceUrl: 'https://smba.attacker.example/' })),
  },
  { name: 'without a serviceurl claim', make: () => bearer(channel.token(target(), { serviceurl: undefined })) },
  {
    // Takes botbuilder's emulator path, which checks against Entra's keys (here: `entra`).
    name: 'emulator-shaped (Entra issuer, appid = the bot) signed with the channel key',
    make: () => bearer(channel.token(target(), { iss: entra.issuer, ver: '2.0', azp: APP_ID }, { signWith: teamsKey })),
  },
  {
    // botbuilder's emulator path would take it (whoever holds MICROSOFT_APP_PASSWORD can get one,
    // and botbuilder adds each unknown tenant's issuer to its trusted list); bot/adapter.ts
    // refuses every issuer but the Bot Framework channel's before botbuilder sees the token.
    name: "an Entra token issued to the bot's own app id (botbuilder's emulator path)",
    make: () => bearer(entra.token(target(), { aud: APP_ID, azp: APP_ID, ver: '2.0', serviceurl: undefined })),
  },
  {
    name: 'an Entra v1 token issued to the bot (appid = the bot, sts.windows.net issuer)',
    make: () =>
      bearer(
        entra.token(target(), {
          iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/',
          aud: APP_ID,
          appid: APP_ID,
          ver: '1.0',
          serviceurl: undefined,
        }),
      ),
  },
  {
    // Takes botbuilder's skill path; the bot allows no skill callers.
    name: 'skill-shaped (another bot calling as a skill)',
    make: () => bearer(entra.token(target(), { aud: APP_ID, appid: OTHER_APP_ID, azp: OTHER_APP_ID, ver: '2.0' })),
  },
];

const tally = { tried: 0, accepted: 0 };

describe(`with credentials: ${FORGERIES.length} forged or invalid tokens tried, none may be accepted`, () => {
  it.each(FORGERIES)('refuses $name with 401: no turn, no store access', async ({ make }) => {
    const { authorization, activity } = make();
    const attempt = await post(activity ?? message(COUNSELLOR), authorization);
    tally.tried += 1;
    if (attempt.status < 400) tally.accepted += 1;

    expect(attempt.status).toBe(401);
    expect(attempt.body).not.toContain('activities');
    expect(attempt.turns).toBe(0);
    // Not even a read: the identity gate, the first thing a turn does, never ran.
    expect(attempt.storeCalls).toEqual([]);
    expect(await rawStore.conversations.get(`user:${COUNSELLOR}`)).toBeUndefined();
  });

  it("never reached botbuilder's Entra paths: Entra's keys were not even fetched", () => {
    expect(entra.requests()).toEqual([]);
  });

  it("does not let any bearer token grow botbuilder's trusted-issuer list (4 entries per unknown tid before)", async () => {
    const issuers = trustedEmulatorIssuers();
    const before = [...issuers];
    for (let i = 0; i < 50; i += 1) {
      const tid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const forged = { tid, ver: '2.0' };
      await post(message(COUNSELLOR), `Bearer ${channel.token(target(), forged, { signWith: rogueKey })}`);
      await post(message(COUNSELLOR), `Bearer ${entra.token(target(), { ...forged, iss: entra.issuer })}`);
    }
    expect(issuers).toEqual(before);
  });

  it('accepted 0 of them', () => {
    console.info(`authentication: ${tally.tried} forged tokens tried, ${tally.accepted} accepted`);
    expect(tally).toEqual({ tried: FORGERIES.length, accepted: 0 });
  });
});

describe('with credentials: a valid Bot Framework token', () => {
  it('is accepted: the turn runs, the bot answers and remembers the conversation', async () => {
    const attempt = await post(message(LANDLORD), `Bearer ${channel.token(target())}`);

    expect(attempt.status).toBe(200);
    expect(attempt.turns).toBe(1);
    const replies = (JSON.parse(attempt.body) as { activities: Partial<Activity>[] }).activities;
    expect(replies.some((reply) => reply.type === 'message')).toBe(true);
    expect(attempt.storeCalls).toContain('conversations.upsert');
    const stored = await rawStore.conversations.get(`user:${LANDLORD}`);
    expect(stored?.reference).toMatchObject({ serviceUrl: connector.url });
    // The keys came from our issuer, the replies in the response: nothing else was called.
    expect(channel.requests()).toEqual(['/.well-known/openid-configuration', '/keys']);
    expect(connector.requests).toEqual([]);
  });

  it("is accepted on another channel when its key is endorsed for that channel (the endorsement check's control)", async () => {
    const token = channel.token(target(), {}, { kid: webchatKey.kid });
    const attempt = await post(message(LANDLORD, { channelId: 'webchat' }), `Bearer ${token}`);
    expect(attempt.status).toBe(200);
    expect(attempt.turns).toBe(1);
  });

  it('is still accepted 4 minutes after it expired: botbuilder allows 5 minutes of clock skew', async () => {
    const token = channel.token(target(), { nbf: now() - 64 * MINUTE, exp: now() - 4 * MINUTE });
    const attempt = await post(message(LANDLORD), `Bearer ${token}`);
    expect(attempt.status).toBe(200);
  });
});

describe('without credentials (local mode)', () => {
  it('listens on 127.0.0.1 only', async () => {
    const local = await startTestBot();
    try {
      expect((local.server.address() as AddressInfo).address).toBe('127.0.0.1');
    } finally {
      await local.stop();
    }
  });

  it.each(['0.0.0.0', '::', '10.0.0.5', '192.168.1.20', 'bot.example.org', '127.0.0.1.nip.io', 'localhost.example'])(
    'refuses to start on HOST=%s',
    (host) => {
      expect(() => parseConfig({ HOST: host })).toThrow(ConfigError);
      expect(() => parseConfig({ HOST: host })).toThrow(/HOST: must be a loopback address/);
    },
  );

  it.each(['127.0.0.1', '127.0.0.2', '::1', 'localhost'])('starts on HOST=%s', (host) => {
    expect(parseConfig({ HOST: host })).toMatchObject({ host, localMode: true });
  });
});

/** botbuilder's process-wide list of issuers it trusts on the emulator path. */
function trustedEmulatorIssuers(): string[] {
  const issuers = emulatorValidation.issuer;
  if (!Array.isArray(issuers)) throw new Error('botbuilder keeps its emulator issuers as an array no more');
  return issuers;
}

/** The store, with every call to a sub-store (parties, conversations, audit, …) recorded as "subStore.method". */
function recording(store: Store, calls: string[]): Store {
  const wrap = (name: string, target: object): object =>
    new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(`${name}.${String(property)}`);
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      },
    });
  const subStores = Object.entries(store).filter(([, value]) => typeof value === 'object' && value !== null);
  return {
    ...store,
    ...Object.fromEntries(subStores.map(([name, subStore]) => [name, wrap(name, subStore as object)])),
  } as Store;
}

/** A Bot Connector stand-in that answers nothing useful and records every call the bot makes to it. */
async function startRecordingConnector() {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(500);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
