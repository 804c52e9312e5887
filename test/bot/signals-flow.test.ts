/**
 * Signals on a tenancy (8.1, 8.2, 10.5) through the real bot, on each store: every kind both ways
 * from the "Signaal" form on the status card, the receiver's card at once, its acknowledgement,
 * and the sender's own card updated in place to show who confirmed and when. Refusals (wrong side,
 * another landlord or organisation, guidance not shareable, a note too long, arrears without an
 * amount) change and send nothing; no card or stored signal carries what the covenant keeps from
 * landlords (10.6); the platform sees counts by kind only (10.2).
 */
import type { Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../bot/main';
import type { DemoRole } from '../../src/parties/demo-contacts';
import { addContact } from '../../src/parties/registry';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import { LANDLORD_FORBIDDEN_MARKERS, PERSONAL_MARKERS } from '../support/nomination-fixture';
import {
  actionOn,
  CARD_ANSWER,
  execute,
  install,
  messagesIn,
  personalChat,
  startFlowBot,
  TestClock,
  TEXT_ANSWER,
  verbsOn,
  type InvokeAnswer,
} from '../support/status-flow';
import { storeFactories, type TestStore } from '../support/stores';
import { seedTenancy } from '../support/tenancy';
import { DEMO, postActivity, teamsActivity } from '../support/teams-bot';
import { cardOf, startFakeTeamsConnector, type FakeTeamsConnector } from '../support/teams-connector';

const chat = (role: DemoRole) => personalChat(DEMO[role]);
const VICTOR = chat('landlord-vidomes');
const BEA = chat('counsellor-parnassia');
const OUTSIDERS: DemoRole[] = [
  'landlord-wooninvest',
  'landlord-duivenvoorde',
  'counsellor-limor',
  'casemanager-lokale-kamer',
];
const NAMES: Partial<Record<DemoRole, string>> = {
  'landlord-vidomes': 'Victor Verhuur',
  'counsellor-parnassia': 'Bea Begeleider',
};
const NOTE_SECRET = 'Buren klagen over harde muziek na middernacht';

const textOf = (value: unknown) => JSON.stringify(value);

describe.each(storeFactories)('signals on a tenancy ($name store)', ({ create }) => {
  let store: TestStore;
  let time: TestClock;
  let connector: FakeTeamsConnector;
  let bot: RunningBot;

  beforeEach(async () => {
    store = await create();
    time = new TestClock();
    connector = await startFakeTeamsConnector(() => time.now);
    bot = await startFlowBot(store, time);
    for (const role of ['landlord-vidomes', 'counsellor-parnassia', ...OUTSIDERS] as DemoRole[]) {
      await install(bot, connector, role);
    }
  });
  afterEach(async () => {
    await bot.stop();
    await connector.close();
    await store.close();
  });

  const drain = () => bot.outbox.drainOnce();
  const cardAnswer = (answer: InvokeAnswer) => {
    expect(answer.type).toBe(CARD_ANSWER);
    return expectValidAdaptiveCard({ contentType: CARD_ANSWER, content: answer.value });
  };
  /** The status card in a chat: the one with the "Signaal" form. */
  const statusCardIn = (conversation: string) => {
    const found = [...messagesIn(connector, conversation)].find(([, card]) => verbsOn(card).includes('signal.send'));
    if (!found) throw new Error(`no status card with a signal form in ${conversation}`);
    return { activityId: found[0], card: found[1] };
  };
  const posts = (since: number, conversation: string) =>
    connector.calls.slice(since).filter((c) => c.method === 'POST' && c.conversationId === conversation);

  async function tenancy(guidanceEndMayBeShared = true) {
    const nomination = await seedTenancy(store, time, { guidanceEndMayBeShared });
    await drain();
    return nomination;
  }

  /** Sends from the sender's status card; the receiver acknowledges; returns the cards as they end. */
  async function sendAndAcknowledge(sender: DemoRole, receiver: DemoRole, inputs: Record<string, unknown>) {
    time.advance(60_000); // a minute between signals: listed in the order sent
    const [from, to] = [chat(sender), chat(receiver)];
    const status = statusCardIn(from);
    const answer = cardAnswer(
      await execute(bot, connector, sender, actionOn(status.card, 'signal.send'), inputs, {
        replyToId: status.activityId,
      }),
    );
    // The status card stays the status card, with a note that the signal went.
    expect(textOf(answer)).toContain('Signaal verstuurd aan');
    expect(verbsOn(answer)).toContain('signal.send');

    let mark = connector.calls.length;
    expect(await drain()).toMatchObject({ sent: 2, failed: 0 });
    // At once to the receiving side, and the sender's own copy: nobody else.
    expect(new Set(connector.calls.slice(mark).map((c) => c.conversationId))).toEqual(new Set([from, to]));
    const [received] = posts(mark, to);
    const [own] = posts(mark, from);
    const receivedCard = expectValidAdaptiveCard({ contentType: CARD_ANSWER, content: cardOf(received!.activity) });
    expect(verbsOn(receivedCard)).toEqual(['signal.acknowledge']);
    expect(textOf(cardOf(own!.activity))).toContain('Ontvangst nog niet bevestigd');
    expect(verbsOn(cardOf(own!.activity))).toEqual([]);

    const acknowledged = cardAnswer(
      await execute(
        bot,
        connector,
        receiver,
        actionOn(receivedCard, 'signal.acknowledge'),
        {},
        {
          replyToId: received!.activityId,
        },
      ),
    );
    const confirmation = `Ontvangst bevestigd door ${NAMES[receiver]}, 16-06-2025 om 10:0`;
    expect(textOf(acknowledged)).toContain(confirmation);
    expect(verbsOn(acknowledged)).toEqual([]);

    mark = connector.calls.length;
    await drain();
    // The sender's card, updated in place: the same activity, now showing who confirmed and when.
    const update = connector.calls.slice(mark).find((c) => c.method === 'PUT' && c.conversationId === from);
    expect(update?.activityId).toBe(own!.activityId);
    const ownNow = messagesIn(connector, from).get(own!.activityId);
    expect(textOf(ownNow)).toContain(confirmation);

    // The same acknowledgement again (Teams retrying): the card as it is, nothing changes or goes out.
    mark = connector.calls.length;
    expect(
      textOf(cardAnswer(await execute(bot, connector, receiver, actionOn(receivedCard, 'signal.acknowledge')))),
    ).toContain(confirmation);
    expect(await drain()).toMatchObject({ sent: 0 });
    return { receivedCard, ownCard: ownNow, receivedActivity: received! };
  }

  it('passes every kind both ways, with acknowledgement, keeps it from everyone else, and counts it for the platform', async () => {
    const nomination = await tenancy();
    // Only the landlord that leases and the nominating organisation get the form.
    expect(verbsOn(statusCardIn(VICTOR).card)).toContain('signal.send');
    expect(verbsOn(statusCardIn(BEA).card)).toContain('signal.send');
    // The form reminds the writer not to put treatment content in a note (10.6).
    expect(textOf(statusCardIn(VICTOR).card)).toContain('Schrijf geen behandel- of justitiële informatie op (10.6)');
    const wimsCard = [...messagesIn(connector, chat('landlord-wooninvest')).values()][0];
    expect(verbsOn(wimsCard)).not.toContain('signal.send');

    // 8.2 landlord → counsellor.
    const nuisance = await sendAndAcknowledge('landlord-vidomes', 'counsellor-parnassia', {
      signalKind: 'overlast',
      signalNote: `  ${NOTE_SECRET}\r\n\u0007`,
    });
    expect(textOf(nuisance.receivedCard)).toContain('Signaal: overlast');
    expect(textOf(nuisance.receivedCard)).toContain(NOTE_SECRET);
    expect(textOf(nuisance.receivedCard)).toContain('Van Victor Verhuur (Stichting Vidomes)');
    expect(textOf(nuisance.receivedCard)).toContain('Jan MARKER');
    expect(textOf(nuisance.receivedCard)).toContain('Deel geen behandel- of justitiële informatie (10.6)');
    const arrears = await sendAndAcknowledge('landlord-vidomes', 'counsellor-parnassia', {
      signalKind: 'huurachterstand',
      signalAchterstandBedrag: 812.5,
      signalAchterstandSinds: '2025-06-16',
    });
    expect(textOf(arrears.receivedCard)).toContain('€ 812,50');
    expect(textOf(arrears.receivedCard)).toContain('16-06-2025');

    // 8.2 counsellor → landlord, and 8.1 / 10.5 where the guidance agreement allows it.
    await sendAndAcknowledge('counsellor-parnassia', 'landlord-vidomes', { signalKind: 'overlast' });
    await sendAndAcknowledge('counsellor-parnassia', 'landlord-vidomes', {
      signalKind: 'huurachterstand',
      signalAchterstandBedrag: '1200',
      signalAchterstandSinds: '2025-06-16',
    });
    for (const kind of ['einde-begeleiding', 'weigering-begeleiding']) {
      const guidance = await sendAndAcknowledge('counsellor-parnassia', 'landlord-vidomes', { signalKind: kind });
      expect(textOf(guidance.receivedCard)).toContain('De woonbegeleidingsovereenkomst legt vast dat dit');
      expect(textOf(guidance.receivedCard)).toContain('geen behandelinhoud');
    }

    // Others may not acknowledge (nor see) a signal: a refusal without content, and nothing changes.
    const anySignal = nuisance.receivedCard;
    for (const stranger of ['landlord-vidomes', ...OUTSIDERS] as DemoRole[]) {
      const refused = await execute(bot, connector, stranger, actionOn(anySignal, 'signal.acknowledge'));
      expect(refused).toEqual({
        type: TEXT_ANSWER,
        value: 'Alleen de ontvangende organisatie kan de ontvangst van dit signaal bevestigen.',
      });
    }
    for (const outsider of OUTSIDERS) expect(posts(0, chat(outsider)).length).toBeLessThanOrEqual(1); // the status card only
    expect(posts(0, chat('landlord-duivenvoorde'))).toHaveLength(0);

    // Stored: ids, kind, dates, amount, note — no names, nothing of the nomination's secrets.
    const stored = await store.signals.listForNomination(nomination.id);
    expect(stored.map((s) => `${s.from.side}:${s.kind}`)).toEqual([
      'landlord:overlast',
      'landlord:huurachterstand',
      'care:overlast',
      'care:huurachterstand',
      'care:einde-begeleiding',
      'care:weigering-begeleiding',
    ]);
    expect(stored.every((s) => s.acknowledgement !== undefined && s.version === 2)).toBe(true);
    expect(stored[0]?.note).toBe(NOTE_SECRET);
    expect(stored[1]?.arrears).toEqual({ achterstandBedrag: 812.5, achterstandSinds: '2025-06-16' });
    for (const marker of [...PERSONAL_MARKERS, 'Victor', 'Bea']) expect(textOf(stored)).not.toContain(marker);
    // Audited by id only: no note, amount, kind or name.
    const trail = (await Promise.all(stored.map((s) => store.audit.listForObject(s.id)))).flat();
    const succeeded = trail.filter((r) => r.result === 'success').map((r) => r.action);
    expect(succeeded).toEqual(stored.flatMap(() => ['signal.send', 'signal.acknowledge']));
    // The five refused acknowledgements of the first signal are in its trail too.
    expect(trail.filter((r) => r.result === 'denied')).toHaveLength(5);
    for (const text of [NOTE_SECRET, '812', 'overlast', 'Victor', 'Bea', 'Jan MARKER']) {
      expect(textOf(trail)).not.toContain(text);
    }
    // Landlords were never sent anything the covenant keeps from them (10.6).
    for (const call of connector.calls.filter((c) => c.conversationId !== BEA)) {
      for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(textOf(call.activity)).not.toContain(marker);
    }

    // The platform: signals by kind, counts only (10.2).
    time.advance(60_000);
    const digest = await postActivity(
      bot,
      teamsActivity(DEMO['platform-coordinator'], {
        text: '<at>Convenantbot</at> status',
        entities: [{ type: 'mention', text: '<at>Convenantbot</at>', mentioned: { id: '28:convenantbot' } }],
        conversation: {
          id: '19:platform@thread.tacv2;messageid=1',
          conversationType: 'channel',
          isGroup: true,
          name: '',
        },
        channelData: { channel: { id: '19:platform@thread.tacv2' } },
      } as Partial<Activity>),
    );
    const digestCard = textOf(digest.messages[0]?.attachments?.[0]?.content);
    expect(digestCard).toContain('overlast 2 · huurachterstand 2 · einde begeleiding 1 · begeleiding geweigerd 1');
    for (const text of [NOTE_SECRET, '812', 'Jan MARKER', 'Victor', 'Bea', 'Dorpsstraat']) {
      expect(digestCard).not.toContain(text);
    }
  }, 120_000);

  it('reaches every contact of the receiving side; the first to confirm shows on every card', async () => {
    const VERA_AAD = '00000000-0000-0000-0000-0000000000a1';
    await addContact(
      store,
      'vidomes',
      {
        name: 'Vera Vidomes',
        email: 'vera.vidomes@vidomes.example.org',
        role: 'landlord-contact',
        aadObjectId: VERA_AAD,
      },
      { origin: 'test' },
    );
    await postActivity(
      bot,
      teamsActivity(VERA_AAD, {
        serviceUrl: connector.url,
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: '28:convenantbot', name: 'Convenantbot' }],
      }),
    );
    const VERA = personalChat(VERA_AAD);
    const nomination = await tenancy();
    const beas = statusCardIn(BEA);

    // Victor confirms before any card went out (he heard by phone): every card is drawn as it is then.
    await execute(bot, connector, 'counsellor-parnassia', actionOn(beas.card, 'signal.send'), {
      signalKind: 'overlast',
    });
    const [first] = await store.signals.listForNomination(nomination.id);
    const early = await execute(bot, connector, 'landlord-vidomes', {
      verb: 'signal.acknowledge',
      data: { verb: 'signal.acknowledge', signalId: first!.id },
    });
    expect(textOf(early.value)).toContain('Ontvangst bevestigd door Victor Verhuur');
    let mark = connector.calls.length;
    expect(await drain()).toMatchObject({ sent: 3, failed: 0 });
    for (const conversation of [VICTOR, VERA, BEA]) {
      const [card] = posts(mark, conversation);
      expect(textOf(card?.activity)).toContain('Ontvangst bevestigd door Victor Verhuur');
      expect(verbsOn(cardOf(card!.activity))).toEqual([]);
    }

    // The next one: both Vidomes contacts get it; Vera confirms; Victor's card follows in place.
    time.advance(60_000);
    await execute(bot, connector, 'counsellor-parnassia', actionOn(statusCardIn(BEA).card, 'signal.send'), {
      signalKind: 'huurachterstand',
      signalAchterstandBedrag: '250',
      signalAchterstandSinds: '2025-06-16',
    });
    mark = connector.calls.length;
    await drain();
    const [toVictor] = posts(mark, VICTOR);
    const [toVera] = posts(mark, VERA);
    await execute(
      bot,
      connector,
      'landlord-vidomes',
      actionOn(cardOf(toVera!.activity), 'signal.acknowledge'),
      {},
      {
        from: { id: `29:${VERA_AAD}`, name: 'Vera', aadObjectId: VERA_AAD },
        conversation: { id: VERA, conversationType: 'personal', isGroup: false, name: '' },
      },
    );
    mark = connector.calls.length;
    await drain();
    const updatedVictor = connector.calls.slice(mark).find((c) => c.conversationId === VICTOR);
    expect(updatedVictor).toMatchObject({ method: 'PUT', activityId: toVictor!.activityId });
    expect(textOf(updatedVictor?.activity)).toContain('Ontvangst bevestigd door Vera Vidomes');
    expect(verbsOn(cardOf(updatedVictor!.activity))).toEqual([]);
    expect(textOf(connector.calls.slice(mark).find((c) => c.conversationId === BEA)?.activity)).toContain(
      'Ontvangst bevestigd door Vera Vidomes',
    );
  }, 60_000);

  it('refuses the wrong side, another landlord or organisation, and what the covenant does not allow', async () => {
    const nomination = await tenancy(false);
    const victors = actionOn(statusCardIn(VICTOR).card, 'signal.send');
    const beas = actionOn(statusCardIn(BEA).card, 'signal.send');

    // 8.1, 10.5: the agreement does not allow sharing; the form does not offer it and says why.
    expect(textOf(statusCardIn(BEA).card)).toContain('legt niet vast dat dit met de verhuurder gedeeld mag worden');
    expect(textOf(statusCardIn(BEA).card)).not.toContain('einde-begeleiding');

    const refusedAsText = async (role: DemoRole, action: typeof victors, inputs: Record<string, unknown>) =>
      execute(bot, connector, role, action, inputs);
    const notSent = async (role: DemoRole, action: typeof victors, inputs: Record<string, unknown>) => {
      const card = cardAnswer(await execute(bot, connector, role, action, inputs));
      return textOf(card);
    };

    for (const outsider of OUTSIDERS) {
      expect(await refusedAsText(outsider, victors, { signalKind: 'overlast' })).toEqual({
        type: TEXT_ANSWER,
        value:
          'Alleen de verhuurder van deze huurder en de begeleiders van de aanmeldende organisatie kunnen hier een signaal geven.',
      });
    }
    expect(await notSent('counsellor-parnassia', beas, { signalKind: 'einde-begeleiding' })).toContain(
      'Niet verstuurd: Dit kan niet: de woonbegeleidingsovereenkomst legt niet vast',
    );
    expect(await notSent('landlord-vidomes', victors, { signalKind: 'weigering-begeleiding' })).toContain(
      'Niet verstuurd: Een voortijdig einde of weigering van de begeleiding meldt de begeleider aan de verhuurder',
    );
    expect(
      await notSent('landlord-vidomes', victors, { signalKind: 'overlast', signalNote: 'x'.repeat(501) }),
    ).toContain('Niet verstuurd: De toelichting is langer dan 500 tekens.');
    expect(
      await notSent('landlord-vidomes', victors, {
        signalKind: 'huurachterstand',
        signalAchterstandSinds: '2025-06-16',
      }),
    ).toContain('Niet verstuurd: Vul bij huurachterstand de hoogte van de achterstand in.');
    expect(
      await notSent('landlord-vidomes', victors, {
        signalKind: 'huurachterstand',
        signalAchterstandBedrag: '-3',
        signalAchterstandSinds: '2025-06-16',
      }),
    ).toContain('Niet verstuurd: De hoogte van de achterstand is een bedrag in euro boven nul');
    // The form lets a client pick up to tomorrow (a typed date may be read as midnight UTC); the
    // handler still refuses a date after today.
    const sinceInput = findInput(statusCardIn(VICTOR).card, 'signalAchterstandSinds');
    expect(sinceInput?.max).toBe('2025-06-17');
    expect(
      await notSent('landlord-vidomes', victors, {
        signalKind: 'huurachterstand',
        signalAchterstandBedrag: '10',
        signalAchterstandSinds: '2025-06-17',
      }),
    ).toContain('Niet verstuurd:');
    // A tampered card: unreadable, not a crash.
    expect(await refusedAsText('landlord-vidomes', { ...victors, data: {} }, {})).toEqual({
      type: TEXT_ANSWER,
      value: 'De gegevens van deze kaart zijn onleesbaar. Open de aanmelding opnieuw.',
    });
    // English Teams: the same refusal in English.
    const english = await execute(
      bot,
      connector,
      'landlord-vidomes',
      victors,
      { signalKind: 'overlast', signalNote: 'x'.repeat(501) },
      {
        locale: 'en-US',
      },
    );
    expect(textOf(english.value)).toContain('Not sent: The note is longer than 500 characters.');

    // Nothing stored, nothing sent; every refusal audited without content.
    expect(await store.signals.listForNomination(nomination.id)).toEqual([]);
    expect(await drain()).toMatchObject({ sent: 0 });
  }, 60_000);
});

/** The input with this id anywhere in a card (inside ShowCard actions too). */
function findInput(card: unknown, id: string): { max?: string } | undefined {
  if (Array.isArray(card)) return card.map((item) => findInput(item, id)).find(Boolean);
  if (typeof card !== 'object' || card === null) return undefined;
  if ((card as { id?: unknown }).id === id) return card as { max?: string };
  return Object.values(card)
    .map((value) => findInput(value, id))
    .find(Boolean);
}
