/**
 * The core journey through the Microsoft 365 Agents Playground's HTTP API and message streams
 * (test/support/playground.ts), against the real bot: the demo counsellor types "aanmelden",
 * fills the nomination card's three steps (first with mistakes), sees the verdict; the Vidomes
 * contact is told and takes the nomination to the signed lease, the counsellor confirming the
 * home and the offer's answer on her own card.
 *
 * Two playgrounds, one per person, as two people each have their own Teams: the playground only
 * shows (and streams) its current user's 1:1 chat and only lets that user type, so Bea
 * Begeleider is the current user of one and Victor Verhuur (Vidomes) of the other. The bot
 * reaches each through the reference it stored when the app was installed there, so the
 * landlord's notification is asserted on *his* playground's stream — a proactive send through
 * that playground's mock connector, nothing faked. Card buttons are Action.Execute invokes with
 * `from` set to whoever presses them.
 *
 * The outbox worker does not poll: the test drains it after each step (as the status-flow test
 * does), with a clock that its pacing moves, so every date on the cards is known. WoonInvest's
 * contact has no playground, so he stays unreachable, as someone without the app. The two tests
 * are one journey, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../bot/config';
import {
  personalChatId,
  playgroundConfigYaml,
  playgroundUser,
  PLAYGROUND_IDENTITIES,
} from '../../bot/dev/playground-identities';
import { createLogger } from '../../bot/logger';
import { startBot, type RunningBot } from '../../bot/main';
import { PARNASSIA_ID } from '../../src/parties/covenant-parties';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import { buttonFor, errorUnder, inputValue, stepOf, texts, type Card } from '../support/nomination-card-driver';
import { LANDLORD_FORBIDDEN_MARKERS } from '../support/nomination-fixture';
import { STEP1, STEP2, STEP3 } from '../support/nomination-form-values';
import { cardsOf, cardTexts, startPlayground, type InvokeResponse, type Playground } from '../support/playground';
import { actionOn, CARD_ANSWER, TestClock, verbsOn as allVerbsOn } from '../support/status-flow';
import { stringsAtAnyDepth } from '../src/views/leak-check';

const BEA = playgroundUser('counsellor-parnassia');
const VICTOR = playgroundUser('landlord-vidomes');
const BEA_CHAT = personalChatId('counsellor-parnassia');
const VICTOR_CHAT = personalChatId('landlord-vidomes');
const CANDIDATE = 'Aanmelding Anna de Vries';
const STEP_1 = 'Stap 1 van 3: Kandidaat en huishouden';

// What the counsellor enters that no landlord may ever see: the 1c residency period and a
// checklist motivation (DESIGN.md "Who may see what"). An info-only 5.6j exception keeps the
// candidate eligible.
const RESIDENCY_FROM = '2010-01-01';
const MOTIVATION = 'SECRET-MOTIVATION-j: huur via budgetbeheer van de bewindvoerder';
const STEP3_WITH_MOTIVATION = { ...STEP3, checklistJ: 'exception', budgetMotivation: MOTIVATION };
const FORBIDDEN_FOR_LANDLORDS = [...LANDLORD_FORBIDDEN_MARKERS, RESIDENCY_FROM, '01-01-2010', 'budgetbeheer van de'];

/** The lifecycle steps a card offers (signals, another module's, come and go beside them). */
const verbsOn = (card: unknown) => allVerbsOn(card).filter((verb) => verb.startsWith('nomination.'));

describe('the core journey in the Agents Playground', () => {
  let bot: RunningBot | undefined;
  let beas: Playground | undefined; // Bea's Teams
  let victors: Playground | undefined; // Victor's Teams
  const time = new TestClock();
  /** Every card Victor got: sent to his chat or answered to his button presses. */
  const seenByVictor: unknown[] = [];

  beforeAll(async () => {
    bot = await startBot(parseConfig({ PORT: '0', SEED_DEMO: 'true' }), {
      store: createMemoryStore(),
      demoIdentities: PLAYGROUND_IDENTITIES,
      logger: createLogger('error'),
      clock: time.clock,
      outbox: { poll: false, sleep: time.sleep, random: () => 0 },
      digestScheduler: false,
    });
    const botUrl = `${bot.url}/api/messages`;
    [beas, victors] = await Promise.all([
      startPlayground({ botUrl, configYaml: playgroundConfigYaml('counsellor-parnassia') }),
      startPlayground({ botUrl, configYaml: playgroundConfigYaml('landlord-vidomes') }),
    ]);
    // The app is added to both 1:1 chats: the bot stores where to reach each of them.
    await Promise.all([beas.install(BEA_CHAT), victors.install(VICTOR_CHAT)]);
    await Promise.all([beas.botIdle(), victors.botIdle()]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([beas?.stop(), victors?.stop()]);
    await bot?.stop();
    await bot?.store.close();
  });

  /** Presses a card button (Action.Execute, the inputs merged into its data as Teams does). */
  async function press(
    pg: Playground,
    who: { id: string },
    chat: string,
    messageId: string,
    action: { verb: string; data: Record<string, unknown> },
    inputs: Record<string, unknown> = {},
  ): Promise<Card> {
    const answer: InvokeResponse = await pg.invoke(chat, who.id, messageId, {
      verb: action.verb,
      data: { ...action.data, ...inputs },
    });
    expect(answer.type, JSON.stringify(answer.value)).toBe(CARD_ANSWER);
    if (pg === victors) seenByVictor.push(answer.value);
    return expectValidAdaptiveCard({ contentType: CARD_ANSWER, content: answer.value });
  }

  /**
   * The nomination's card in a chat as it looks now (posted, then updated in place), once it
   * shows `expected`: the stream gets each send before the playground answers the bot.
   */
  async function cardIn(pg: Playground, chat: string, expected: string): Promise<{ messageId: string; card: Card }> {
    const shows = (card: Card) => JSON.stringify(card).includes(expected);
    await pg.stream.waitFor((e) => e.actionConversationId === chat && cardsOf(e).some(shows), {
      what: `card showing "${expected}" in ${chat}`,
    });
    const latest = new Map<string, Card>();
    for (const event of pg.stream.events) {
      const card = cardsOf(event)[0];
      if (event.actionConversationId === chat && event.message && card && JSON.stringify(card).includes(CANDIDATE)) {
        latest.set(event.message.messageId, card);
      }
    }
    expect(latest.size).toBe(1); // one card per nomination per chat, kept current
    const [messageId, card] = [...latest][0]!;
    expect(shows(card)).toBe(true);
    return { messageId, card };
  }

  /** A nomination card's button by what it does, as press() takes it. */
  const formButton = (card: Card, move: 'next' | 'submit') => {
    const data = buttonFor(card, move);
    return { verb: data.verb, data };
  };

  const drain = async () => {
    const report = await bot!.outbox.drainOnce();
    expect(report).toMatchObject({ failed: 0, retried: 0, unreachable: 0 });
    return report;
  };
  const text = (card: unknown) => cardTexts(card).join('\n');

  it('the counsellor types "aanmelden", gets her mistakes back, and then the verdict', async () => {
    const mark = beas!.stream.cursor();
    await beas!.sendMessage(BEA_CHAT, BEA.id, 'aanmelden');
    const opened = await beas!.stream.waitFor(
      (e) => e.actionConversationId === BEA_CHAT && cardsOf(e).some((c) => cardTexts(c).includes(STEP_1)),
      { after: mark, what: 'the nomination card' },
    );
    const formMessage = opened.message!.messageId;
    let card = expectValidAdaptiveCard({ contentType: CARD_ANSWER, content: cardsOf(opened)[0] });

    // Volgende with mistakes: the same step again, each problem in Dutch under its field, values kept.
    const wrong = {
      ...STEP1,
      candidateName: '   ',
      dateOfBirth: '2999-01-01',
      expectedEndOfIntramuralCare: '31-12-2025',
    };
    card = await press(beas!, BEA, BEA_CHAT, formMessage, formButton(card, 'next'), wrong);
    expect(stepOf(card)).toBe(1);
    expect(texts(card)).toContain('Niet opgeslagen: kijk naar de meldingen bij de velden.');
    expect(errorUnder(card, 'candidateName')).toBe('Vul dit in.');
    expect(errorUnder(card, 'dateOfBirth')).toBe('Deze datum kan niet in de toekomst liggen.');
    expect(errorUnder(card, 'expectedEndOfIntramuralCare')).toBe('Dit is geen geldige datum (JJJJ-MM-DD).');
    expect(errorUnder(card, 'adults')).toBeUndefined();
    expect(inputValue(card, 'dateOfBirth')).toBe('2999-01-01');
    expect(inputValue(card, 'expectedEndOfIntramuralCare')).toBe('31-12-2025');
    expect(inputValue(card, 'wlzFunded')).toBe('false');
    expect(await bot!.store.nominations.find({ nominatingPartyId: PARNASSIA_ID })).toEqual([]);

    card = await press(beas!, BEA, BEA_CHAT, formMessage, formButton(card, 'next'), STEP1);
    expect(texts(card)).toContain('Stap 2 van 3: Woonperiodes, wensen en verhuurders');
    card = await press(beas!, BEA, BEA_CHAT, formMessage, formButton(card, 'next'), {
      ...STEP2,
      residency1From: RESIDENCY_FROM,
    });
    expect(stepOf(card)).toBe(3);
    const verdict = await press(beas!, BEA, BEA_CHAT, formMessage, formButton(card, 'submit'), STEP3_WITH_MOTIVATION);

    expect(texts(verdict)).toEqual(expect.arrayContaining([CANDIDATE, 'Voldoet aan de criteria']));
    const shown = text(verdict);
    expect(shown).toContain('Streefdatum woningaanbod (5.4)\n16-09-2025');
    expect(shown).toContain('Stichting Vidomes\nplaats 1');
    expect(shown).toContain('Stichting WoonInvest\nplaats 1');
    // Wim Woning (WoonInvest) never had the app added in a playground: the counsellor is told to call him.
    expect(shown).toContain('Deze contactpersonen hebben de app nog niet: Wim Woning (Stichting WoonInvest).');
  });

  it('the landlord contact is told, and takes the nomination to the signed lease', async () => {
    // Registered (5.3): the landlord view goes to Victor's 1:1 chat, proactively.
    await drain();
    let victor = await cardIn(victors!, VICTOR_CHAT, CANDIDATE);
    expect(text(victor.card)).toContain('Convenantwoning, aangemeld door Parnassia Haaglanden');
    expect(verbsOn(victor.card)).toEqual(['nomination.acknowledge']);
    // Bea's playground saw nothing of it, nor Victor's of Bea's form.
    expect(beas!.stream.events.some((e) => e.actionConversationId === VICTOR_CHAT)).toBe(false);
    expect(victors!.stream.events.some((e) => e.actionConversationId === BEA_CHAT)).toBe(false);

    const victorPresses = async (verb: string, inputs: Record<string, unknown> = {}) => {
      victor = await cardIn(victors!, VICTOR_CHAT, CANDIDATE);
      return press(victors!, VICTOR, VICTOR_CHAT, victor.messageId, actionOn(victor.card, verb), inputs);
    };
    const beaPresses = async (verb: string, inputs: Record<string, unknown> = {}) => {
      const bea = await cardIn(beas!, BEA_CHAT, CANDIDATE);
      return press(beas!, BEA, BEA_CHAT, bea.messageId, actionOn(bea.card, verb), inputs);
    };
    /** After each step: the answer says the new state, and both cards follow it. */
    const expectEverywhere = async (answer: Card, state: string) => {
      expect(text(answer)).toContain(state);
      await drain();
      await cardIn(beas!, BEA_CHAT, state);
      await cardIn(victors!, VICTOR_CHAT, state);
    };

    const acknowledged = await victorPresses('nomination.acknowledge');
    expect(text(acknowledged)).toContain('Ontvangst bevestigd door Victor Verhuur op 16-06-2025');
    // Now the counsellor gets the nomination's card too (posted once, then updated in place).
    await expectEverywhere(acknowledged, 'Ontvangst bevestigd door Victor Verhuur op 16-06-2025');

    const proposed = await victorPresses('nomination.propose-home', { homeDescription: 'Dorpsstraat 12, Voorburg' });
    expect(verbsOn(proposed)).toEqual([]);
    await expectEverywhere(proposed, 'Dorpsstraat 12, Voorburg');
    expect(verbsOn((await cardIn(beas!, BEA_CHAT, 'woning voorgesteld')).card)).toEqual([
      'nomination.confirm-suitable',
      'nomination.reject-suitable',
      'nomination.withdraw',
    ]);

    // 4.5: the counsellor finds the home suitable; only then can Vidomes make its one offer.
    await expectEverywhere(await beaPresses('nomination.confirm-suitable'), 'woning geschikt bevonden');
    expect(verbsOn((await cardIn(victors!, VICTOR_CHAT, 'woning geschikt bevonden')).card)).toEqual([
      'nomination.make-offer',
    ]);
    await expectEverywhere(
      await victorPresses('nomination.make-offer', { offerMadeOn: '2025-06-16' }),
      'woningaanbod gedaan',
    );
    // The candidate accepts; the counsellor records it on her card.
    await expectEverywhere(
      await beaPresses('nomination.record-offer-answer', { offerAnswer: 'accepted', offerAnsweredOn: '2025-06-16' }),
      'aanbod aangenomen',
    );
    await expectEverywhere(await victorPresses('nomination.plan-intake', { intakeOn: '2025-06-20' }), 'intake gepland');
    const checked = await victorPresses('nomination.record-credit-check', {
      creditCheckOn: '2025-06-16',
      creditOutcome: 'ok',
      creditExtraConditions: '',
      creditAgreedWithCareProvider: 'true',
    });
    await expectEverywhere(checked, 'kredietwaardigheid getoetst');
    const signed = await victorPresses('nomination.sign-lease', {
      leaseSignedOn: '2025-06-16',
      leaseTemporaryUntil: '2027-06-16',
      leaseGuidanceUntil: '2026-06-16',
      leaseCounsellorPresent: 'true',
      leaseGuidanceEndMayBeShared: 'false',
    });
    expect(text(signed)).toContain('getekend op 16-06-2025, loopt tot 16-06-2027');
    expect(verbsOn(signed)).toEqual([]);
    await expectEverywhere(signed, 'tijdelijk huurcontract getekend');
    expect(text((await cardIn(beas!, BEA_CHAT, 'tijdelijk huurcontract getekend')).card)).toContain(
      'loopt tot 16-06-2026',
    );
    const [stored] = await bot!.store.nominations.find({ nominatingPartyId: PARNASSIA_ID });
    expect(stored?.state).toBe('lease-signed');
    // The secrets are there to leak: the store holds them, for the nominating organisation.
    expect(JSON.stringify(stored)).toContain(MOTIVATION);
    expect(JSON.stringify(stored)).toContain(RESIDENCY_FROM);

    // 10.6: nothing the covenant keeps from landlords reached Victor, sent or answered.
    for (const event of victors!.stream.events) seenByVictor.push(...cardsOf(event));
    expect(seenByVictor.length).toBeGreaterThan(15);
    const strings = stringsAtAnyDepth(seenByVictor).join('\n');
    for (const marker of FORBIDDEN_FOR_LANDLORDS) expect(strings).not.toContain(marker);
  });
});
