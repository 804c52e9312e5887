/**
 * The status card's actions beyond the happy path, through the real bot: the Action.Submit
 * fallback, English, a slow database ("bezig", then the real card in its place), unreadable card
 * data, and people whose role takes no step here. And "wachtrij" with "Open".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attachment } from 'botbuilder';
import type { RunningBot } from '../../bot/main';
import { en } from '../../bot/i18n/en';
import { nl } from '../../bot/i18n/nl';
import type { Store } from '../../src/storage/ports';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import { LANDLORD_FORBIDDEN_MARKERS } from '../support/nomination-fixture';
import {
  actionOn,
  CARD_ANSWER,
  execute,
  install,
  onlyCardIn,
  personalChat,
  secretDraftFields,
  seedRegistered,
  startFlowBot,
  TestClock,
  TEXT_ANSWER,
  verbsOn,
} from '../support/status-flow';
import { storeFactories, type TestStore } from '../support/stores';
import { DEMO, postActivity, teamsActivity } from '../support/teams-bot';
import { cardOf, startFakeTeamsConnector, type FakeTeamsConnector } from '../support/teams-connector';

const VICTOR = personalChat(DEMO['landlord-vidomes']);

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out waiting');
}

describe.each(storeFactories)('status card actions ($name store)', ({ create }) => {
  let store: TestStore;
  let time: TestClock;
  let connector: FakeTeamsConnector;
  let bot: RunningBot;

  async function start(overrides: Parameters<typeof startFlowBot>[2] = {}, on: Store = store) {
    bot = await startFlowBot(on, time, overrides);
    for (const role of ['landlord-vidomes', 'landlord-wooninvest', 'counsellor-parnassia'] as const) {
      await install(bot, connector, role);
    }
  }

  beforeEach(async () => {
    store = await create();
    time = new TestClock();
    connector = await startFakeTeamsConnector(() => time.now);
  });
  afterEach(async () => {
    await bot.stop();
    await connector.close();
    await store.close();
  });

  async function victorsCard() {
    await seedRegistered(store, time);
    await bot.outbox.drainOnce();
    return onlyCardIn(connector, VICTOR);
  }

  it('answers the Action.Submit fallback of older clients with the refreshed card as a message', async () => {
    await start();
    const { card } = await victorsCard();
    const { data } = actionOn(card, 'nomination.acknowledge');
    const answer = await postActivity(
      bot,
      teamsActivity(DEMO['landlord-vidomes'], { serviceUrl: connector.url, text: undefined, value: data }),
    );
    expect(answer.messages).toHaveLength(1);
    const reply = expectValidAdaptiveCard((answer.messages[0]?.attachments as Attachment[])[0]!);
    expect(JSON.stringify(reply)).toContain('Ontvangst bevestigd door Victor Verhuur');
    expect(verbsOn(reply)).toEqual(['nomination.propose-home', 'nomination.refuse']);
  });

  it('answers in the language Teams runs in, and renders sent cards in the recipient’s', async () => {
    await start();
    const { card } = await victorsCard();
    const answer = await execute(
      bot,
      connector,
      'landlord-vidomes',
      actionOn(card, 'nomination.acknowledge'),
      {},
      { locale: 'en-US' },
    );
    expect(answer.type).toBe(CARD_ANSWER);
    const json = JSON.stringify(answer.value);
    expect(json).toContain('Receipt confirmed by Victor Verhuur on 16 Jun 2025');
    expect(json).toContain(en.nominationStatus.actions.proposeHome.title);
  });

  it('answers "bezig" when the database is slow, then puts the real card in that card’s place', async () => {
    // Slow writes: the step outlasts the card action's budget.
    const slow: Store = {
      ...store,
      nominations: Object.assign(Object.create(store.nominations) as Store['nominations'], {
        replace: async (...args: Parameters<Store['nominations']['replace']>) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          return store.nominations.replace(...args);
        },
      }),
    };
    await start({ cardActionBudgetMs: 50 }, slow);
    const { card, activityId } = await victorsCard();
    const acknowledge = actionOn(card, 'nomination.acknowledge');
    // Pressed on a copy of the card opened from "wachtrij": not the card the worker keeps current.
    const opened = 'opened-from-queue-1';
    const answer = await execute(bot, connector, 'landlord-vidomes', acknowledge, {}, { replyToId: opened });
    expect(answer.type).toBe(CARD_ANSWER);
    expect(JSON.stringify(expectValidAdaptiveCard({ contentType: CARD_ANSWER, content: answer.value }))).toContain(
      nl.nominationStatus.answers.busy,
    );
    // The step finishes after the answer; then the worker updates both cards in Victor's chat.
    const replacement = `${acknowledge.data.nominationId as string}:v3:user:${DEMO['landlord-vidomes']}:replace:${opened}`;
    await eventually(async () => (await store.outbox.get(replacement)) !== undefined);
    const mark = connector.calls.length;
    await bot.outbox.drainOnce();
    const updates = connector.calls.slice(mark).filter((c) => c.conversationId === VICTOR);
    expect(updates.map((c) => [c.method, c.activityId]).sort()).toEqual(
      [
        ['PUT', activityId],
        ['PUT', opened],
      ].sort(),
    );
    for (const update of updates)
      expect(JSON.stringify(cardOf(update.activity))).toContain('Ontvangst bevestigd door Victor Verhuur');
  });

  it('refuses card data it cannot read, and a role that takes no step, without a change', async () => {
    await start();
    const { card } = await victorsCard();
    const { data } = actionOn(card, 'nomination.acknowledge');
    const broken = await execute(bot, connector, 'landlord-vidomes', {
      verb: 'nomination.acknowledge',
      data: { verb: 'nomination.acknowledge', version: 'x' },
    });
    expect(broken).toEqual({ type: TEXT_ANSWER, value: nl.nominationStatus.answers.unreadable });
    const coordinator = await execute(bot, connector, 'platform-coordinator', { verb: 'nomination.acknowledge', data });
    expect(coordinator).toEqual({
      type: TEXT_ANSWER,
      value: 'Alleen de vaste contactpersoon van de verhuurder kan deze stap zetten.',
    });
    const counsellor = await execute(bot, connector, 'counsellor-parnassia', { verb: 'nomination.acknowledge', data });
    expect(counsellor.type).toBe(TEXT_ANSWER);
    expect((await store.nominations.get(data.nominationId as string))?.state).toBe('registered');
  });

  describe('wachtrij', () => {
    it('lists the landlord’s queue in covenant order, from the landlord view, with "Open"', async () => {
      await start();
      // Registered in January: past its three-month target date (5.4).
      time.now = Date.parse('2025-01-10T09:00:00.000Z');
      await seedRegistered(store, time, secretDraftFields({ type: 'convenantwoning' }), 'early');
      time.now = Date.parse('2025-06-16T08:00:00.000Z');
      await seedRegistered(
        store,
        time,
        secretDraftFields({
          type: 'convenantwoning',
          candidate: { name: 'Later Kandidaat', household: { adults: 1, minorChildren: 0 } },
        }),
        'later',
      );
      await seedRegistered(
        store,
        time,
        secretDraftFields({
          type: 'noodwoning',
          candidate: { name: 'Nood Gezin', household: { adults: 2, minorChildren: 2 } },
        }),
        'nood',
      );

      const answer = await postActivity(
        bot,
        teamsActivity(DEMO['landlord-vidomes'], { serviceUrl: connector.url, text: 'wachtrij' }),
      );
      expect(answer.messages).toHaveLength(1);
      const card = expectValidAdaptiveCard((answer.messages[0]?.attachments as Attachment[])[0]!);
      const json = JSON.stringify(card);
      for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(json).not.toContain(marker);
      const body = card.body as {
        type: string;
        items?: { text?: string; facts?: { title: string; value: string }[] }[];
      }[];
      const entries = body.filter((b) => b.type === 'Container');
      expect(entries.map((e) => e.items?.[0]?.text)).toEqual([
        'Nr. 1 · Nood Gezin',
        'Nr. 2 · Jan MARKER',
        'Nr. 3 · Later Kandidaat',
      ]);
      expect(entries[1]?.items?.[1]?.text).toBe('De streefdatum (10-04-2025) is verstreken.');
      expect(entries[0]?.items?.find((i) => i.facts)?.facts).toEqual([
        { title: 'Soort', value: 'Noodwoning' },
        { title: 'Aangemeld op', value: '16-06-2025' },
        { title: 'Streefdatum aanbod (5.4)', value: '16-09-2025' },
        { title: 'Stand', value: 'aangemeld' },
      ]);
      expect(json).toContain('Wachtrij Stichting Vidomes');

      // "Open": the landlord status card; for someone the nomination was not sent to, nothing.
      const open = actionOn(entries[1], 'nomination.open');
      const opened = await execute(bot, connector, 'landlord-vidomes', open);
      expect(opened.type).toBe(CARD_ANSWER);
      expect(verbsOn(opened.value)).toEqual(['nomination.acknowledge', 'nomination.refuse']);
      const stranger = await execute(bot, connector, 'landlord-duivenvoorde', open);
      expect(stranger).toEqual({ type: TEXT_ANSWER, value: nl.nominationStatus.answers.cannotView });
      const reads = (await store.audit.listForObject('early')).filter((r) => r.action.startsWith('nomination.read'));
      expect(reads.map((r) => [r.action, r.result])).toEqual(
        expect.arrayContaining([
          ['nomination.read:landlord-queue', 'success'],
          ['nomination.read:landlord-view', 'success'],
          ['nomination.read:landlord-view', 'denied'],
        ]),
      );
    });

    it('says so when nobody waits, in English too', async () => {
      await start();
      const answer = await postActivity(
        bot,
        teamsActivity(DEMO['landlord-wooninvest'], { serviceUrl: connector.url, text: 'wachtrij', locale: 'en-GB' }),
      );
      const card = expectValidAdaptiveCard((answer.messages[0]?.attachments as Attachment[])[0]!);
      expect(JSON.stringify(card)).toContain(en.queue.empty);
      expect(JSON.stringify(card)).toContain('Queue Stichting WoonInvest');
    });
  });
});
