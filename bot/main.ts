/**
 * Start-up: configuration, store, covenant parties, the teams-ai Application, the HTTP server,
 * and a graceful stop on SIGTERM/SIGINT. `startBot` is also how tests and `npm run dev` run the
 * bot in-process (PORT 0 picks a free port).
 */
import { pathToFileURL } from 'node:url';
import type restify from 'restify';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { seedDemoContacts, type DemoIdentities } from '../src/parties/demo-contacts';
import { seedCovenantParties } from '../src/parties/registry';
import { SYSTEM_ACTOR } from '../src/parties/party-change';
import { createStore } from '../src/storage/create-store';
import type { Store } from '../src/storage/ports';
import { systemClock, type Clock } from '../src/time/dates';
import { createAdapter } from './adapter';
import { createApp } from './app';
import { ConfigError, describeConfig, parseConfig, type BotConfig } from './config';
import type { BotDeps } from './deps';
import { AdapterProactiveSender } from './outbox/proactive-sender';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox/worker';
import { createLogger, type Logger } from './logger';
import { BotMetrics } from './metrics';
import { MeteredProactiveSender } from './metrics-sender';
import { DigestScheduler } from './scheduler/digest-scheduler';
import { ReminderScheduler } from './scheduler/reminder-scheduler';
import { RetentionScheduler } from './scheduler/retention-scheduler';
import { startServer } from './server';

// Teams gives a card action about 15 s; a turn still running after that has lost its user anyway.
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 15_000;

export interface StartBotOverrides {
  /** Use this store instead of creating one from the config; the caller then closes it. */
  store?: Store;
  logger?: Logger;
  clock?: Clock;
  /** Extra botbuilder auth settings, e.g. a test's own OpenID metadata URL and token issuer. */
  auth?: ConfigurationBotFrameworkAuthenticationOptions;
  /** Entra object ids for the demo contacts when config.seedDemo is set. */
  demoIdentities?: DemoIdentities;
  shutdownTimeoutMs?: number;
  /** The outbox worker's timing; `poll: false` leaves delivery to `outbox.drainOnce()` (tests). */
  outbox?: OutboxWorkerOptions & { poll?: boolean };
  /** How long a card action waits for the database before answering "bezig". */
  cardActionBudgetMs?: number;
  /** `false`: no weekly digest scheduler, for tests that tick one of their own. */
  digestScheduler?: boolean;
  /**
   * Reminders (5.4, 5.11, 4.9, 6.4). Default: on when the outbox polls; a test that drains the
   * outbox by hand (`outbox.poll: false`) ticks reminders by hand too, unless it passes `true`.
   */
  reminderScheduler?: boolean;
  /** Erasing closed nominations' personal data after RETENTION_DAYS; on unless `false`. */
  retentionScheduler?: boolean;
}

export interface RunningBot {
  server: restify.Server;
  /** e.g. http://127.0.0.1:54321; the bot's endpoint is `${url}/api/messages`. */
  url: string;
  store: Store;
  app: Application<TurnState>;
  adapter: TeamsAdapter;
  /** Delivers the outbox (notifications, card updates); polls unless started with `outbox.poll: false`. */
  outbox: OutboxWorker;
  logger: Logger;
  /** Stops accepting, lets running turns finish (with a timeout), closes the store it created. Idempotent. */
  stop(): Promise<{ graceful: boolean }>;
}

export async function startBot(config: BotConfig, overrides: StartBotOverrides = {}): Promise<RunningBot> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const ownsStore = overrides.store === undefined;
  const store = overrides.store ?? (await createStore({ mongodbUri: config.mongodbUri, dbName: config.mongodbDb }));
  try {
    const seed = { origin: 'seed', actorId: SYSTEM_ACTOR, clock };
    await seedCovenantParties(store, seed);
    if (config.seedDemo) await seedDemoContacts(store, overrides.demoIdentities, seed);

    const deps: BotDeps = {
      config,
      store,
      logger,
      clock,
      ...(overrides.cardActionBudgetMs !== undefined && { cardActionBudgetMs: overrides.cardActionBudgetMs }),
    };
    const adapter = createAdapter(config, overrides.auth);
    const metrics = new BotMetrics({ store });
    const sender = new MeteredProactiveSender(
      new AdapterProactiveSender(adapter, config.credentials?.appId ?? ''),
      metrics,
    );
    const outbox = new OutboxWorker(deps, sender, overrides.outbox);
    // Built before the server listens: a DIGEST_CRON out of range stops start-up here.
    const digest = digestSchedulerFor(config, overrides, { store, clock, logger });
    const reminders = reminderSchedulerFor(config, overrides, { store, clock, logger });
    const retention =
      overrides.retentionScheduler === false
        ? undefined
        : new RetentionScheduler({ store, clock, logger, retentionDays: config.retentionDays });
    const app = createApp(deps, adapter);
    const http = await startServer({
      app,
      adapter,
      store,
      logger,
      host: config.host,
      port: config.port,
      requireToken: !config.localMode,
      metrics,
      ...(config.metricsToken !== undefined && { metricsToken: config.metricsToken }),
    });

    logger.info({ config: describeConfig(config), url: http.url }, 'Convenantbot started');
    if (config.localMode) {
      logger.warn(
        { host: config.host },
        'Local mode: no MICROSOFT_APP_ID, so requests are not authenticated; listening on loopback only',
      );
    } else if (config.metricsToken === undefined) {
      logger.warn('No METRICS_TOKEN: /metrics is open to whoever reaches the port (counts only, no personal data)');
    }

    let stopping: Promise<{ graceful: boolean }> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        const timeoutMs = overrides.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
        logger.info({ inFlight: http.inFlight(), timeoutMs }, 'Stopping');
        const graceful = await http.drain(timeoutMs);
        // After the turns (they enqueue), before the store closes (the worker reads it).
        await digest?.stop();
        await reminders?.stop();
        await retention?.stop();
        await outbox.stop();
        if (!graceful) logger.warn({ inFlight: http.inFlight() }, 'Stopped with turns still running');
        metrics.close();
        if (ownsStore) await store.close();
        logger.info({ graceful }, 'Stopped');
        return { graceful };
      })());

    if (overrides.outbox?.poll !== false) outbox.start();
    digest?.start();
    reminders?.start();
    retention?.start();
    return { server: http.server, url: http.url, store, app, adapter, outbox, logger, stop };
  } catch (error) {
    if (ownsStore) await store.close().catch(() => undefined);
    throw error;
  }
}

/** The weekly digest (art. 3) goes to the platform channel; without PLATFORM_CHANNEL_ID there is nowhere to post it. */
function digestSchedulerFor(
  config: BotConfig,
  overrides: StartBotOverrides,
  deps: Pick<BotDeps, 'store' | 'clock' | 'logger'>,
): DigestScheduler | undefined {
  if (overrides.digestScheduler === false) return undefined;
  if (config.platformChannelId === undefined) {
    deps.logger.info('No PLATFORM_CHANNEL_ID: no weekly digest');
    return undefined;
  }
  const { digest: schedule, timeZone, platformChannelId } = config;
  // 8.1, 8.2, 10.5: the digest counts signals by kind (10.2: counts only).
  return new DigestScheduler({ ...deps, schedule, timeZone, platformChannelId, signals: deps.store.signals });
}

/** Reminders (5.4, 5.11, 4.9) to landlords and counsellors; 6.4 and 2b/9 to the platform channel when there is one. */
function reminderSchedulerFor(
  config: BotConfig,
  overrides: StartBotOverrides,
  deps: Pick<BotDeps, 'store' | 'clock' | 'logger'>,
): ReminderScheduler | undefined {
  if (!(overrides.reminderScheduler ?? overrides.outbox?.poll !== false)) return undefined;
  const { timeZone, platformChannelId } = config;
  return new ReminderScheduler({ ...deps, timeZone, ...(platformChannelId !== undefined && { platformChannelId }) });
}

async function main(): Promise<void> {
  let config: BotConfig;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Plain text on stderr: one message an operator reads, naming the variables, never their values.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  let bot: RunningBot;
  try {
    bot = await startBot(config, { logger });
  } catch (error) {
    const err = error as Error;
    logger.fatal({ err: { name: err.name, message: err.message } }, 'Start-up failed');
    process.exit(1);
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // `once`: a second signal during the shutdown ends the process the hard way.
    process.once(signal, () => {
      logger.info({ signal }, 'Signal received');
      void bot.stop().then(({ graceful }) => process.exit(graceful ? 0 : 1));
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
