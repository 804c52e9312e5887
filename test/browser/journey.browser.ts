/**
 * `npm run test:browser`: the whole journey of test/e2e/playground-journey.test.ts in the Agents
 * Playground's own web UI, in headless Debian chromium (playwright-core; `apt-get install
 * chromium`), as the people would do it: typing in the chat, clicking radio buttons, drop-downs,
 * check boxes and buttons. Writes docs/screenshots/01-…png to 20-…png (one per step, shown in the
 * README) and prints how many fields, clicks and keystrokes the nomination card took.
 *
 * Bot and playgrounds as `npm run dev` starts them, in memory, with one playground (and browser
 * tab) per person (test/support/playground-world.ts, browser mode): Bea Begeleider (Parnassia),
 * Victor Verhuur (Vidomes), Lotte Limor (LIMOR) and Gemma Gemeente in the platform channel. The
 * story and what is typed are test/support/playground-journey.ts's. The bot's clock runs from
 * Monday 16 June 2025 10:00, so the dates on the screenshots stay the same from run to run. The
 * tests are one journey, in order.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARNASSIA_ID } from '../../src/parties/covenant-parties';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import {
  ANNA,
  ARREARS,
  EVICTED_ON,
  FAMILY,
  FORBIDDEN_FOR_LANDLORDS,
  FORBIDDEN_FOR_PLATFORM,
  HOME,
  LEASE,
  MOTIVATION,
  NUISANCE_NOTE,
  RESIDENCY_FROM,
} from '../support/playground-journey';
import { startPlaygroundWorld, type PlaygroundWorld } from '../support/playground-world';
import { START } from '../support/status-flow';
import { launchChromium, type Chromium } from './chromium';
import { Person, screenshot, SHOTS } from './person';

/** The bot's clock: real time (the outbox worker polls), shifted to start on Monday 16 June 2025, 10:00. */
const OFFSET = START - Date.now();
const clock = () => new Date(Date.now() + OFFSET);

describe('the whole journey in the playground, in a browser', () => {
  let world: PlaygroundWorld;
  let chrome: Chromium | undefined;
  let bea: Person;
  let victor: Person;
  let lotte: Person;
  let gemma: Person;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    world = await startPlaygroundWorld({
      store: createMemoryStore(),
      time: { clock },
      roles: ['counsellor-parnassia', 'landlord-vidomes', 'counsellor-limor', 'platform-coordinator'],
      platformRole: 'platform-coordinator',
      browser: true,
    });
    chrome = await launchChromium();
    const tab = async () => chrome!.context.newPage();
    const first = chrome.context.pages()[0] ?? (await tab());
    [bea, victor, lotte, gemma] = [
      new Person(first),
      new Person(await tab()),
      new Person(await tab()),
      new Person(await tab()),
    ];
  }, 60_000);

  afterAll(async () => {
    await chrome?.close();
    await world?.stop();
    await world?.bot.store.close();
  });

  /** Opening the playground adds the app to the person's chat, as in Teams: the bot greets them. */
  async function open(person: Person, role: Parameters<PlaygroundWorld['person']>[0], greeting: string) {
    await person.page.goto(world.person(role).pg.url);
    await person.page.getByText(greeting).waitFor();
  }

  async function front(person: Person): Promise<Page> {
    await person.page.bringToFront();
    return person.page;
  }

  it('the counsellor nominates, with mistakes first; the landlord gets the landlord view', async () => {
    await open(victor, 'landlord-vidomes', 'Je bent bekend als vaste contactpersoon van Stichting Vidomes');
    await open(bea, 'counsellor-parnassia', 'Je bent bekend als begeleider van Parnassia Haaglanden');
    const page = await front(bea);
    await screenshot(page, '01-help.png', page.getByText('Je bent bekend als begeleider van Parnassia Haaglanden'));

    await bea.say('aanmelden');
    await page.getByText('Stap 1 van 3: Kandidaat en huishouden').waitFor();
    await screenshot(page, '02-step1.png', page.getByText('Aanmelding kandidaat huurder'), { top: true });

    // A first try with only the date of birth: the card comes back with what is missing.
    await bea.date(/Geboortedatum/, '1990-05-01');
    await bea.press('Volgende');
    await page.getByText('Niet opgeslagen: kijk naar de meldingen bij de velden.').waitFor();
    expect(await bea.card().getByText('Vul dit in.').count()).toBe(1); // the name
    expect(await bea.card().getByText('Kies een antwoord.').count()).toBe(3); // the three questions
    expect(
      await bea
        .card()
        .getByRole('combobox', { name: /Geboortedatum/ })
        .inputValue(),
    ).toBe('May 1, 1990');
    await screenshot(page, '03-step1-errors.png', bea.card().getByText('Naam kandidaat huurder *'), { top: true });

    await bea.type(/Naam kandidaat huurder/, ANNA);
    await bea.date(/einddatum intramurale/, '2025-09-01');
    await bea.choose(/Wlz/, 'Nee');
    await bea.choose(/zelfstandig te wonen/, 'Ja');
    await bea.choose(/grensoverschrijdend/, 'Nee');
    await bea.press('Volgende');

    await page.getByText('Stap 2 van 3: Woonperiodes, wensen en verhuurders').waitFor();
    await bea.date(/Periode 1: van/, RESIDENCY_FROM);
    await bea.pick(/5\.6c/, 'Voldoet');
    await bea.choose(/Woonnet/, 'Ja');
    await bea.type(/^Woonvereisten/, 'Gelijkvloers, twee kamers');
    await bea.tick(/Stichting Vidomes/);
    await bea.tick(/Stichting WoonInvest/);
    await screenshot(page, '04-step2.png', bea.card().getByRole('textbox', { name: /^Woonvereisten/ }));
    await bea.press('Volgende');

    await page.getByText('Stap 3 van 3: Toetsingscriteria (5.6)').waitFor();
    for (const item of ['5.6a', '5.6d', '5.6e', '5.6f', '5.6g', '5.6i']) {
      await bea.pick(new RegExp(`^${item.replace('.', '\\.')} `), 'Voldoet');
    }
    await bea.pick(/^5\.6h /, 'Niet van toepassing: geen regeling nodig');
    // What no landlord may learn: a motivated deviation from budget management, a TBS order via the mayor.
    await bea.pick(
      /^5\.6j /,
      'Uitzondering: De begeleider of casemanager wijkt gemotiveerd af; een motivering is verplicht.',
    );
    await bea.type(/^5\.6j Motivering/, MOTIVATION);
    await bea.pick(/^5\.6k /, 'Nee');
    await bea.pick(/^5\.6l /, 'Uitzondering: De kandidaat is aangedragen via de burgemeester.');
    await bea.tick(/via de burgemeester/);
    await screenshot(page, '05-step3.png', bea.card().getByRole('button', { name: 'Indienen' }));
    await bea.press('Indienen');

    await page.getByText('Voldoet aan de criteria').waitFor();
    expect(await bea.card().getByText('16-09-2025').count()).toBe(1); // the 5.4 target date
    expect(await bea.card().getByText('plaats 1').count()).toBe(2); // Vidomes and WoonInvest
    expect(
      await bea
        .card()
        .getByText(/^5\.6l: De kandidaat heeft een TBS-maatregel/)
        .count(),
    ).toBe(1);
    await screenshot(page, '06-verdict.png', page.getByText(`Aanmelding ${ANNA}`), { top: true });
    console.info(
      `nomination card: ${bea.effort.fields.size} fields, ${bea.effort.clicks} clicks, ${bea.effort.keystrokes} keystrokes ` +
        '(typing "aanmelden" and the first try included)',
    );

    // Victor's tab: the landlord's card arrived in his chat while Bea was busy.
    const his = await front(victor);
    const card = victor.cardTitled(`Aanmelding ${ANNA}`);
    await card.getByRole('button', { name: 'Ontvangst bevestigen' }).waitFor();
    await screenshot(his, '07-landlord-card.png', card, { top: true });
    const shown = await card.innerText();
    for (const marker of FORBIDDEN_FOR_LANDLORDS) expect(shown, marker).not.toContain(marker);
  });

  it('LIMOR nominates an evicted family for a noodwoning: Vidomes only, first in its queue', async () => {
    await open(lotte, 'counsellor-limor', 'Je bent bekend als begeleider van LIMOR');
    const page = await front(lotte);
    await lotte.say('aanmelden');
    await page.getByText('Stap 1 van 3: Kandidaat en huishouden').waitFor();
    await lotte.choose(/Soort woning/, 'Noodwoning: gezin met inwonende minderjarige kinderen (1l, art. 6)');
    await lotte.type(/Naam kandidaat huurder/, FAMILY);
    await lotte.date(/Geboortedatum/, '1988-11-20');
    await lotte.number(/Aantal volwassenen/, 2);
    await lotte.number(/minderjarige kinderen/, 3);
    await lotte.choose(/Wlz/, 'Nee');
    await lotte.choose(/zelfstandig te wonen/, 'Ja');
    await lotte.choose(/grensoverschrijdend/, 'Nee');
    await lotte.press('Volgende');

    await page.getByText('Stap 2 van 3: Woonperiodes, wensen en verhuurders').waitFor();
    await lotte.date(/Periode 1: van/, '2016-04-01');
    await lotte.pick(/5\.6c/, 'Voldoet');
    await lotte.choose(/Woonnet/, 'Ja');
    await lotte.type(/^Woonvereisten/, 'Drie slaapkamers, dicht bij de basisschool');
    // Art. 6: referred by the GGD's Meldpunt (6.1), evicted by WoonInvest (6.3); no landlords ticked: all that may.
    await lotte.choose(/Meldpunt Zorgwekkend gedrag/, 'Ja');
    await lotte.pick(/huisuitzetting/, 'Stichting WoonInvest');
    await screenshot(page, '08-noodwoning-step2.png', lotte.card().getByText('Noodwoning (art. 6)'), { top: true });
    await lotte.press('Volgende');

    await page.getByText('Stap 3 van 3: Toetsingscriteria (5.6)').waitFor();
    for (const item of ['5.6a', '5.6d', '5.6e', '5.6f', '5.6g', '5.6i', '5.6j', '5.6l']) {
      await lotte.pick(new RegExp(`^${item.replace('.', '\\.')} `), 'Voldoet');
    }
    await lotte.pick(/^5\.6h /, 'Niet van toepassing: geen regeling nodig');
    // Evicted this year, now in the noodwoning: the 5.6k exception.
    await lotte.pick(/^5\.6k /, 'Ja, op de datum hieronder');
    await lotte.date(/Datum van de laatste huisuitzetting/, EVICTED_ON);
    await lotte.tick(/afkomstig uit een noodwoning/);
    await lotte.press('Indienen');

    const verdict = lotte.cardTitled(`Aanmelding ${FAMILY}`);
    await verdict.getByText('Voldoet aan de criteria').waitFor();
    expect(await verdict.getByText('Stichting Vidomes', { exact: true }).count()).toBeGreaterThan(0);
    expect(await verdict.getByText(/WoonInvest|Duivenvoorde/).count()).toBe(0); // 6.3, 6.4
    await screenshot(page, '09-noodwoning-verdict.png', verdict, { top: true });

    // Victor: the family's card, and his queue with the noodwoning first (5.4).
    const his = await front(victor);
    const family = victor.cardTitled(`Aanmelding ${FAMILY}`);
    await family.getByText('Noodwoning, aangemeld door LIMOR').waitFor();
    const shown = await family.innerText();
    for (const marker of [...FORBIDDEN_FOR_LANDLORDS, 'WoonInvest']) expect(shown, marker).not.toContain(marker);
    await victor.say('wachtrij');
    const queue = victor.cardTitled('Wachtrij Stichting Vidomes');
    await queue.waitFor();
    await screenshot(his, '10-landlord-queue.png', queue, { top: true });
    const listed = await queue.innerText();
    expect(listed).toContain(`Nr. 1 · ${FAMILY}`);
    expect(listed.indexOf(FAMILY)).toBeGreaterThan(0);
    expect(listed.indexOf(FAMILY)).toBeLessThan(listed.indexOf(ANNA));
  });

  /** The person presses `button` on their card of Anna (opening a ShowCard form, or doing a step). */
  const annaOf = (person: Person) => person.within(person.cardTitled(`Aanmelding ${ANNA}`));
  /** Waits until the person's card of Anna shows `text` (the answer, or the outbox's update). */
  async function annaShows(person: Person, text: string | RegExp) {
    await person.cardTitled(`Aanmelding ${ANNA}`).getByText(text).first().waitFor();
    await world.settled(); // the other side's card, and this one, updated by the outbox
  }

  it('the landlord takes the convenantwoning to the signed lease, the counsellor confirming home and answer', async () => {
    const his = await front(victor);
    const vAnna = annaOf(victor);
    await vAnna.press('Ontvangst bevestigen');
    await annaShows(victor, 'Ontvangst bevestigd door Victor Verhuur op 16-06-2025');
    await vAnna.press('Woning voorstellen');
    await vAnna.type(/Adres of omschrijving/, HOME);
    await screenshot(
      his,
      '11-propose-home.png',
      victor.cardTitled(`Aanmelding ${ANNA}`).getByText('Adres of omschrijving van de woning'),
    );
    await vAnna.press('Woning voorstellen');
    await annaShows(victor, 'woning voorgesteld');

    // Bea's chat: the nomination's card, posted at the acknowledgement and updated since (4.5).
    const hers = await front(bea);
    const bAnna = annaOf(bea);
    await bea.cardTitled(`Aanmelding ${ANNA}`).getByRole('button', { name: 'Woning is geschikt (4.5)' }).waitFor();
    await annaShows(bea, HOME);
    await screenshot(hers, '12-home-proposed.png', bea.cardTitled(`Aanmelding ${ANNA}`).getByText('Voortgang'));
    await bAnna.press('Woning is geschikt (4.5)');
    await annaShows(bea, 'woning geschikt bevonden');

    await front(victor);
    await vAnna.press('Woningaanbod doen');
    await vAnna.date(/Datum van het aanbod/, LEASE.offerMadeOn);
    await vAnna.press('Aanbod vastleggen');
    await annaShows(victor, 'woningaanbod gedaan');

    // The candidate accepts; Bea records it on her card.
    await front(bea);
    await bea.cardTitled(`Aanmelding ${ANNA}`).getByRole('button', { name: 'Antwoord op het aanbod' }).waitFor();
    await bAnna.press('Antwoord op het aanbod');
    await bAnna.choose(/Antwoord van de kandidaat/, 'Aangenomen');
    await bAnna.date(/Datum van het antwoord/, LEASE.offerAnsweredOn);
    await bAnna.press('Antwoord vastleggen');
    await annaShows(bea, 'aanbod aangenomen');

    await front(victor);
    await victor.cardTitled(`Aanmelding ${ANNA}`).getByRole('button', { name: 'Intake plannen' }).waitFor();
    await vAnna.press('Intake plannen');
    await vAnna.date(/Datum van de intake/, LEASE.intakeOn);
    await vAnna.press('Intake plannen');
    await annaShows(victor, 'intake gepland');
    await vAnna.press('Kredietcheck vastleggen');
    await vAnna.date(/Datum van de kredietcheck/, LEASE.creditCheckOn);
    await vAnna.choose(/^Uitkomst/, 'akkoord');
    await vAnna.press('Kredietcheck vastleggen');
    await annaShows(victor, 'kredietwaardigheid getoetst');
    await vAnna.press('Huurovereenkomst getekend');
    await vAnna.date(/^Tekendatum/, LEASE.leaseSignedOn);
    await vAnna.date(/Einde van de tijdelijke huur/, LEASE.leaseTemporaryUntil);
    await vAnna.date(/Einde van de woonbegeleidingsovereenkomst/, LEASE.leaseGuidanceUntil);
    await vAnna.tick(/bij de ondertekening aanwezig/);
    await screenshot(
      his,
      '13-sign-lease.png',
      victor.cardTitled(`Aanmelding ${ANNA}`).getByRole('button', { name: 'Ondertekening vastleggen' }),
    );
    await vAnna.press('Ondertekening vastleggen');
    await annaShows(victor, 'getekend op 16-06-2025, loopt tot 16-06-2027');

    const hers2 = await front(bea);
    await annaShows(bea, 'tijdelijk huurcontract getekend');
    await screenshot(hers2, '14-lease-signed.png', bea.cardTitled(`Aanmelding ${ANNA}`).getByText('Voortgang'), {
      top: true,
    });
  });

  /** Sends a signal from the person's status card of Anna: the "Signaal" form, filled in by `fill`. */
  async function sendSignal(from: Person, fill: (form: Person) => Promise<void>, shot?: string) {
    const page = await front(from);
    await world.settled();
    const card = annaOf(from);
    await card.press('Signaal');
    await fill(card);
    // The form from its first line: the chosen kind, the note and the button in view.
    const hint = from.cardTitled(`Aanmelding ${ANNA}`).getByText(/^Geef overlast of huurachterstand direct door/);
    if (shot) await screenshot(page, shot, hint, { top: true });
    await card.press('Signaal versturen');
    await annaShows(from, /^Signaal verstuurd aan/);
  }

  /** The receiver's new signal card (the one with an acknowledge button); acknowledged after `shot`. */
  async function acknowledgeSignal(to: Person, name: string, title: string, shot?: string) {
    const page = await front(to);
    // Every earlier signal in the chat was acknowledged: this is the only one still asking.
    const waiting = page
      .locator('.ac-adaptiveCard')
      .filter({ has: page.getByText(/^Signaal: /) })
      .filter({ has: page.getByRole('button', { name: 'Ontvangst bevestigen' }) });
    const card = waiting.filter({ has: page.getByText(title, { exact: true }) });
    await card.waitFor();
    expect(await waiting.count()).toBe(1);
    if (shot) await screenshot(page, shot, card, { top: true });
    await to.within(card).press('Ontvangst bevestigen');
    await expect.poll(() => waiting.count(), { timeout: 10_000 }).toBe(0);
    await world.settled(); // the sender's copy, updated in place
    const confirmed = `Ontvangst bevestigd door ${name}, 16-06-2025 om `;
    expect(await page.getByText(confirmed).count()).toBeGreaterThan(0);
  }

  it('nuisance and arrears signals go both ways on the tenancy, each acknowledged', async () => {
    // Landlord → care organisation.
    await sendSignal(
      victor,
      async (form) => {
        await form.choose(/Soort signaal/, 'Overlast (8.2)');
        await form.type(/Korte toelichting/, NUISANCE_NOTE);
      },
      '15-signal-form.png',
    );
    await acknowledgeSignal(bea, 'Bea Begeleider', 'Signaal: overlast', '16-signal-received.png');
    // Victor's own copy, updated in place once Bea confirmed.
    const his = await front(victor);
    const own = victor.page.getByText(/^Ontvangst bevestigd door Bea Begeleider, 16-06-2025 om /).last();
    await own.waitFor();
    await screenshot(
      his,
      '17-signal-acknowledged.png',
      victor.page.locator('.ac-adaptiveCard').filter({ has: own }).last(),
      { top: true },
    );

    await sendSignal(victor, async (form) => {
      await form.choose(/Soort signaal/, 'Huurachterstand (8.2)');
      await form.number(/Hoogte van de achterstand/, Number(ARREARS.signalAchterstandBedrag));
      await form.date(/Achterstand sinds/, ARREARS.signalAchterstandSinds);
    });
    await acknowledgeSignal(bea, 'Bea Begeleider', 'Signaal: huurachterstand');

    // Care organisation → landlord.
    await sendSignal(bea, async (form) => {
      await form.choose(/Soort signaal/, 'Overlast (8.2)');
    });
    await acknowledgeSignal(victor, 'Victor Verhuur', 'Signaal: overlast');
    await sendSignal(bea, async (form) => {
      await form.choose(/Soort signaal/, 'Huurachterstand (8.2)');
      await form.number(/Hoogte van de achterstand/, 150);
      await form.date(/Achterstand sinds/, ARREARS.signalAchterstandSinds);
    });
    await acknowledgeSignal(victor, 'Victor Verhuur', 'Signaal: huurachterstand', '18-signal-arrears.png');

    const [anna] = await world.bot.store.nominations.find({ nominatingPartyId: PARNASSIA_ID });
    const stored = await world.bot.store.signals.listForNomination(anna!.id);
    expect(stored.map((s) => `${s.from.side}:${s.kind}:${s.acknowledgement ? 'acknowledged' : 'open'}`)).toEqual([
      'landlord:overlast:acknowledged',
      'landlord:huurachterstand:acknowledged',
      'care:overlast:acknowledged',
      'care:huurachterstand:acknowledged',
    ]);
    // Everything Victor's chat shows: nothing the covenant keeps from landlords.
    const everything = await victor.page.locator('.ac-adaptiveCard').allInnerTexts();
    for (const marker of FORBIDDEN_FOR_LANDLORDS) expect(everything.join('\n'), marker).not.toContain(marker);
  });

  it('the platform channel gets `status` and the weekly digest: counts only', async () => {
    await open(gemma, 'platform-coordinator', 'Je bent bekend als');
    const page = await front(gemma);
    await page.getByText('Platform', { exact: true }).first().click();
    await gemma.mentionBot('status');
    const status = gemma.cardTitled('Stand van het convenant');
    await status.getByText('Deze week', { exact: true }).waitFor();
    await screenshot(page, '19-status.png', status, { top: true });

    // One tick of the weekly digest at the bot's clock (Monday 16 June 2025, after 09:00): week 25.
    expect(await world.forceWeeklyDigest()).toMatchObject({ kind: 'posted', slot: { isoWeek: '2025-W25' } });
    const weekly = gemma.cardTitled('Weekoverzicht convenant — week 25, 2025');
    await weekly.waitFor({ timeout: 15_000 });
    await screenshot(page, '20-weekly-digest.png', weekly, { top: true });

    for (const card of [status, weekly]) {
      const text = await card.innerText();
      expect(text).toMatch(/Nieuw deze week \(week 25\)\s+2 \(1 convenantwoning, 1 noodwoning\)/);
      expect(text).toMatch(/Gezinnen die wachten op een noodwoning\s+1/);
      expect(text).toMatch(/overlast 2 · huurachterstand 2/);
      for (const secret of FORBIDDEN_FOR_PLATFORM) expect(text, secret).not.toContain(secret);
    }
  });
});
