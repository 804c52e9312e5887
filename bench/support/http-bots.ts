/**
 * The two bots of benchmark (a), each served over real HTTP by bot/server.ts (restify) with the
 * adapter class of bot/adapter.ts in local mode (no credentials, no token):
 * - the Convenantbot itself (bot/main.ts startBot), and
 * - a bare teams-ai echo bot: an Application with one message handler that echoes the text.
 * Both adapters' process() is wrapped in a timer: the server-side time of each turn, without the
 * client's share of the round trip.
 */
import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { createAdapter } from '../../bot/adapter';
import { parseConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { startServer, type BotServer } from '../../bot/server';

/** Server-side milliseconds per turn, appended while `sink.on` is true. */
export interface TurnTimes {
  on: boolean;
  ms: number[];
}

/** Wraps adapter.process in a wall-clock timer (the request handler awaits it for the whole turn). */
export function timeTurns(adapter: TeamsAdapter, sink: TurnTimes): void {
  const original = adapter.process.bind(adapter) as (...args: unknown[]) => Promise<void>;
  const timed = async (...args: unknown[]): Promise<void> => {
    const started = performance.now();
    try {
      await original(...args);
    } finally {
      if (sink.on) sink.ms.push(performance.now() - started);
    }
  };
  adapter.process = timed as unknown as TeamsAdapter['process'];
}

export interface EchoBot {
  url: string;
  adapter: TeamsAdapter;
  stop(): Promise<void>;
}

/** A teams-ai Application with one message handler that echoes, on the same server code as the bot. */
export async function startEchoBot(): Promise<EchoBot> {
  const config = parseConfig({ PORT: '0' });
  const adapter = createAdapter(config);
  const app = new Application<TurnState>({ adapter, startTypingTimer: false });
  app.activity('message', async (context) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  });
  const server: BotServer = await startServer({
    app,
    adapter,
    store: { ping: async () => {} },
    logger: createLogger('silent'),
    host: '127.0.0.1',
    port: 0,
    requireToken: false,
  });
  return {
    url: server.url,
    adapter,
    async stop() {
      await server.drain(5_000);
    },
  };
}

/** A fresh 24-hex form id, as draft-id.ts makes them. */
export function newFormId(): string {
  return randomBytes(12).toString('hex');
}

/** A Teams activity in a 1:1 chat whose replies come back in the HTTP response (expectReplies). */
export function activityFrom(aadObjectId: string, fields: Partial<Activity>): Partial<Activity> {
  return {
    type: 'message',
    id: `bench-${randomBytes(6).toString('hex')}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    locale: 'nl-NL',
    from: { id: `29:${aadObjectId}`, name: 'Bench Gebruiker', aadObjectId },
    recipient: { id: '28:convenantbot', name: 'Convenantbot' },
    conversation: { id: `a:personal-${aadObjectId}`, conversationType: 'personal', isGroup: false, name: '' },
    ...fields,
  } as Partial<Activity>;
}

export interface Answer {
  status: number;
  activities: Partial<Activity>[];
}

export async function post(url: string, activity: Partial<Activity>): Promise<Answer> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as { activities?: Partial<Activity>[] }) : undefined;
  return { status: response.status, activities: (body?.activities ?? []).filter(Boolean) };
}

/** Runs `count` tasks with at most `concurrency` at a time; returns each task's client-side ms. */
export async function runConcurrently(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= count) return;
      const started = performance.now();
      await task(index);
      durations.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return durations;
}
