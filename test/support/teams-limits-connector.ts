/**
 * A fake Teams connector that behaves like Teams under load, for delivery fault tests: it
 * enforces Teams' documented rate limits (a call over them gets 429 with Retry-After), injects
 * transient failures (429, 412, 502, 504) from a seeded random source, answers 403 or 404 for
 * conversations the bot was removed from, and can cut a call off as a dying process would.
 * Time is the test's clock, so pacing and backoff run in virtual time.
 *
 * The limits are written out here, not imported from bot/outbox/pacer.ts: this plays Teams, and
 * a copy of the code under test would agree with any mistake in it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, Attachment } from 'botbuilder';

/** learn.microsoft.com, "Optimize your bot with rate limiting in Teams": per bot per thread. */
const TEAMS_THREAD_LIMITS = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1800 },
];
/** The same page: per app per tenant. */
const TEAMS_GLOBAL_LIMITS = [{ ms: 1_000, max: 50 }];
const TRANSIENT = [429, 412, 502, 504] as const;

export type CallOutcome = 'ok' | 'throttled' | 'injected' | 'gone' | 'unknown-activity' | 'cut-off';

export interface LimitsCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  activityId: string;
  at: number;
  status: number;
  outcome: CallOutcome;
  /** Whether Teams acted on it (posted or updated), even if the answer never reached the bot. */
  applied: boolean;
  /** From the card's button data, where the card has buttons. */
  nominationId?: string;
  version?: number;
}

/** What a dying bot process does to the call in flight. */
export type Cut = 'answer' | 'cut-before-teams' | 'cut-after-teams';

export interface LimitsConnectorOptions {
  now: () => number;
  random: () => number;
  /** Chance that an otherwise fine call gets a transient failure. */
  failureRate: number;
  /** Conversations the bot can no longer reach, with the status Teams answers. */
  gone?: Record<string, 403 | 404>;
}

export interface LimitsConnector {
  url: string;
  calls: LimitsCall[];
  /** Consulted for every call before Teams looks at it; the default answers. */
  onCall: (call: { method: 'POST' | 'PUT'; conversationId: string }) => Cut;
  close(): Promise<void>;
}

export async function startLimitsConnector(options: LimitsConnectorOptions): Promise<LimitsConnector> {
  const calls: LimitsCall[] = [];
  const accepted = new Map<string, number[]>();
  const activities = new Map<string, string>();
  let nextId = 0;

  const overLimit = (key: string, limits: typeof TEAMS_THREAD_LIMITS, now: number): number => {
    const times = accepted.get(key) ?? [];
    let wait = 0;
    for (const { ms, max } of limits) {
      const inWindow = times.filter((at) => at > now - ms);
      const blocking = inWindow[inWindow.length - max];
      if (inWindow.length >= max && blocking !== undefined) wait = Math.max(wait, blocking + ms - now);
    }
    return wait;
  };

  function handle(
    method: 'POST' | 'PUT',
    conversationId: string,
    putId: string | undefined,
    activity: Partial<Activity>,
  ): LimitsCall & { retryAfter?: string } {
    const now = options.now();
    const card = cardIds(activity);
    const base = { method, conversationId, at: now, ...card };
    const gone = options.gone?.[conversationId];
    if (gone) return { ...base, activityId: putId ?? '', status: gone, outcome: 'gone' as const, applied: false };
    if (putId !== undefined && activities.get(putId) !== conversationId) {
      return { ...base, activityId: putId, status: 404, outcome: 'unknown-activity' as const, applied: false };
    }
    const wait = Math.max(
      overLimit(conversationId, TEAMS_THREAD_LIMITS, now),
      overLimit('*', TEAMS_GLOBAL_LIMITS, now),
    );
    if (wait > 0) {
      const retryAfter = String(Math.ceil(wait / 1000));
      return {
        ...base,
        activityId: putId ?? '',
        status: 429,
        outcome: 'throttled' as const,
        applied: false,
        retryAfter,
      };
    }
    if (options.random() < options.failureRate) {
      const status = TRANSIENT[Math.floor(options.random() * TRANSIENT.length)]!;
      // Teams sends Retry-After with some 429s, not all.
      const retryAfter =
        status === 429 && options.random() < 0.5 ? String(1 + Math.floor(options.random() * 3)) : undefined;
      return { ...base, activityId: putId ?? '', status, outcome: 'injected' as const, applied: false, retryAfter };
    }
    for (const key of [conversationId, '*']) accepted.set(key, [...(accepted.get(key) ?? []), now]);
    const activityId = putId ?? `activity-${++nextId}`;
    activities.set(activityId, conversationId);
    return { ...base, activityId, status: 200, outcome: 'ok' as const, applied: true };
  }

  const connector: LimitsConnector = {
    url: '',
    calls,
    onCall: () => 'answer',
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server: Server = createServer((req, res) => {
    void readJson(req).then((activity) => {
      const post = /^\/v3\/conversations\/([^/]+)\/activities\/?(?:[^/]*)$/.exec(req.url ?? '');
      const put = /^\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)$/.exec(req.url ?? '');
      const method = req.method === 'PUT' && put ? 'PUT' : req.method === 'POST' && post ? 'POST' : undefined;
      if (!method) return answer(res, 404, { error: { code: 'NotFound' } });
      const conversationId = decodeURIComponent((method === 'PUT' ? put : post)![1]!);
      const putId = method === 'PUT' ? decodeURIComponent(put![2]!) : undefined;
      const cut = connector.onCall({ method, conversationId });
      if (cut === 'cut-before-teams') {
        calls.push({
          method,
          conversationId,
          activityId: putId ?? '',
          at: options.now(),
          status: 0,
          outcome: 'cut-off',
          applied: false,
        });
        return res.destroy();
      }
      const { retryAfter, ...call } = handle(method, conversationId, putId, activity);
      calls.push(call);
      if (cut === 'cut-after-teams') return res.destroy();
      const headers: Record<string, string> = retryAfter ? { 'Retry-After': retryAfter } : {};
      answer(
        res,
        call.status,
        call.status === 200 ? { id: call.activityId } : { error: { code: `Status${call.status}` } },
        headers,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  connector.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return connector;
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Partial<Activity>> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body ? (JSON.parse(body) as Partial<Activity>) : {};
}

/** The nomination id and version a status card's buttons carry. */
function cardIds(activity: Partial<Activity>): { nominationId?: string; version?: number } {
  const content = (activity.attachments as Attachment[] | undefined)?.[0]?.content;
  const found = /"nominationId":"([^"]+)","version":"?(\d+)/.exec(JSON.stringify(content ?? {}));
  return found ? { nominationId: found[1]!, version: Number(found[2]) } : {};
}

/** A small seeded random source (mulberry32): the same seed, the same failures. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
