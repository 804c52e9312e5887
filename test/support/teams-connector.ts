/**
 * A fake Bot Framework connector for proactive sends: what the bot posts and updates in each
 * conversation, with the time of each call by the test's clock, and scripted failures (429 with
 * Retry-After, 403, 404, …) for the next calls to a conversation. Point the users' serviceUrl at
 * `url` and the bot's outbox worker sends here.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, Attachment } from 'botbuilder';

export interface ConnectorCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The id Teams gave the new message, or the id of the message updated. */
  activityId: string;
  activity: Partial<Activity>;
  /** By the test's clock (ms). */
  at: number;
  /** The status answered. */
  status: number;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
}

export interface FakeTeamsConnector {
  url: string;
  /** Every send and update, answered or failed, in order. */
  calls: ConnectorCall[];
  /** The answered ones only (2xx). */
  delivered(): ConnectorCall[];
  /** The next calls to this conversation get these answers, in order (then 200 again). */
  failNext(conversationId: string, ...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

export async function startFakeTeamsConnector(now: () => number = Date.now): Promise<FakeTeamsConnector> {
  const calls: ConnectorCall[] = [];
  const scripts = new Map<string, ScriptedAnswer[]>();
  let nextId = 0;

  const server: Server = createServer((req, res) => {
    void readJson(req).then((activity) => {
      const post = /^\/v3\/conversations\/([^/]+)\/activities\/?(?:[^/]*)$/.exec(req.url ?? '');
      const put = /^\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)$/.exec(req.url ?? '');
      const method = req.method === 'PUT' && put ? 'PUT' : req.method === 'POST' && post ? 'POST' : undefined;
      if (!method) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'NotFound' } }));
        return;
      }
      const conversationId = decodeURIComponent((method === 'PUT' ? put : post)![1]!);
      const scripted = scripts.get(conversationId)?.shift();
      const activityId = method === 'PUT' ? decodeURIComponent(put![2]!) : `activity-${++nextId}`;
      const status = scripted?.status ?? 200;
      calls.push({ method, conversationId, activityId, activity, at: now(), status });
      res.writeHead(status, { 'content-type': 'application/json', ...scripted?.headers });
      res.end(JSON.stringify(status === 200 ? { id: activityId } : { error: { code: `Status${status}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    delivered: () => calls.filter((call) => call.status === 200),
    failNext(conversationId, ...answers) {
      scripts.set(conversationId, [...(scripts.get(conversationId) ?? []), ...answers]);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<Partial<Activity>> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body ? (JSON.parse(body) as Partial<Activity>) : {};
}

/** The Adaptive Card content of a sent activity. */
export function cardOf(activity: Partial<Activity>): Record<string, unknown> {
  const attachment = (activity.attachments as Attachment[] | undefined)?.[0];
  return (attachment?.content ?? {}) as Record<string, unknown>;
}
