/**
 * `npm run dev`: the bot and the Microsoft 365 Agents Playground as its Teams client, offline.
 *
 *   npm run dev                                   # you are the demo counsellor (Bea Begeleider)
 *   PLAYGROUND_USER=landlord-vidomes npm run dev  # you are another demo role
 *   MONGODB_URI=mongodb://… npm run dev           # keep the data in MongoDB instead of memory
 *
 * The bot runs in this process in local mode (no Bot Framework credentials: the playground has
 * none offline), with the covenant parties and the demo contacts seeded, each demo contact tied
 * to a playground user (bot/dev/playground-identities.ts). The playground only lets its current
 * user type, so another role means a restart with PLAYGROUND_USER.
 *
 * Browser: the playground opens one itself when it can. On Linux without a display or without
 * xdg-open it would crash trying, so there it is told not to, and you open the printed URL.
 * TEAMSAPPTESTER_BROWSER=none never opens one. Ctrl-C stops both.
 */
import { execFileSync } from 'node:child_process';
import { parseConfig, type BotConfig, type Env } from '../bot/config';
import { createLogger } from '../bot/logger';
import { nl } from '../bot/i18n/nl';
import { startBot, type RunningBot } from '../bot/main';
import {
  DEFAULT_PLAYGROUND_ROLE,
  PLAYGROUND_IDENTITIES,
  PLAYGROUND_USERS,
  playgroundConfigYaml,
} from '../bot/dev/playground-identities';
import { COVENANT_PARTY_ENTRIES } from '../src/parties/covenant-parties';
import { DEMO_CONTACTS, type DemoRole } from '../src/parties/demo-contacts';
import { startPlayground, type Playground } from './playground/playground';

// Where the playground's web UI lives when the port is free: a stable URL to bookmark.
const PLAYGROUND_PORT = 56150;

function chosenRole(): DemoRole {
  const wanted = process.env.PLAYGROUND_USER?.trim();
  if (!wanted) return DEFAULT_PLAYGROUND_ROLE;
  const user = PLAYGROUND_USERS.find((u) => u.role === wanted || u.id === wanted);
  if (!user) {
    fail(
      `PLAYGROUND_USER=${wanted} is not a demo role. Choose one of: ${PLAYGROUND_USERS.map((u) => u.role).join(', ')}`,
    );
  }
  return user.role;
}

function devConfig(): BotConfig {
  const env: Env = { ...process.env, SEED_DEMO: 'true', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  // Offline, the playground cannot fetch Bot Framework tokens, so the bot must not expect them.
  for (const name of ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TYPE', 'MICROSOFT_APP_TENANT_ID']) {
    delete env[name];
  }
  return parseConfig(env);
}

function canOpenBrowser(): boolean {
  if (process.env.TEAMSAPPTESTER_BROWSER === 'none') return false;
  if (process.platform !== 'linux') return true;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  try {
    execFileSync('sh', ['-c', 'command -v xdg-open'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function describeRole(role: DemoRole): string {
  const contact = DEMO_CONTACTS[role];
  const party = COVENANT_PARTY_ENTRIES.find((p) => p.id === contact.partyId)?.name ?? contact.partyId;
  return `${contact.name}, ${nl.roles[contact.role]} bij ${party}`;
}

function banner(bot: RunningBot, pg: Playground, role: DemoRole, store: string, browser: boolean): string {
  const others = PLAYGROUND_USERS.filter((u) => u.role !== role)
    .slice(0, 5)
    .map((u) => u.name)
    .join(', ');
  const line = '─'.repeat(78);
  return [
    line,
    ' Convenantbot — development',
    ` Bot:         ${bot.url}/api/messages  (store: ${store})`,
    ` Playground:  ${pg.url}  ${browser ? '(opening in your browser)' : '← open this in a browser'}`,
    ` You are:     ${describeRole(role)} — in "Personal Chat" with the bot`,
    ` Also there:  ${others} (group chat and team; only you can type)`,
    ` Other role:  PLAYGROUND_USER=<role> npm run dev, with <role> one of`,
    `              ${PLAYGROUND_USERS.map((u) => u.role).join(', ')}`,
    ` Logs:        LOG_LEVEL=info npm run dev for one line per turn`,
    ' Stop:        Ctrl-C',
    line,
  ].join('\n');
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const role = chosenRole();
  const config = devConfig();
  const hadCredentials = Boolean(process.env.MICROSOFT_APP_ID);
  const bot = await startBot(config, {
    logger: createLogger(config.logLevel),
    demoIdentities: PLAYGROUND_IDENTITIES,
    shutdownTimeoutMs: 3_000,
  });
  const browser = canOpenBrowser();
  let pg: Playground;
  try {
    pg = await startPlayground({
      botUrl: `${bot.url}/api/messages`,
      configYaml: playgroundConfigYaml(role),
      port: PLAYGROUND_PORT,
      openBrowser: browser,
      // The browser is the client here: the playground gives buffered messages to the first one.
      collectMessages: false,
    });
  } catch (error) {
    await bot.stop();
    throw error;
  }

  const store = config.mongodbUri ? `MongoDB, database ${config.mongodbDb}` : 'in memory, gone on exit';
  process.stdout.write(`${banner(bot, pg, role, store, browser)}\n`);
  if (hadCredentials)
    process.stdout.write(' (MICROSOFT_APP_* ignored: the playground talks to the bot unauthenticated.)\n');

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await pg.stop();
    await bot.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `once`: a second Ctrl-C while stopping ends the process the hard way (the playground's
    // watchdog still takes the playground down with it).
    process.once(signal, () => void stop(0));
  }
  void pg.exited.then(async (how) => {
    if (stopping) return;
    process.stderr.write(`The Agents Playground stopped (${how}). Its last log lines:\n${await pg.log()}\n`);
    await stop(1);
  });
}

main().catch((error: unknown) => fail(`npm run dev failed: ${(error as Error).message}`));
