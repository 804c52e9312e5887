/**
 * Drives the Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`) as a Teams
 * client without a browser, for e2e tests and `npm run dev`.
 *
 *   const pg = await startPlayground({ botUrl: 'http://127.0.0.1:3978/api/messages' });
 *   const { config } = await pg.config();              // users, personal chat, group chat, team
 *   await pg.install(config.personalChat.id);          // installationUpdate + conversationUpdate
 *   const mark = pg.stream.cursor();
 *   await pg.sendMessage(config.personalChat.id, config.currentUser.id, 'help');
 *   const reply = await pg.stream.waitFor((e) => cardsOf(e).length > 0, { after: mark });
 *   await pg.stop();                                    // kills the process group, removes temp files
 *
 * startPlayground(options): starts the playground's CLI as a child process in its own process
 *   group: free port (or options.port, falling back to a free one), no browser unless
 *   options.openBrowser, telemetry off, no proxy, log and config files in a temp directory.
 *   The config file defaults to playgroundConfigYaml() (demo users, bot/dev/playground-identities).
 *   Activities reach the bot through a locale relay (locale-relay.ts) as from a Dutch Teams client
 *   (options.clientLocale, default nl-NL; null = the playground's hard-coded en-US).
 *   Resolves once the HTTP API answers and (unless options.collectMessages is false) the message
 *   stream is connected.
 * config(): the playground's users, bot and conversation ids (GET /_internal/v1/testConfig; the
 *   browser's /_internal/v1/config is the same but first waits up to 15 s for the bot).
 * install(conversationId): as when the app is added to that chat or team.
 * sendMessage(conversationId, fromUserId, text, { mentionBot }): a user types a message. In a group
 *   chat or channel the bot only gets it when mentioned. QUIRK: the bot always sees the
 *   playground's *current user* as the sender, whatever fromUserId says (it must be a member).
 * sendActivityAs(activity): a custom activity, sent to the bot as given (the UI's "custom
 *   activity"). The only way to have someone other than the current user *say* something;
 *   messageFrom(chatId, from, text) builds such a message for the personal or group chat.
 * invoke(conversationId, fromUserId, replyToId, action): an Action.Execute on the card in message
 *   replyToId; here fromUserId is honoured. Returns the bot's invoke response ({ type, value }).
 * submit(conversationId, fromUserId, replyToId, value): an Action.Submit; fromUserId is honoured.
 *   The bot's answer arrives on the stream.
 * stream: every message the bot creates or updates in a conversation the current user is in
 *   (`createMessage`, `updateMessage`, `typing`). A bot message with text and cards arrives as two
 *   events. stream.waitFor(predicate, { timeoutMs, after }) resolves with the first matching event
 *   at or after index `after` (stream.cursor() before acting), or rejects naming what it waited for.
 * botIdle(quietMs = 300): resolves once the bot has answered every activity and none came for
 *   quietMs, i.e. everything it was going to say is on the stream; use it to assert "only this".
 * stop(): closes the stream, ends the process group (SIGTERM, then SIGKILL), removes temp files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { playgroundConfigYaml } from '../../bot/dev/playground-identities';
import { startLocaleRelay, type LocaleRelay } from './locale-relay';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botUrl: string;
  /** A playground config file to use instead of configYaml. */
  configPath?: string;
  /** Config file text; default playgroundConfigYaml() (the demo counsellor is the current user). */
  configYaml?: string;
  /** 0 (default) = any free port; otherwise that port, or a free one when it is taken. */
  port?: number;
  /** Let the playground open the system browser (dev only; it exits if none can be started). */
  openBrowser?: boolean;
  /** The locale the bot sees on every activity; null leaves the playground's en-US. Default nl-NL. */
  clientLocale?: string | null;
  /**
   * Default true. The playground buffers the bot's messages only while no stream client is
   * connected and then hands them all to the first one: with a browser, leave the stream to it.
   */
  collectMessages?: boolean;
  readyTimeoutMs?: number;
}

export interface PlaygroundUserInfo {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
  givenName: string;
  surname: string;
  userPrincipleName: string;
}

export interface PlaygroundConfig {
  config: {
    tenantId: string;
    bot: { id: string; name: string };
    currentUser: PlaygroundUserInfo;
    users: PlaygroundUserInfo[];
    personalChat: { id: string; name: string };
    groupChats: { id: string; name: string; members: string[] }[];
    teams: {
      id: string;
      name: string;
      aadGroupId: string;
      channels: { id: string; name: string; channelType: string }[];
      members: string[];
    }[];
  };
  internalConfig: { locale: string; localTimezone: string; channelId: string };
}

export interface Attachment {
  contentType: string;
  content?: unknown;
}

export interface StreamMessage {
  messageId: string;
  timestamp: number;
  from: { id: string };
  text?: string;
  textFormat?: string;
  attachments: Attachment[];
  attachmentLayout?: string;
  mentions: unknown[];
  /** Set on the first message of a channel post (the post's own conversation id). */
  postConversationId?: string;
}

export interface StreamEvent {
  action: 'createMessage' | 'updateMessage' | 'typing';
  /** The chat or channel the message is in. */
  actionConversationId: string;
  message?: StreamMessage;
}

export interface InvokeResponse {
  /** e.g. application/vnd.microsoft.card.adaptive, application/vnd.microsoft.activity.message */
  type?: string;
  value?: unknown;
}

export interface MessageStream {
  readonly events: readonly StreamEvent[];
  /** The index the next event will get: pass it as `after` to wait only for newer events. */
  cursor(): number;
  waitFor(
    predicate: (event: StreamEvent) => boolean,
    options?: { timeoutMs?: number; after?: number; what?: string },
  ): Promise<StreamEvent>;
}

export interface Playground {
  /** Where to open the playground in a browser. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Settles when the playground process ends, with its exit code or signal (for `npm run dev`). */
  readonly exited: Promise<number | string | null>;
  readonly stream: MessageStream;
  config(): Promise<PlaygroundConfig>;
  install(conversationId: string): Promise<void>;
  sendMessage(
    conversationId: string,
    fromUserId: string,
    text: string,
    options?: { mentionBot?: boolean },
  ): Promise<{ messageId: string; timestamp: number }>;
  sendActivityAs(activity: Record<string, unknown>): Promise<void>;
  messageFrom(
    conversationId: string,
    from: { id: string; name: string; aadObjectId: string },
    text: string,
  ): Promise<Record<string, unknown>>;
  invoke(
    conversationId: string,
    fromUserId: string,
    replyToId: string,
    action: { verb: string; data?: Record<string, unknown> },
  ): Promise<InvokeResponse>;
  submit(conversationId: string, fromUserId: string, replyToId: string, value: Record<string, unknown>): Promise<void>;
  botIdle(quietMs?: number, timeoutMs?: number): Promise<void>;
  /** The playground's own log (it writes nothing useful to stdout when not on a terminal). */
  log(): Promise<string>;
  stop(): Promise<void>;
}

const CLI = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

/**
 * Runs the CLI and, when its own stdin ends, kills it and removes the temp directory: this
 * process holds the other end of stdin, and the operating system closes it however we end.
 */
const WATCHDOG = `
const cli = require('node:child_process').spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
let orphaned = false;
const orphan = () => { orphaned = true; cli.kill('SIGKILL'); };
process.stdin.on('end', orphan).on('error', orphan).resume();
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => cli.kill(signal));
cli.on('exit', (code) => {
  if (orphaned) require('node:fs').rmSync(process.env.PLAYGROUND_HARNESS_DIR, { recursive: true, force: true });
  process.exit(code ?? 1);
});
`;

// The playground reads these; anything inherited could redirect it (another bot, config or port).
const INHERITED_PLAYGROUND_ENV =
  /^(M365_AGENTS_PLAYGROUND_|TEAMSAPPTESTER_|TEAMS_APP_TEST_TOOL_|BOT_ENDPOINT$|DEFAULT_CHANNEL_ID$|SEND_INSTALLATION_ACTIVITY$|AUTH_CLIENT_|AUTH_TENANT_|APPLICATIONINSIGHTS_|APPINSIGHTS_|https?_proxy$|no_proxy$)/i;

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const dir = await mkdtemp(join(tmpdir(), 'agents-playground-'));
  const logFile = join(dir, 'playground.log');
  const configPath = options.configPath ?? join(dir, 'playground.yml');
  if (!options.configPath) await writeFile(configPath, options.configYaml ?? playgroundConfigYaml());
  // A missing config file is not an error to the playground: it silently uses its built-in users.
  if (!existsSync(configPath)) throw new Error(`playground config file not found: ${configPath}`);

  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !INHERITED_PLAYGROUND_ENV.test(name)),
  );
  Object.assign(env, {
    PLAYGROUND_HARNESS_DIR: dir, // for the watchdog
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    // Default is ./devTools/m365agentsplayground.log in the working directory.
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    // --disable-telemetry stops the usage events, but Application Insights still sends
    // "statsbeat" to *.in.applicationinsights.azure.com at start-up unless this is set.
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    // The playground routes its calls to the bot through HTTP(S)_PROXY; the bot is on loopback.
    NO_PROXY: '*',
    ...(!options.openBrowser && { TEAMSAPPTESTER_BROWSER: 'none' }),
  });

  const clientLocale = options.clientLocale === undefined ? 'nl-NL' : options.clientLocale;
  const relay: LocaleRelay | undefined = clientLocale
    ? await startLocaleRelay(options.botUrl, clientLocale)
    : undefined;
  const args = [
    CLI,
    '-e',
    relay?.url ?? options.botUrl,
    '-c',
    'msteams',
    '--disable-telemetry',
    '-p',
    String(options.port ?? 0),
  ];
  // Own process group, so stop() ends it and anything it started; behind a watchdog, so it also
  // ends when this process dies without stopping it (Ctrl-C, a killed test worker).
  const child = spawn(process.execPath, ['-e', WATCHDOG, ...args], {
    cwd: dir,
    env,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  let socket: WebSocket | undefined;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      process.removeListener('exit', killOnExit);
      socket?.terminate();
      await endGroup(child);
      await relay?.stop();
      await rm(dir, { recursive: true, force: true });
    })());

  try {
    const port = await waitForListening(child, logFile, options.readyTimeoutMs ?? 15_000);
    const api = `http://127.0.0.1:${port}`;
    await waitForApi(`${api}/_internal/v1/testConfig`, child, logFile, options.readyTimeoutMs ?? 15_000);
    const events: StreamEvent[] = [];
    const waiters = new Set<() => void>();
    if (options.collectMessages ?? true) {
      socket = await openStream(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`, (event) => {
        events.push(event);
        for (const wake of waiters) wake();
      });
    }
    const stream = createStream(events, waiters);
    const json = jsonClient(api);
    const playground: Playground = {
      url: `http://localhost:${port}`,
      port,
      pid: child.pid!,
      exited,
      stream,
      config: () => json<PlaygroundConfig>('GET', '/_internal/v1/testConfig'),
      install: async (conversationId) => {
        await json('POST', `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
      },
      sendMessage: async (conversationId, fromUserId, text, { mentionBot = false } = {}) => {
        const body: Record<string, unknown> = { from: { id: fromUserId }, text, textFormat: 'plain' };
        if (mentionBot) {
          const { bot } = (await playground.config()).config;
          const at = `<at>${bot.name}</at>`;
          Object.assign(body, { text: `${at} ${text}`, mentions: [{ mentioned: { id: bot.id }, text: at }] });
        }
        return json('POST', `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body);
      },
      sendActivityAs: async (activity) => {
        await json('POST', '/_internal/v1/customActivities', activity);
      },
      messageFrom: async (conversationId, from, text) => {
        const { config } = await playground.config();
        const group = config.groupChats.some((c) => c.id === conversationId);
        const personal = config.personalChat.id === conversationId;
        return {
          type: 'message',
          id: `custom-${Date.now()}-${Math.random().toString(16).slice(2)}`,
          timestamp: new Date().toISOString(),
          channelId: 'msteams',
          serviceUrl: `${api.replace('127.0.0.1', 'localhost')}/_connector`,
          from,
          recipient: config.bot,
          conversation: {
            id: conversationId,
            tenantId: config.tenantId,
            conversationType: personal ? 'personal' : group ? 'groupChat' : 'channel',
            ...(group && { isGroup: true }),
          },
          text,
          textFormat: 'plain',
          locale: clientLocale ?? 'en-US',
          channelData: { tenant: { id: config.tenantId } },
        };
      },
      invoke: (conversationId, fromUserId, replyToId, { verb, data = {} }) =>
        json<InvokeResponse>('POST', '/_conversation/v1/invoke', {
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
          from: { id: fromUserId },
          conversation: { id: conversationId },
          replyToId,
        }),
      submit: async (conversationId, fromUserId, replyToId, value) => {
        await json('POST', '/_conversation/v1/submit', {
          from: { id: fromUserId },
          conversation: { id: conversationId },
          replyToId,
          value,
        });
      },
      botIdle: async (quietMs = 300, timeoutMs = 10_000) => {
        if (!relay) throw new Error('playground: botIdle() needs the locale relay (clientLocale not null)');
        await relay.idle(quietMs, timeoutMs);
        // The playground relays the bot's messages to the stream as they arrive; allow for the hop.
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
      log: () => readLog(logFile),
      stop,
    };
    return playground;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The Adaptive Cards in a stream event's message. */
export function cardsOf(event: StreamEvent): Record<string, unknown>[] {
  return (event.message?.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && typeof a.content === 'object')
    .map((a) => a.content as Record<string, unknown>);
}

/** Every `text`, `title` and string `value` in a card (TextBlocks, facts, actions …), for assertions on wording. */
export function cardTexts(card: unknown): string[] {
  if (Array.isArray(card)) return card.flatMap(cardTexts);
  if (card === null || typeof card !== 'object') return [];
  return Object.entries(card).flatMap(([key, value]) =>
    (key === 'text' || key === 'title' || key === 'value') && typeof value === 'string' ? [value] : cardTexts(value),
  );
}

function createStream(events: StreamEvent[], waiters: Set<() => void>): MessageStream {
  return {
    events,
    cursor: () => events.length,
    waitFor: (predicate, { timeoutMs = 10_000, after = 0, what = 'a matching bot message' } = {}) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.slice(after).find(predicate);
          if (!found) return;
          finish();
          resolve(found);
        };
        const timer = setTimeout(() => {
          finish();
          const seen = events.slice(after).map(describeEvent);
          reject(new Error(`playground: no ${what} within ${timeoutMs} ms; bot sent: ${JSON.stringify(seen)}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
  };
}

function describeEvent(event: StreamEvent): string {
  const cards = cardsOf(event).map((card) => cardTexts(card).join(' | '));
  return `${event.action} in ${event.actionConversationId}: ${event.message?.text ?? ''}${cards.length ? ` [card: ${cards.join('; ')}]` : ''}`.slice(
    0,
    300,
  );
}

function jsonClient(api: string) {
  return async <T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`playground ${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** When stdout is not a terminal the playground writes exactly one line there: "Listening on <port>". */
function waitForListening(child: ChildProcess, logFile: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const fail = async (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`playground did not start: ${reason}\n${stderr}${await readLog(logFile)}`));
    };
    const timer = setTimeout(() => void fail(`no "Listening on" within ${timeoutMs} ms`), timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Listening on (\d+)/.exec(stdout);
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(Number(match[1]));
    });
    child.once('exit', (code, signal) => void fail(`exited (${signal ?? code})`));
    child.once('error', (error) => void fail(error.message));
  });
}

/** "Listening" comes before the API is mounted; a bad config file makes it exit just after. */
async function waitForApi(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`playground exited (${child.signalCode ?? child.exitCode}):\n${await readLog(logFile)}`);
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`playground API not ready within ${timeoutMs} ms:\n${await readLog(logFile)}`);
}

function openStream(url: string, onEvent: (event: StreamEvent) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('message', (data) => onEvent(JSON.parse(data.toString()) as StreamEvent));
    socket.once('open', () => resolve(socket));
    socket.once('error', (error) => reject(new Error(`playground message stream: ${error.message}`)));
  });
}

async function readLog(logFile: string): Promise<string> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  return text.split('\n').slice(-40).join('\n');
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is gone already.
  }
}

async function endGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL'); // the CLI may be gone while something it started is not
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 3_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    killGroup(child, 'SIGKILL');
    await exited;
  }
  killGroup(child, 'SIGKILL');
}
