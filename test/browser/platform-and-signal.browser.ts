/**
 * `npm run test:browser`: the platform channel's digest card (`status`, art. 3, 10.2) and a
 * signal card (8.2) in the Agents Playground's own web UI, in headless Debian chromium
 * (playwright-core), for docs/screenshots/08-digest.png and 09-signal.png.
 *
 * One bot (in memory, PLATFORM_CHANNEL_ID set to the playground's "Platform" channel) and one
 * playground with Bea Begeleider (Parnassia) as the current user: she is the one who types, both
 * in the channel and in her own chat. A few nominations are seeded through the NominationService in
 * different states, one of them up to the signed lease, so the digest shows counts and bars; on
 * that tenancy Victor Verhuur (Vidomes) sends a nuisance signal (overlast), which the outbox worker
 * brings to Bea's 1:1 chat, with its acknowledge button. The bot's clock starts on Monday 16 June
 * 2025, so the dates on the screenshots stay the same from run to run.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Locator, type Page } from 'playwright-core';
import { launchChromium, type Chromium } from './chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../bot/config';
import {
  playgroundConfigYaml,
  PLAYGROUND_CHANNEL_ID,
  PLAYGROUND_IDENTITIES,
} from '../../bot/dev/playground-identities';
import { createLogger } from '../../bot/logger';
import { startBot, type RunningBot } from '../../bot/main';
import { notifyNominationChange } from '../../bot/outbox/notify-nomination';
import { notifySignalSent } from '../../bot/signals/notify-signal';
import type { DraftFields } from '../../src/nomination/draft';
import { NominationService } from '../../src/nomination/service';
import { SignalService } from '../../src/signals/signal-service';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import { startPlayground, type Playground } from '../support/playground';
import { demoActor, secretDraftFields, seedRegistered, TestClock } from '../support/status-flow';
import { seedTenancy } from '../support/tenancy';

const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const START = Date.parse('2025-06-16T08:00:00.000Z');
const OFFSET = START - Date.now();

/** The bot's clock: real time, shifted to start on Monday 16 June 2025; also what the seeding uses. */
class ShiftedClock extends TestClock {
  override readonly clock = () => new Date(Date.now() + OFFSET);
}

/** Plain draft fields for a candidate (the marker nomination's, with a readable name and wishes). */
function fieldsFor(name: string, overrides: Partial<DraftFields> = {}): DraftFields {
  return secretDraftFields({
    type: 'convenantwoning',
    noodwoning: undefined,
    viaMayor: undefined,
    candidate: { name, dateOfBirth: '1990-05-01', household: { adults: 1, minorChildren: 0 } },
    residencyMaatwerkMotivation: undefined,
    requirements: { housing: 'Gelijkvloers, twee kamers' },
    checklist: {},
    ...overrides,
  });
}

/** Writes a screenshot with `showing` at the top of the chat pane, the mouse out of the way. */
async function screenshot(page: Page, name: string, showing: Locator): Promise<void> {
  await showing.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.mouse.move(1, 1);
  await page.waitForTimeout(300); // let the scroll and the card's layout settle
  await page.screenshot({ path: join(SHOTS, name) });
}

describe('the platform channel and a signal in the playground, in a browser', () => {
  let bot: RunningBot | undefined;
  let playground: Playground | undefined;
  let browser: BrowserContext | undefined;
  let chrome: Chromium | undefined;
  const time = new ShiftedClock();

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    bot = await startBot(parseConfig({ PORT: '0', SEED_DEMO: 'true', PLATFORM_CHANNEL_ID: PLAYGROUND_CHANNEL_ID }), {
      store: createMemoryStore(),
      demoIdentities: PLAYGROUND_IDENTITIES,
      logger: createLogger('error'),
      clock: time.clock,
      outbox: { pollIntervalMs: 200 },
      digestScheduler: false,
      reminderScheduler: false,
    });
    playground = await startPlayground({
      botUrl: `${bot.url}/api/messages`,
      configYaml: playgroundConfigYaml('counsellor-parnassia'),
      collectMessages: false,
    });
    chrome = await launchChromium();
    browser = chrome.context;
  }, 60_000);

  afterAll(async () => {
    await chrome?.close();
    await playground?.stop();
    await bot?.stop();
    await bot?.store.close();
  });

  it('shows the digest in the Platform channel and the signal card in the counsellor’s chat', async () => {
    const store = bot!.store;
    // Nominations in different states: registered, acknowledged, a home proposed, a signed lease.
    const service = new NominationService({ store, clock: time.clock, origin: 'test' });
    const tenancy = await seedTenancy(store, time, { id: 'nom-anna', fields: fieldsFor('Anna de Vries') });
    await seedRegistered(store, time, fieldsFor('Bram Jansen'), 'nom-bram');
    await seedRegistered(
      store,
      time,
      fieldsFor('Chantal Bakker', { targetLandlordIds: ['wooninvest'] }),
      'nom-chantal',
    );
    const { nomination: daan } = await seedRegistered(store, time, fieldsFor('Daan Smit'), 'nom-daan');
    const acknowledged = await service.apply(daan.id, demoActor('landlord-vidomes'), 'acknowledge', {}, daan.version);
    if (!acknowledged.ok) throw new Error(acknowledged.error.message);
    await notifyNominationChange({ store, clock: time.clock }, acknowledged);
    const proposed = await service.apply(
      daan.id,
      demoActor('landlord-vidomes'),
      'propose-home',
      { description: 'Parkweg 3, Leidschendam' },
      acknowledged.nomination.version,
    );
    if (!proposed.ok) throw new Error(proposed.error.message);
    // Nobody has the app open yet: these notifications find no chat.
    await bot!.outbox.drainOnce();

    // Opening the playground adds the app to Bea's chat, as in Teams: the bot greets her.
    const page = browser!.pages()[0] ?? (await browser!.newPage());
    await page.goto(playground!.url);
    await page.getByText('Je bent bekend als begeleider van Parnassia Haaglanden').waitFor();

    // Victor reports nuisance on Anna's tenancy (8.2 "direct aan elkaar"): to Bea's chat at once.
    const signals = new SignalService({ store, clock: time.clock, origin: 'test' });
    const sent = await signals.send(
      demoActor('landlord-vidomes'),
      tenancy.id,
      { kind: 'overlast', note: 'Buren melden harde muziek na middernacht, drie keer deze week.' },
      'signal-overlast-1',
    );
    if (!sent.ok) throw new Error(sent.error.code);
    await notifySignalSent({ store, clock: time.clock }, sent.signal, undefined);
    await bot!.outbox.drainOnce();

    // The Platform channel: "@Convenantbot status".
    await page.getByText('Platform', { exact: true }).first().click();
    const post = page.locator('[data-lexical-editor=true]').first();
    await post.click();
    await page.keyboard.type('@Conv');
    await page.waitForTimeout(800);
    await page.getByText('Convenantbot', { exact: true }).last().click();
    await page.keyboard.type(' status');
    await page.keyboard.press('Enter');
    const digest = page.getByText('Stand van het convenant').first();
    await digest.waitFor();
    await screenshot(page, '08-digest.png', digest);

    // Back to Bea's own chat: the signal card, with its acknowledge button.
    await page.getByText('Personal Chat', { exact: true }).first().click();
    const button = page.getByRole('button', { name: 'Ontvangst bevestigen' }).last();
    await button.waitFor();
    const card = page.locator('.ac-adaptiveCard').filter({ has: button }).last();
    expect(await card.getByText(/overlast/i).count()).toBeGreaterThan(0);
    await screenshot(page, '09-signal.png', card);
  });
});
