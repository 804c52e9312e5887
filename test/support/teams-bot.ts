/**
 * Drives the real bot over HTTP, as Teams would: start it in-process on a free port, POST
 * activities to /api/messages with deliveryMode 'expectReplies' so its answers come back in
 * the HTTP response (no connector needed), and a fake connector for the few calls the bot makes
 * to Teams itself (TeamsInfo.getMember).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { parseConfig, type Env } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { startBot, type RunningBot, type StartBotOverrides } from '../../bot/main';
import { DEFAULT_DEMO_IDENTITIES } from '../../src/parties/demo-contacts';

export const DEMO = DEFAULT_DEMO_IDENTITIES;

/** Local mode, demo contacts seeded, memory store, quiet logs. */
export function startTestBot(env: Env = {}, overrides: StartBotOverrides = {}): Promise<RunningBot> {
  const config = parseConfig({ PORT: '0', SEED_DEMO: 'true', ...env });
  return startBot(config, { logger: createLogger('silent'), ...overrides });
}

let nextId = 0;

/** A Teams activity in a 1:1 chat, from the given Entra object id. */
export function teamsActivity(aadObjectId: string, fields: Partial<Activity> = {}): Partial<Activity> {
  nextId += 1;
  return {
    type: 'message',
    id: `activity-${nextId}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    from: { id: `29:${aadObjectId}`, name: 'Test Gebruiker', aadObjectId },
    recipient: { id: '28:convenantbot', name: 'Convenantbot' },
    conversation: { id: `a:personal-${aadObjectId}`, conversationType: 'personal', isGroup: false, name: '' },
    ...fields,
  };
}

export interface BotAnswer {
  status: number;
  /** Everything the bot sent, typing indicators included. */
  activities: Partial<Activity>[];
  /** Only its messages. */
  messages: Partial<Activity>[];
  body: unknown;
}

export async function postActivity(bot: { url: string }, activity: Partial<Activity>): Promise<BotAnswer> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  const activities = ((body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? []).filter(Boolean);
  return { status: response.status, activities, messages: activities.filter((a) => a.type === 'message'), body };
}

export interface FakeConnector {
  url: string;
  /** Member look-ups the bot made, as "conversationId/userId". */
  lookups: string[];
  close(): Promise<void>;
}

/** Answers GET /v3/conversations/:conversation/members/:user from `members` (by user id), 404 otherwise. */
export async function startFakeConnector(members: Record<string, { email: string }> = {}): Promise<FakeConnector> {
  const lookups: string[] = [];
  const server: Server = createServer((req, res) => {
    const match = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)/.exec(req.url ?? '');
    const userId = match?.[2] && decodeURIComponent(match[2]);
    if (match?.[1] && userId) lookups.push(`${decodeURIComponent(match[1])}/${userId}`);
    const member = userId ? members[userId] : undefined;
    res.writeHead(member ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(member ? { id: userId, ...member } : { error: { code: 'NotFound' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    lookups,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
