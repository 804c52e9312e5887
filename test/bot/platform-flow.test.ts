/**
 * The platform channel through the real path (HTTP → TeamsAdapter → teams-ai Application →
 * identity gate → handler → card): "status" answers with the digest card, counts only (10.2);
 * "verdeling" shows the year's homes per landlord (9), and only the platform coordinator may
 * set them or record an exchange.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Attachment } from 'botbuilder';
import { nl } from '../../bot/i18n/nl';
import { en } from '../../bot/i18n/en';
import type { RunningBot } from '../../bot/main';
import { RECORD_EXCHANGE_VERB, SAVE_HOMES_VERB } from '../../cards/distribution/distribution.model';
import { DEMO_CONTACTS } from '../../src/parties/demo-contacts';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import type { Store } from '../../src/storage/ports';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import { DEMO, postActivity, startTestBot, teamsActivity } from '../support/teams-bot';
import { startFakeTeamsConnector } from '../support/teams-connector';
import { KNOWN_NOW, KNOWN_SECRETS, seedKnownDataSet } from '../src/digest/known-data-set';

const PLATFORM = '19:platform@thread.tacv2';
const COORDINATOR = DEMO['platform-coordinator'];
const LANDLORD = DEMO['landlord-vidomes'];
const MENTION = {
  type: 'mention',
  text: '<at>Convenantbot</at>',
  mentioned: { id: '28:convenantbot', name: 'Convenantbot' },
};

let bot: RunningBot;
let store: Store;

beforeAll(async () => {
  store = createMemoryStore();
  await seedKnownDataSet(store);
  bot = await startTestBot(
    { PLATFORM_CHANNEL_ID: PLATFORM },
    { store, clock: () => KNOWN_NOW, digestScheduler: false, outbox: { poll: false } },
  );
});
afterAll(async () => {
  await bot.stop();
  await store.close();
});

function inChannel(aadObjectId: string, fields: Partial<Activity>, channelId = PLATFORM): Partial<Activity> {
  return teamsActivity(aadObjectId, {
    conversation: { id: `${channelId};messageid=1`, conversationType: 'channel', isGroup: true, name: '' },
    channelData: { channel: { id: channelId } },
    ...fields,
  });
}

function command(aadObjectId: string, text: string, fields: Partial<Activity> = {}): Partial<Activity> {
  return inChannel(aadObjectId, { text: `<at>Convenantbot</at> ${text}`, entities: [MENTION], ...fields });
}

function cardAction(aadObjectId: string, verb: string, data: Record<string, unknown>): Partial<Activity> {
  return inChannel(aadObjectId, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } } },
  });
}

/** The one card the bot answered a message with. */
async function cardAnswer(activity: Partial<Activity>): Promise<Record<string, unknown>> {
  const { messages } = await postActivity(bot, activity);
  expect(messages).toHaveLength(1);
  return expectValidAdaptiveCard((messages[0]?.attachments as Attachment[])[0] as Attachment);
}

/** The card an Action.Execute got back in place of its own. */
async function invokeAnswer(activity: Partial<Activity>): Promise<Record<string, unknown>> {
  const answer = await postActivity(bot, activity);
  const body = answer.activities.find((a) => a.type === 'invokeResponse')?.value as {
    status: number;
    body: { type: string; value: Record<string, unknown> };
  };
  expect(body.status).toBe(200);
  expect(body.body.type).toBe('application/vnd.microsoft.card.adaptive');
  return expectValidAdaptiveCard({ contentType: body.body.type, content: body.body.value });
}

function textOf(card: Record<string, unknown>): string {
  return JSON.stringify(card);
}

function inputsOf(card: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (typeof n.type === 'string' && n.type.startsWith('Input.')) inputs[n.id as string] = n.value;
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return inputs;
}

const DEMO_PERSONAL = Object.values(DEMO_CONTACTS).flatMap((c) => [c.name, c.email]);

describe('status in the platform channel', () => {
  it('answers with the digest card: this moment’s figures, counts only', async () => {
    const card = await cardAnswer(command(LANDLORD, 'status'));
    const text = textOf(card);
    expect(text).toContain(nl.platform.digest.statusTitle);
    expect(text).toContain('Stand per 10 september 2025');
    expect(text).toContain('Stichting Vidomes');
    expect(text).toContain('■□□□ 1/4');
    for (const secret of [...KNOWN_SECRETS, ...DEMO_PERSONAL]) expect(text, secret).not.toContain(secret);
  });

  it('speaks English to an English Teams', async () => {
    const card = await cardAnswer(command(COORDINATOR, 'status', { locale: 'en-US' }));
    expect(textOf(card)).toContain(en.platform.digest.statusTitle);
  });

  it('is not offered in another channel', async () => {
    const { messages } = await postActivity(
      bot,
      inChannel(LANDLORD, { text: '<at>Convenantbot</at> status', entities: [MENTION] }, '19:other@thread.tacv2'),
    );
    expect(messages[0]?.text).toBe(nl.commandNotAvailable('status'));
  });
});

// These share one store and run in order: each sees the distribution the one before left.
describe('verdeling', () => {
  it('shows anyone but the platform coordinator the figures read-only', async () => {
    const card = await cardAnswer(command(LANDLORD, 'verdeling'));
    expect(textOf(card)).toContain(nl.platform.distribution.introReadOnly);
    expect(textOf(card)).toContain('Stichting Duivenvoorde');
    expect(inputsOf(card)).toEqual({});
    expect(textOf(card)).not.toContain('Action.');
  });

  it('lists the year’s exchanges without their free-text note (10.2)', async () => {
    const text = textOf(await cardAnswer(command(LANDLORD, 'verdeling')));
    expect(text).toContain('1 jun: Stichting WoonInvest → Stichting Vidomes, 1 woning');
    expect(text).not.toContain('SECRET-EXCHANGE-NOTE');
  });

  it('gives the platform coordinator the homes to set and an exchange to record', async () => {
    const card = await cardAnswer(command(COORDINATOR, 'verdeling'));
    expect(textOf(card)).toContain(nl.platform.distribution.introEditable);
    expect(inputsOf(card)).toEqual({
      homes_duivenvoorde: 1,
      homes_vidomes: 3,
      homes_wooninvest: 3,
      exchangeFrom: undefined,
      exchangeTo: undefined,
      exchangeHomes: undefined,
      exchangeNote: undefined,
    });
  });

  it('refuses a save from anyone else, whatever card it came from', async () => {
    const before = await store.distributions.get(2025);
    const card = await invokeAnswer(
      cardAction(LANDLORD, SAVE_HOMES_VERB, { year: 2025, version: before?.version, homes_vidomes: '9' }),
    );
    expect(textOf(card)).toContain(nl.platform.distribution.notAllowed);
    expect(await store.distributions.get(2025)).toEqual(before);
  });

  it('saves the coordinator’s homes, audited, and answers with the new figures', async () => {
    const { version } = (await store.distributions.get(2025))!;
    const card = await invokeAnswer(
      cardAction(COORDINATOR, SAVE_HOMES_VERB, {
        year: 2025,
        version,
        homes_duivenvoorde: '1',
        homes_vidomes: '5',
        homes_wooninvest: '3',
      }),
    );
    expect(textOf(card)).toContain(nl.platform.distribution.saved);
    expect(textOf(card)).toContain('■□□□□□ 1/6'); // 5 + 1 received, 1 let
    expect(inputsOf(card)).toMatchObject({ homes_vidomes: 5 });
    const saved = (await store.distributions.get(2025))!;
    expect(saved.homes).toEqual({ vidomes: 5, wooninvest: 3, duivenvoorde: 1 });
    expect(saved.version).toBe(version + 1);
    expect(await store.audit.listForObject('2025')).toEqual([
      expect.objectContaining({ action: 'distribution.set-homes', actorId: 'demo-platform-coordinator' }),
    ]);
  });

  it('does not overwrite a change made since the card was shown', async () => {
    const { version } = (await store.distributions.get(2025))!;
    const card = await invokeAnswer(
      cardAction(COORDINATOR, SAVE_HOMES_VERB, { year: 2025, version: version - 1, homes_vidomes: '2' }),
    );
    expect(textOf(card)).toContain(nl.platform.distribution.changedMeanwhile);
    expect((await store.distributions.get(2025))?.homes.vidomes).toBe(5);
  });

  it('sets this year or the next only, whatever year a card names', async () => {
    const card = await invokeAnswer(
      cardAction(COORDINATOR, SAVE_HOMES_VERB, { year: 2031, version: 0, homes_vidomes: '7' }),
    );
    expect(textOf(card)).toContain(nl.platform.distribution.title(2025));
    expect(textOf(card)).not.toContain(nl.platform.distribution.saved);
    expect(await store.distributions.get(2031)).toBeUndefined();
  });

  it('says which number is not a whole number of homes', async () => {
    const { version } = (await store.distributions.get(2025))!;
    const card = await invokeAnswer(
      cardAction(COORDINATOR, SAVE_HOMES_VERB, { year: 2025, version, homes_wooninvest: '2.5' }),
    );
    expect(textOf(card)).toContain(nl.platform.distribution.invalidHomes('Stichting WoonInvest'));
    expect((await store.distributions.get(2025))?.homes.wooninvest).toBe(3);
  });

  it('records an exchange with its note, and refuses one the giver has no homes left for (9)', async () => {
    const recorded = await invokeAnswer(
      cardAction(COORDINATOR, RECORD_EXCHANGE_VERB, {
        exchangeFrom: 'vidomes',
        exchangeTo: 'duivenvoorde',
        exchangeHomes: '2',
        exchangeNote: 'afgesproken op het platform',
      }),
    );
    expect(textOf(recorded)).toContain(nl.platform.distribution.exchangeRecorded);
    expect(textOf(recorded)).toContain('10 sep: Stichting Vidomes → Stichting Duivenvoorde, 2 woningen');
    expect((await store.distributions.get(2025))?.exchanges.at(-1)).toMatchObject({
      fromLandlordId: 'vidomes',
      toLandlordId: 'duivenvoorde',
      homes: 2,
      on: '2025-09-10',
      note: 'afgesproken op het platform',
      recordedBy: 'demo-platform-coordinator',
    });

    // WoonInvest: 3 set, 1 given, 2 let — nothing left to give.
    const refused = await invokeAnswer(
      cardAction(COORDINATOR, RECORD_EXCHANGE_VERB, {
        exchangeFrom: 'wooninvest',
        exchangeTo: 'vidomes',
        exchangeHomes: '1',
      }),
    );
    expect(textOf(refused)).toContain(nl.platform.distribution.rules['not-enough-homes']);
    const invalid = await invokeAnswer(
      cardAction(COORDINATOR, RECORD_EXCHANGE_VERB, {
        exchangeFrom: 'vidomes',
        exchangeTo: 'SECRET-X',
        exchangeHomes: '1',
      }),
    );
    expect(textOf(invalid)).toContain(nl.platform.distribution.invalidExchange);
  });

  it('answers the Action.Submit fallback of older clients with a new card message', async () => {
    const { version } = (await store.distributions.get(2025))!;
    const card = await cardAnswer(
      inChannel(COORDINATOR, {
        text: undefined,
        value: { verb: SAVE_HOMES_VERB, year: 2025, version, homes_vidomes: '5' },
      }),
    );
    expect(textOf(card)).toContain(nl.platform.distribution.unchanged);
  });
});

describe('the weekly digest', () => {
  it('goes out at start-up after a missed Monday, through the outbox, into the platform channel', async () => {
    const own = createMemoryStore();
    const teams = await startFakeTeamsConnector();
    const running = await startTestBot(
      { PLATFORM_CHANNEL_ID: PLATFORM },
      { store: own, clock: () => KNOWN_NOW, outbox: { poll: false } },
    );
    try {
      // The scheduler's first tick, at start-up: Monday 8 September passed while the bot was not running.
      await expect
        .poll(() => own.outbox.get('digest:2025-W37'), { timeout: 5000 })
        .toMatchObject({
          kind: 'digest',
          conversationKey: `conversation:${PLATFORM}`,
        });
      // The bot was added to the platform channel: the identity gate keeps its reference.
      await postActivity(running, {
        ...inChannel(COORDINATOR, { type: 'conversationUpdate', text: undefined, serviceUrl: teams.url }),
        membersAdded: [{ id: '28:convenantbot', name: 'Convenantbot' }],
      });
      await running.outbox.drainOnce();

      const [post] = teams.delivered();
      expect(post).toMatchObject({ method: 'POST', conversationId: PLATFORM });
      const card = expectValidAdaptiveCard((post!.activity.attachments as Attachment[])[0] as Attachment);
      expect(textOf(card)).toContain('Weekoverzicht convenant — week 37, 2025');
      expect(await own.outbox.get('digest:2025-W37')).toMatchObject({ status: 'sent' });
    } finally {
      await running.stop();
      await own.close();
      await teams.close();
    }
  });
});
