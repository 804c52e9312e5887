/**
 * A nomination from registration to the signed lease, through the real bot: each role a different
 * demo user, card actions as Teams sends them, the outbox worker delivering to a fake Teams
 * connector — on each store. Asserts each card's content, who received what, that landlords only
 * ever get the landlord view (10.6), and that retries, stale cards and strangers change nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../bot/main';
import { addContact } from '../../src/parties/registry';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import { LANDLORD_FORBIDDEN_MARKERS } from '../support/nomination-fixture';
import {
  actionOn,
  CARD_ANSWER,
  execute,
  install,
  installInChannel,
  messagesIn,
  onlyCardIn,
  personalChat,
  seedRegistered,
  startFlowBot,
  TestClock,
  TEXT_ANSWER,
  verbsOn,
  type InvokeAnswer,
} from '../support/status-flow';
import { storeFactories, type TestStore } from '../support/stores';
import { DEMO } from '../support/teams-bot';
import { startFakeTeamsConnector, type FakeTeamsConnector } from '../support/teams-connector';

const VICTOR = personalChat(DEMO['landlord-vidomes']);
const WIM = personalChat(DEMO['landlord-wooninvest']);
const BEA = personalChat(DEMO['counsellor-parnassia']);
const VIDOMES_CHANNEL = '19:vidomes-team@thread.tacv2';
const LANDLORD_CONVERSATIONS = [VICTOR, WIM, VIDOMES_CHANNEL];

describe.each(storeFactories)('the nomination status flow ($name store)', ({ create }) => {
  let store: TestStore;
  let time: TestClock;
  let connector: FakeTeamsConnector;
  let bot: RunningBot;

  beforeEach(async () => {
    store = await create();
    time = new TestClock();
    connector = await startFakeTeamsConnector(() => time.now);
    bot = await startFlowBot(store, time);
    for (const role of [
      'landlord-vidomes',
      'landlord-wooninvest',
      'counsellor-parnassia',
      'landlord-duivenvoorde',
    ] as const) {
      await install(bot, connector, role);
    }
    // A second Vidomes contact who never installed the app, and Vidomes' team channel with the bot in it.
    await addContact(
      store,
      'vidomes',
      { name: 'Vera Vidomes', email: 'vera.vidomes@vidomes.example.org', role: 'landlord-contact' },
      { origin: 'test' },
    );
    const vidomes = (await store.parties.get('vidomes'))!;
    await store.parties.update({ ...vidomes, teamChannelId: VIDOMES_CHANNEL });
    await installInChannel(bot, connector, VIDOMES_CHANNEL);
  });
  afterEach(async () => {
    await bot.stop();
    await connector.close();
    await store.close();
  });

  const drain = () => bot.outbox.drainOnce();
  const cardIn = (conversation: string) => onlyCardIn(connector, conversation).card;
  const textOf = (value: unknown) => JSON.stringify(value);
  const cardAnswer = (answer: InvokeAnswer) => {
    expect(answer.type).toBe(CARD_ANSWER);
    return expectValidAdaptiveCard({ contentType: CARD_ANSWER, content: answer.value });
  };
  /** Which conversations got a call in the last drain, and how. */
  const callsSince = (count: number) =>
    connector.calls
      .slice(count)
      .map((c) => `${c.method} ${c.conversationId}`)
      .sort();

  it('goes from registration to the signed lease, each side seeing its own card', async () => {
    // Registered (5.3): every fixed contact of both landlords hears of it; Vera is reported.
    const { nomination, unreachableContacts } = await seedRegistered(store, time);
    expect(unreachableContacts).toEqual([{ name: 'Vera Vidomes', landlordId: 'vidomes' }]);
    expect(await drain()).toMatchObject({ sent: 3, failed: 0 });
    expect(callsSince(0)).toEqual([`POST ${VIDOMES_CHANNEL}`, `POST ${VICTOR}`, `POST ${WIM}`].sort());
    for (const conversation of LANDLORD_CONVERSATIONS) {
      const card = expectValidAdaptiveCard({ contentType: CARD_ANSWER, content: cardIn(conversation) });
      expect(textOf(card)).toContain('Aanmelding Jan MARKER');
      // 5.5: a landlord may also refuse the candidate, with a reason.
      expect(verbsOn(card)).toEqual(['nomination.acknowledge', 'nomination.refuse']);
    }

    // Victor acknowledges: his answer says so, and every card is updated in place.
    let mark = connector.calls.length;
    const victorsFirstCard = cardIn(VICTOR);
    const acknowledged = cardAnswer(
      await execute(
        bot,
        connector,
        'landlord-vidomes',
        actionOn(victorsFirstCard, 'nomination.acknowledge'),
        {},
        { replyToId: onlyCardIn(connector, VICTOR).activityId },
      ),
    );
    expect(textOf(acknowledged)).toContain('Ontvangst bevestigd door Victor Verhuur op 16-06-2025');
    expect(verbsOn(acknowledged)).toEqual(['nomination.propose-home', 'nomination.refuse']);
    await drain();
    expect(callsSince(mark)).toEqual([`POST ${BEA}`, `PUT ${VIDOMES_CHANNEL}`, `PUT ${VICTOR}`, `PUT ${WIM}`].sort());
    expect(textOf(cardIn(VICTOR))).toContain('Ontvangst bevestigd door Victor Verhuur');
    expect(textOf(cardIn(VIDOMES_CHANNEL))).toContain('Ontvangst bevestigd door Victor Verhuur');
    // WoonInvest sees that it was received, not by whom at another landlord.
    expect(textOf(cardIn(WIM))).toContain('ontvangen door verhuurder');
    expect(textOf(cardIn(WIM))).not.toContain('Victor');
    // It may still acknowledge, or propose a home itself.
    expect(verbsOn(cardIn(WIM))).toEqual(['nomination.acknowledge', 'nomination.propose-home', 'nomination.refuse']);
    expect(textOf(cardIn(BEA))).toContain('Ontvangst bevestigd door Victor Verhuur op 16-06-2025');

    // The same Action.Execute delivered twice: the current card, no second change, nothing sent.
    mark = connector.calls.length;
    const again = cardAnswer(
      await execute(bot, connector, 'landlord-vidomes', actionOn(victorsFirstCard, 'nomination.acknowledge')),
    );
    expect(textOf(again)).toBe(textOf(acknowledged));
    expect((await store.nominations.get(nomination.id))?.version).toBe(3);
    expect(await drain()).toMatchObject({ sent: 0 });
    expect(connector.calls.length).toBe(mark);

    // WoonInvest acts on a card older than the one it now has: the current card, with a note.
    const stale = await execute(bot, connector, 'landlord-wooninvest', {
      ...actionOn(cardIn(WIM), 'nomination.acknowledge'),
      data: { ...actionOn(cardIn(WIM), 'nomination.acknowledge').data, version: 2 },
    });
    expect(textOf(cardAnswer(stale))).toContain('Iemand anders heeft de aanmelding net gewijzigd');
    cardAnswer(await execute(bot, connector, 'landlord-wooninvest', actionOn(cardIn(WIM), 'nomination.acknowledge')));
    await drain();

    // Victor proposes a home (5.3): Vidomes leads from now on (5.5); WoonInvest's card says so.
    mark = connector.calls.length;
    const proposeOld = actionOn(cardIn(VICTOR), 'nomination.propose-home');
    const proposed = cardAnswer(
      await execute(bot, connector, 'landlord-vidomes', proposeOld, { homeDescription: 'Dorpsstraat 12, Voorburg' }),
    );
    expect(textOf(proposed)).toContain('woning voorgesteld');
    expect(textOf(proposed)).toContain('Dorpsstraat 12, Voorburg');
    expect(verbsOn(proposed)).toEqual(['nomination.refuse']);
    await drain();
    expect(callsSince(mark)).toEqual([`PUT ${BEA}`, `PUT ${VIDOMES_CHANNEL}`, `PUT ${VICTOR}`, `PUT ${WIM}`].sort());
    expect(textOf(cardIn(WIM))).toContain('Een andere verhuurder heeft een woning voorgesteld');
    expect(textOf(cardIn(WIM))).not.toContain('Dorpsstraat');
    expect(verbsOn(cardIn(WIM))).toEqual([]);
    expect(verbsOn(cardIn(BEA))).toEqual([
      'nomination.confirm-suitable',
      'nomination.reject-suitable',
      'nomination.withdraw',
    ]);

    // A stale card: the step cannot be taken any more; the answer is the card as it now stands.
    const late = await execute(bot, connector, 'landlord-vidomes', proposeOld, { homeDescription: 'Kerklaan 3' });
    expect(textOf(cardAnswer(late))).toContain(
      'Deze kaart was niet meer actueel: de aanmelding staat nu op \\"woning voorgesteld\\"',
    );
    // Another landlord's contact, or one whose landlord no longer leads: a refusal, and no data.
    const duivenvoorde = await execute(
      bot,
      connector,
      'landlord-duivenvoorde',
      actionOn(victorsFirstCard, 'nomination.acknowledge'),
    );
    expect(duivenvoorde).toEqual({ type: TEXT_ANSWER, value: 'Deze aanmelding is niet aan uw organisatie gericht.' });
    const wooninvest = await execute(bot, connector, 'landlord-wooninvest', proposeOld, {
      homeDescription: 'Elders 1',
    });
    expect(wooninvest).toEqual({
      type: TEXT_ANSWER,
      value: 'Een andere verhuurder heeft voor deze aanmelding een woning voorgesteld.',
    });
    expect((await store.nominations.get(nomination.id))?.state).toBe('home-proposed');

    // The counsellor finds the home suitable (4.5): only now can Vidomes make the one-time offer.
    const suitable = cardAnswer(
      await execute(bot, connector, 'counsellor-parnassia', actionOn(cardIn(BEA), 'nomination.confirm-suitable')),
    );
    expect(textOf(suitable)).toContain('woning geschikt bevonden');
    await drain();
    expect(verbsOn(cardIn(VICTOR))).toEqual(['nomination.make-offer', 'nomination.refuse']);

    const step = async (verb: string, inputs: Record<string, unknown>, expectState: string) => {
      const answer = cardAnswer(
        await execute(bot, connector, 'landlord-vidomes', actionOn(cardIn(VICTOR), verb), inputs),
      );
      expect(textOf(answer)).toContain(expectState);
      mark = connector.calls.length;
      await drain();
      // The counsellor's card follows every step, in place.
      expect(callsSince(mark)).toContain(`PUT ${BEA}`);
      expect(textOf(cardIn(BEA))).toContain(expectState);
      return answer;
    };
    await step('nomination.make-offer', { offerMadeOn: '2025-06-16' }, 'woningaanbod gedaan');
    expect(verbsOn(cardIn(BEA))).toEqual(['nomination.record-offer-answer', 'nomination.withdraw']);
    await step(
      'nomination.record-offer-answer',
      { offerAnswer: 'accepted', offerAnsweredOn: '2025-06-16' },
      'aanbod aangenomen',
    );
    expect(verbsOn(cardIn(VICTOR))).toEqual([
      'nomination.plan-intake',
      'nomination.record-credit-check',
      'nomination.refuse',
    ]);
    await step('nomination.plan-intake', { intakeOn: '2025-06-20' }, 'intake gepland');
    const checked = await step(
      'nomination.record-credit-check',
      {
        creditCheckOn: '',
        creditOutcome: 'elevated-risk',
        creditExtraConditions: 'Huur via budgetbeheer',
        creditAgreedWithCareProvider: 'true',
      },
      'kredietwaardigheid getoetst',
    );
    expect(textOf(checked)).toContain('Huur via budgetbeheer');

    // 4.9: a temporary lease of more than two years is refused, with the rule, and nothing changes.
    const lease = {
      leaseSignedOn: '2025-06-16',
      leaseGuidanceUntil: '2026-06-16',
      leaseCounsellorPresent: 'true',
      leaseGuidanceEndMayBeShared: 'false',
    };
    const tooLong = cardAnswer(
      await execute(bot, connector, 'landlord-vidomes', actionOn(cardIn(VICTOR), 'nomination.sign-lease'), {
        ...lease,
        leaseTemporaryUntil: '2028-01-01',
      }),
    );
    expect(textOf(tooLong)).toContain(
      'Niet opgeslagen: 4.9: de tijdelijke huurovereenkomst duurt maximaal 2 jaar (tot uiterlijk 16-06-2027).',
    );
    expect((await store.nominations.get(nomination.id))?.state).toBe('credit-checked');

    const signed = await step(
      'nomination.sign-lease',
      { ...lease, leaseTemporaryUntil: '2027-06-16' },
      'tijdelijk huurcontract getekend',
    );
    expect(textOf(signed)).toContain('getekend op 16-06-2025, loopt tot 16-06-2027');
    expect(textOf(cardIn(BEA))).toContain('loopt tot 16-06-2026');

    // Landlords were never sent anything the covenant keeps from them (10.6).
    const toLandlords = connector.calls.filter((c) => LANDLORD_CONVERSATIONS.includes(c.conversationId));
    expect(toLandlords.length).toBeGreaterThan(20);
    for (const call of toLandlords) {
      for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(textOf(call.activity)).not.toContain(marker);
    }
    // One card per conversation, kept current.
    for (const conversation of [...LANDLORD_CONVERSATIONS, BEA])
      expect(messagesIn(connector, conversation).size).toBe(1);
  }, 90_000); // some sixty card renders: the templating library takes its time on a busy machine
});
