/**
 * `npm run test:browser`: the nomination card in the Agents Playground's own web UI, in headless
 * Debian chromium (playwright-core; `apt-get install chromium`), as a person would fill it:
 * typing in the chat, clicking radio buttons, drop-downs, check boxes and buttons. Writes the
 * screenshots of docs/screenshots/ and prints how many fields, clicks and keystrokes it took.
 *
 * Bot and playgrounds as `npm run dev` starts them, in memory, with one playground (and browser
 * tab) per person: Bea Begeleider nominates in hers; Victor Verhuur (Vidomes) has his open, so
 * the bot knows his chat and his card shows up there. The bot's clock starts on Monday 16 June
 * 2025, so the dates on the screenshots stay the same from run to run.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Locator, type Page } from 'playwright-core';
import { launchChromium, type Chromium } from './chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../bot/config';
import { playgroundConfigYaml, PLAYGROUND_IDENTITIES } from '../../bot/dev/playground-identities';
import { createLogger } from '../../bot/logger';
import { startBot, type RunningBot } from '../../bot/main';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import { startPlayground, type Playground } from '../support/playground';

const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const START = Date.parse('2025-06-16T08:00:00.000Z');

/** Plays the person at the keyboard, counting what they do. */
class Person {
  clicks = 0;
  keystrokes = 0;
  readonly fields = new Set<string>();

  constructor(readonly page: Page) {}

  /** The card the chat shows last: the one being filled in. */
  card(): Locator {
    return this.page.locator('.ac-adaptiveCard').last();
  }

  async say(text: string): Promise<void> {
    await this.page.locator('[data-lexical-editor=true]').click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    this.count(1, text.length + 1);
  }

  async type(field: RegExp, text: string): Promise<void> {
    const box = this.card().getByRole('textbox', { name: field });
    await box.click();
    await box.pressSequentially(text);
    this.count(1, text.length, field);
  }

  /**
   * A date field: a click opens the playground's calendar; Escape closes it and leaves the
   * cursor in the field, where a date can be typed. It reads dates the American way (01-05-1990
   * is 5 January), so the test types ISO dates, which it reads unambiguously.
   */
  async date(field: RegExp, iso: string): Promise<void> {
    // The field's accessible name changes while its calendar is open: hold on to its id.
    const id = await this.card().getByRole('combobox', { name: field }).getAttribute('id');
    const input = this.page.locator(`[id="${id}"]`);
    await input.click();
    await this.page.keyboard.press('Escape');
    await input.pressSequentially(iso);
    await input.press('Tab');
    this.count(1, iso.length + 2, field);
  }

  async choose(question: RegExp, answer: string): Promise<void> {
    await this.card().getByRole('radiogroup', { name: question }).getByRole('radio', { name: answer }).check();
    this.count(1, 0, question);
  }

  /** A drop-down: open it, click the answer. */
  async pick(question: RegExp, answer: string): Promise<void> {
    await this.card().getByRole('combobox', { name: question }).click();
    await this.page.getByRole('option', { name: answer, exact: true }).click();
    this.count(2, 0, question);
  }

  async tick(box: RegExp): Promise<void> {
    await this.card().getByRole('checkbox', { name: box }).check();
    this.count(1, 0, box);
  }

  async press(button: string): Promise<void> {
    await this.card().getByRole('button', { name: button, exact: true }).click();
    this.count(1, 0);
  }

  private count(clicks: number, keystrokes: number, field?: RegExp): void {
    this.clicks += clicks;
    this.keystrokes += keystrokes;
    if (field) this.fields.add(field.source);
  }
}

/**
 * Writes a screenshot of the page with `showing` in view: at the top of the chat pane with
 * `top`, else wherever scrolling it into view puts it. The mouse is moved away first, so no
 * button shows as hovered.
 */
async function screenshot(page: Page, name: string, showing: Locator, { top = false } = {}): Promise<void> {
  if (top) await showing.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  else await showing.scrollIntoViewIfNeeded();
  await page.mouse.move(1, 1);
  await page.waitForTimeout(300); // let the scroll and the card's layout settle
  await page.screenshot({ path: join(SHOTS, name) });
}

describe('the nomination card in the playground, in a browser', () => {
  let bot: RunningBot | undefined;
  const playgrounds: Playground[] = [];
  let browser: BrowserContext | undefined;
  let chrome: Chromium | undefined;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const offset = START - Date.now();
    bot = await startBot(parseConfig({ PORT: '0', SEED_DEMO: 'true' }), {
      store: createMemoryStore(),
      demoIdentities: PLAYGROUND_IDENTITIES,
      logger: createLogger('error'),
      clock: () => new Date(Date.now() + offset),
      outbox: { pollIntervalMs: 200 },
    });
    const botUrl = `${bot.url}/api/messages`;
    // The browser is each playground's client: the playground hands its messages to the first one.
    for (const role of ['counsellor-parnassia', 'landlord-vidomes'] as const) {
      playgrounds.push(
        await startPlayground({ botUrl, configYaml: playgroundConfigYaml(role), collectMessages: false }),
      );
    }
    chrome = await launchChromium();
    browser = chrome.context;
  }, 60_000);

  afterAll(async () => {
    await chrome?.close();
    await Promise.all(playgrounds.map((pg) => pg.stop()));
    await bot?.stop();
    await bot?.store.close();
  });

  it('is filled in, step by step, up to the verdict; the landlord gets his card', async () => {
    const [beas, victors] = playgrounds as [Playground, Playground];
    // Opening the playground adds the app to the person's chat, as in Teams: the bot greets them.
    const victor = await browser!.newPage();
    await victor.goto(victors.url);
    await victor.getByText('Je bent bekend als vaste contactpersoon van Stichting Vidomes').waitFor();

    const page = browser!.pages()[0] ?? (await browser!.newPage());
    await page.bringToFront();
    await page.goto(beas.url);
    const help = page.getByText('Je bent bekend als begeleider van Parnassia Haaglanden');
    await help.waitFor();
    await screenshot(page, '01-help.png', help);

    const bea = new Person(page);
    await bea.say('aanmelden');
    const step1 = page.getByText('Stap 1 van 3: Kandidaat en huishouden');
    await step1.waitFor();
    await screenshot(page, '02-step1.png', page.getByText('Aanmelding kandidaat huurder'), { top: true });

    // A first try with only the date of birth: the card comes back with what is missing.
    await bea.date(/Geboortedatum/, '1990-05-01');
    await bea.press('Volgende');
    const banner = page.getByText('Niet opgeslagen: kijk naar de meldingen bij de velden.');
    await banner.waitFor();
    expect(await bea.card().getByText('Vul dit in.').count()).toBe(1); // the name
    expect(await bea.card().getByText('Kies een antwoord.').count()).toBe(3); // the three questions
    expect(
      await bea
        .card()
        .getByRole('combobox', { name: /Geboortedatum/ })
        .inputValue(),
    ).toBe('May 1, 1990');
    await screenshot(page, '03-step1-errors.png', bea.card().getByText('Naam kandidaat huurder *'), { top: true });

    await bea.type(/Naam kandidaat huurder/, 'Anna de Vries');
    await bea.date(/einddatum intramurale/, '2025-09-01');
    await bea.choose(/Wlz/, 'Nee');
    await bea.choose(/zelfstandig te wonen/, 'Ja');
    await bea.choose(/grensoverschrijdend/, 'Nee');
    await bea.press('Volgende');

    await page.getByText('Stap 2 van 3: Woonperiodes, wensen en verhuurders').waitFor();
    await bea.date(/Periode 1: van/, '2010-01-01');
    await bea.pick(/5\.6c/, 'Voldoet');
    await bea.choose(/Woonnet/, 'Ja');
    await bea.type(/^Woonvereisten/, 'Gelijkvloers, twee kamers');
    await bea.tick(/Stichting Vidomes/);
    await bea.tick(/Stichting WoonInvest/);
    await screenshot(page, '04-step2.png', bea.card().getByRole('textbox', { name: /^Woonvereisten/ }));
    await bea.press('Volgende');

    await page.getByText('Stap 3 van 3: Toetsingscriteria (5.6)').waitFor();
    for (const item of ['5.6a', '5.6d', '5.6e', '5.6f', '5.6g', '5.6i', '5.6j', '5.6l']) {
      await bea.pick(new RegExp(`^${item.replace('.', '\\.')} `), 'Voldoet');
    }
    await bea.pick(/^5\.6h /, 'Niet van toepassing: geen regeling nodig');
    await bea.pick(/^5\.6k /, 'Nee');
    await screenshot(page, '05-step3.png', bea.card().getByRole('button', { name: 'Indienen' }));
    await bea.press('Indienen');

    const verdict = page.getByText('Voldoet aan de criteria');
    await verdict.waitFor();
    expect(await bea.card().getByText('16-09-2025').count()).toBe(1); // the 5.4 target date
    expect(await bea.card().getByText('plaats 1').count()).toBe(2); // Vidomes and WoonInvest
    await screenshot(page, '06-verdict.png', page.getByText('Aanmelding Anna de Vries'));

    // Victor's tab: the landlord's card arrived in his chat while Bea was busy.
    await victor.bringToFront();
    const landlordCard = victor.getByText('Aanmelding Anna de Vries');
    await landlordCard.waitFor();
    await expect.poll(() => victor.getByRole('button', { name: 'Ontvangst bevestigen' }).count()).toBe(1);
    await screenshot(victor, '07-landlord-card.png', landlordCard, { top: true });

    // For the README's estimate of how long a first-timer takes (see the report in the PR).
    console.info(
      `nomination card: ${bea.fields.size} fields, ${bea.clicks} clicks, ${bea.keystrokes} keystrokes ` +
        '(typing "aanmelden" and the first try included)',
    );
  });
});
