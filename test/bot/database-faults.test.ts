/**
 * The bot through a database outage (issue 6, item 6): a FerretDB of this test's own, killed
 * (SIGKILL) mid-run and started again on the same port and data directory. While it is down a
 * counsellor hears "tijdelijk niet beschikbaar" within seconds (not a Teams timeout), the
 * nomination card comes back with what was typed in it, /readyz says 503 and /healthz 200. Once
 * it is back the bot recovers by itself: /readyz 200, the same button press goes through, the
 * data written before is there, and the notifications enqueued before are delivered.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../bot/i18n/nl';
import type { RunningBot } from '../../bot/main';
import { PARNASSIA_ID } from '../../src/parties/covenant-parties';
import { findOrBuildFerretDb } from '../setup/ferretdb-binary';
import { freeLoopbackPort, startFerretDbProcess, type FerretDbProcess } from '../setup/ferretdb-server';
import { buttonFor, cardOf, inputValue, stepOf, TeamsUser, texts } from '../support/nomination-card-driver';
import { NOW, STEP1, STEP2, STEP3 } from '../support/nomination-form-values';
import { install, personalChat } from '../support/status-flow';
import { DEMO, startTestBot } from '../support/teams-bot';
import { startFakeTeamsConnector, type FakeTeamsConnector } from '../support/teams-connector';

const VICTOR = personalChat(DEMO['landlord-vidomes']);
const WIM = personalChat(DEMO['landlord-wooninvest']);
/** How long the driver looks for a server before a call fails: what a user waits during an outage. */
const SELECTION_MS = 1_500;
/** Well inside the 10–15 s Teams gives a card action. */
const ANSWER_WITHIN_MS = 5_000;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const status = async (bot: RunningBot, path: string) => (await fetch(`${bot.url}${path}`)).status;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - started) };
}

describe('the bot through a database outage', () => {
  let binary: string;
  let dataDir: string;
  let port: number;
  let db: FerretDbProcess | undefined;
  let connector: FakeTeamsConnector;
  let bot: RunningBot | undefined;

  beforeAll(async () => {
    binary = await findOrBuildFerretDb();
    dataDir = await mkdtemp(join(tmpdir(), 'convenantbot-outage-'));
    port = await freeLoopbackPort();
    db = await startFerretDbProcess(binary, dataDir, port);
    connector = await startFakeTeamsConnector();
    // The dates on the cards are checked against "today": time runs from the form values' NOW.
    const startedAt = Date.now();
    bot = await startTestBot(
      { MONGODB_URI: `mongodb://127.0.0.1:${port}/?serverSelectionTimeoutMS=${SELECTION_MS}`, MONGODB_DB: 'outage' },
      { clock: () => new Date(NOW.getTime() + Date.now() - startedAt), outbox: { pollIntervalMs: 200 } },
    );
  });

  afterAll(async () => {
    await bot?.stop();
    await db?.stop();
    await connector?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers "tijdelijk niet beschikbaar", keeps the card, and recovers by itself', { timeout: 90_000 }, async () => {
    const running = bot!;
    const user = new TeamsUser(running, DEMO['counsellor-parnassia']);
    await install(running, connector, 'landlord-vidomes');
    await install(running, connector, 'landlord-wooninvest');

    // Before: nomination A submitted. Teams throttles its two notifications, so they wait in the outbox.
    connector.failNext(VICTOR, { status: 429, headers: { 'Retry-After': '4' } });
    connector.failNext(WIM, { status: 429, headers: { 'Retry-After': '4' } });
    let card = cardOf(await user.type('aanmelden'));
    card = cardOf(await user.press(buttonFor(card, 'next'), STEP1));
    card = cardOf(await user.press(buttonFor(card, 'next'), STEP2));
    expect(texts(cardOf(await user.press(buttonFor(card, 'submit'), STEP3)))).toContain('Voldoet aan de criteria');
    const [a] = await running.store.nominations.find({ nominatingPartyId: PARNASSIA_ID, states: ['registered'] });
    const waiting = [VICTOR, WIM].map((chat) => `${a!.id}:v${a!.version}:user:${chat.slice('a:personal-'.length)}`);
    await until('the throttled notifications to be rescheduled', async () => {
      const messages = await Promise.all(waiting.map((id) => running.store.outbox.get(id)));
      return messages.every((m) => m?.status === 'pending' && m.attempts === 1) ? true : undefined;
    });
    // And nomination B halfway: step 1 saved as a draft, the card at step 2.
    card = cardOf(await user.type('aanmelden'));
    const step2 = cardOf(await user.press(buttonFor(card, 'next'), { ...STEP1, candidateName: 'Bram Voorbeeld' }));
    expect(stepOf(step2)).toBe(2);

    // The database dies.
    await db!.kill();
    const killedAt = performance.now();

    const typed = await timed(() => user.type('mijn aanmeldingen'));
    expect(typed.value.text).toBe(nl.storeUnavailable);
    expect(typed.ms).toBeLessThan(ANSWER_WITHIN_MS);

    const pressed = await timed(() => user.press(buttonFor(step2, 'next'), STEP2));
    const kept = cardOf(pressed.value);
    expect(pressed.ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect(stepOf(kept)).toBe(2);
    expect(texts(kept)).toContain(nl.nomination.form.storeUnavailable);
    for (const [field, value] of Object.entries(STEP2)) {
      if (value !== '') expect(inputValue(kept, field), field).toBe(value);
    }

    expect(await status(running, '/readyz')).toBe(503);
    expect(await status(running, '/healthz')).toBe(200);

    // The database comes back on the same port and data; the bot is not restarted.
    db = await startFerretDbProcess(binary, dataDir, port);
    const backAt = performance.now();
    await until('/readyz 200', async () => ((await status(running, '/readyz')) === 200 ? true : undefined));
    const readyMs = Math.round(performance.now() - backAt);

    // The same press, from the card that came back, now goes through.
    const step3 = cardOf(await user.press(buttonFor(kept, 'next'), STEP2));
    const firstTurnMs = Math.round(performance.now() - backAt);
    expect(stepOf(step3)).toBe(3);
    expect(texts(cardOf(await user.press(buttonFor(step3, 'submit'), STEP3)))).toContain('Voldoet aan de criteria');

    // What was written before the outage is still there.
    const registered = await running.store.nominations.find({
      nominatingPartyId: PARNASSIA_ID,
      states: ['registered'],
    });
    expect(registered.map((n) => n.candidate.name).sort()).toEqual(['Anna de Vries', 'Bram Voorbeeld']);
    expect(registered.find((n) => n.id === a!.id)).toMatchObject({
      version: a!.version,
      verdict: { kind: 'eligible' },
    });

    // The worker kept polling through the outage: A's notifications, throttled before it, arrive after it.
    await until('every notification sent', async () => {
      const counts = await running.store.outbox.countByStatus();
      return Object.keys(counts).join() === 'sent' && counts.sent === 4 ? counts : undefined;
    });
    for (const chat of [VICTOR, WIM]) {
      const posts = connector.delivered().filter((c) => c.conversationId === chat && c.method === 'POST');
      expect(posts, chat).toHaveLength(2);
    }
    const outageMs = Math.round(performance.now() - killedAt);
    console.info(
      `database outage: answered in ${typed.ms} ms (typed) and ${pressed.ms} ms (card) while down; ` +
        `/readyz 200 ${readyMs} ms and the first turn through ${firstTurnMs} ms after FerretDB was back; ` +
        `outage and recovery took ${outageMs} ms in all`,
    );
  });
});
