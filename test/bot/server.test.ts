import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../bot/main';
import { createLogger } from '../../bot/logger';
import { createStore } from '../../src/storage/create-store';
import type { Store } from '../../src/storage/ports';
import { DEMO, postActivity, startTestBot, teamsActivity } from '../support/teams-bot';

const running: RunningBot[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((bot) => bot.stop()));
});

async function start(...args: Parameters<typeof startTestBot>): Promise<RunningBot> {
  const bot = await startTestBot(...args);
  running.push(bot);
  return bot;
}

async function status(bot: RunningBot, path: string): Promise<number> {
  return (await fetch(`${bot.url}${path}`)).status;
}

/** From now on the store's contact look-up waits until `release()`: a turn that stays in flight. */
function holdLookUps(store: Store) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const lookUpStarted = new Promise<void>((resolve) => (entered = resolve));
  const findByContactAadObjectId = store.parties.findByContactAadObjectId.bind(store.parties);
  store.parties.findByContactAadObjectId = async (aadObjectId) => {
    entered();
    await released;
    return findByContactAadObjectId(aadObjectId);
  };
  return { release, lookUpStarted };
}

describe('probes', () => {
  it('/healthz answers 200 while the process is up', async () => {
    const bot = await start();
    expect(await status(bot, '/healthz')).toBe(200);
  });

  it('/readyz answers 200 when the store answers', async () => {
    const bot = await start();
    expect(await status(bot, '/readyz')).toBe(200);
  });

  it('/readyz answers 503 when the store does not', async () => {
    const store: Store = { ...(await createStore({})), ping: () => Promise.reject(new Error('no database')) };
    const bot = await start({}, { store });
    expect(await status(bot, '/readyz')).toBe(503);
  });

  it('/readyz answers 503 within about a second when the store hangs', async () => {
    const store: Store = { ...(await createStore({})), ping: () => new Promise(() => undefined) };
    const bot = await start({}, { store });
    const started = Date.now();
    expect(await status(bot, '/readyz')).toBe(503);
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});

describe('authentication', () => {
  it('refuses an activity without a token once credentials are configured', async () => {
    const bot = await start({
      MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
      MICROSOFT_APP_PASSWORD: 'x',
      HOST: '127.0.0.1',
    });
    const answer = await postActivity(bot, teamsActivity(DEMO['counsellor-parnassia'], { text: 'help' }));
    expect(answer.status).toBe(401);
    expect(answer.messages).toEqual([]);
  });
});

describe('stop', () => {
  it('waits for a turn in flight, answers it, then refuses new connections', async () => {
    const bot = await start();
    const { release, lookUpStarted } = holdLookUps(bot.store);
    const answer = postActivity(bot, teamsActivity(DEMO['counsellor-parnassia'], { text: 'help' }));
    await lookUpStarted;

    let stopped = false;
    const stopping = bot.stop().then((result) => {
      stopped = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stopped).toBe(false);

    release();
    expect((await answer).messages).toHaveLength(1);
    expect(await stopping).toEqual({ graceful: true });
    await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
  });

  it('gives up on a turn that outlasts the timeout', async () => {
    const bot = await start({}, { shutdownTimeoutMs: 100 });
    const { release, lookUpStarted } = holdLookUps(bot.store);
    const answer = postActivity(bot, teamsActivity(DEMO['counsellor-parnassia'], { text: 'help' })).catch((e) => e);
    await lookUpStarted;
    expect(await bot.stop()).toEqual({ graceful: false });
    release();
    await answer;
  });

  it('closes the store it created, and only that one', async () => {
    const own = await start();
    await own.stop();
    await expect(own.store.ping()).rejects.toThrow();

    const store = await createStore({});
    const borrowed = await start({}, { store });
    await borrowed.stop();
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('logs', () => {
  it('record the shape of a turn, never its text or who sent it', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const bot = await start({}, { logger });
    const counsellor = DEMO['counsellor-parnassia'];
    await postActivity(bot, teamsActivity(counsellor, { text: 'aanmelding voor Jan Jansen, geboren 1-2-1980' }));
    await postActivity(bot, teamsActivity('not-a-contact', { text: 'ik ben Piet Pietersen' }));

    const log = lines.join('');
    expect(log).toContain('"activityType":"message"');
    for (const secret of ['Jansen', '1980', 'Pietersen', counsellor, 'not-a-contact', 'Test Gebruiker']) {
      expect(log).not.toContain(secret);
    }
  });
});
