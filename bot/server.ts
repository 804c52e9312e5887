/**
 * The HTTP side: Bot Framework activities on POST /api/messages, the probes an orchestrator
 * asks (/healthz: the process runs; /readyz: the store answers) and, with metrics, GET /metrics for
 * Prometheus (bot/metrics.ts). Turns in flight are tracked, so that stopping waits for them instead
 * of cutting a user off mid-answer.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { TurnContext } from 'botbuilder';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Store } from '../src/storage/ports';
import { hashId, type Logger } from './logger';
import type { BotMetrics, TurnOutcome } from './metrics';
import { metricsHandler } from './metrics-endpoint';

const READY_PING_TIMEOUT_MS = 1_000;
const MAX_ACTIVITY_BYTES = 1024 * 1024;

export interface ServerOptions {
  app: Application<TurnState>;
  adapter: TeamsAdapter;
  store: Pick<Store, 'ping'>;
  logger: Logger;
  host: string;
  port: number;
  /** False in local mode, where botbuilder accepts requests without a token. */
  requireToken: boolean;
  /** Serves GET /metrics and records every request to /api/messages. */
  metrics?: BotMetrics;
  /** With metrics: GET /metrics then needs `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
}

export interface BotServer {
  server: restify.Server;
  /** e.g. http://127.0.0.1:3978 — the bot's endpoint is `${url}/api/messages`. */
  url: string;
  /** Turns still running. */
  inFlight(): number;
  /** Stops accepting, waits up to `timeoutMs` for running turns; true if they all finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

export async function startServer(options: ServerOptions): Promise<BotServer> {
  const { app, adapter, store, logger, metrics } = options;
  const turns = new Set<Promise<unknown>>();
  let stopping = false;
  metrics?.trackInFlight(() => turns.size);

  const server = restify.createServer({ name: 'convenantbot', handleUncaughtExceptions: false });

  if (metrics) server.get('/metrics', metricsHandler(metrics, options.metricsToken, logger));

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    if (stopping) {
      res.send(503, { status: 'stopping' });
      return;
    }
    const ready = await answersWithin(store.ping(), READY_PING_TIMEOUT_MS);
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'store unavailable' });
  });

  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: MAX_ACTIVITY_BYTES, mapParams: false }),
    async (req: restify.Request, res: restify.Response) => {
      // Requests on a kept-alive connection can still arrive after close(): Bot Framework retries a 503.
      if (stopping) {
        metrics?.refused('stopping');
        res.send(503, { status: 'stopping' });
        return;
      }
      // botbuilder refuses a request without a token too, but prints a stack trace for each one;
      // internet scanners would fill the logs.
      if (options.requireToken && !req.headers.authorization) {
        logger.warn('refused a request without a token');
        metrics?.refused('no_token');
        res.send(401);
        return;
      }
      const started = performance.now();
      // Stays 'refused' when botbuilder answers without running a turn (a bad token or activity).
      let outcome = 'refused' as TurnOutcome;
      const turn = adapter.process(req, res, async (context) => {
        outcome = 'error';
        outcome = (await runLogged(app, context, logger)) ? 'handled' : 'unhandled';
      });
      turns.add(turn);
      try {
        await turn;
      } finally {
        turns.delete(turn);
        if (metrics) {
          if (outcome === 'refused' && (res.statusCode === 401 || res.statusCode === 403))
            metrics.refused('invalid_token');
          metrics.turnEnded(req.body, outcome, (performance.now() - started) / 1000);
        }
      }
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  return {
    server,
    url: `http://${urlHost(options.host)}:${address.port}`,
    inFlight: () => turns.size,
    async drain(timeoutMs) {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      const finished = await answersWithin(Promise.allSettled([...turns]), timeoutMs);
      // Whatever is still open now (a hung turn, a slow client) is cut off.
      server.server.closeAllConnections();
      await closed;
      return finished;
    },
  };
}

/** Runs the turn and logs its shape; true if a route handled it. */
async function runLogged(app: Application<TurnState>, context: TurnContext, logger: Logger): Promise<boolean> {
  const started = performance.now();
  const { activity } = context;
  let handled = false;
  try {
    dropWhatTeamsNeverSends(activity);
    handled = await app.run(context);
  } finally {
    // Shape of the turn only: no text, no names, ids hashed.
    logger.info(
      {
        activityType: activity.type,
        activityName: activity.name,
        conversationType: activity.conversation?.conversationType,
        channelId: activity.channelId,
        user: hashId(activity.from?.aadObjectId ?? activity.from?.id),
        conversation: hashId(activity.conversation?.id),
        handled,
        ms: Math.round(performance.now() - started),
      },
      'turn',
    );
  }
  return handled;
}

/**
 * teams-ai reads `value[verb]` of any message whose value is an object — null included — and
 * calls `text.replace` on a message with a mention, whatever its text is: an activity shaped as
 * no Teams client sends it (forged in local mode, or a client bug) failed there with "Er ging
 * iets mis". Without a null value and with text as text, it is a message like any other.
 */
function dropWhatTeamsNeverSends(activity: TurnContext['activity']): void {
  if (activity.value === null) delete activity.value;
  if (activity.type === 'message' && typeof activity.text !== 'string') activity.text = '';
}

/** Resolves true if `promise` settles successfully within `ms`, false if it rejects or takes longer. */
async function answersWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
