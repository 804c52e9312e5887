/**
 * The help flow through the real path: HTTP → TeamsAdapter → teams-ai Application → identity
 * gate → handler → card, with the answers returned by deliveryMode 'expectReplies'.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Attachment } from 'botbuilder';
import type { RunningBot } from '../../bot/main';
import { nl } from '../../bot/i18n/nl';
import { en } from '../../bot/i18n/en';
import { addContact } from '../../src/parties/registry';
import { PARNASSIA_ID } from '../../src/parties/covenant-parties';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import {
  DEMO,
  postActivity,
  startFakeConnector,
  startTestBot,
  teamsActivity,
  type FakeConnector,
} from '../support/teams-bot';

const COUNSELLOR = DEMO['counsellor-parnassia'];
const LANDLORD = DEMO['landlord-vidomes'];
const STRANGER = '99999999-0000-0000-0000-000000000099';

let bot: RunningBot;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
});
afterEach(() => {
  connector.lookups.length = 0;
});

function from(aadObjectId: string, fields: Partial<Activity> = {}): Partial<Activity> {
  return teamsActivity(aadObjectId, { serviceUrl: connector.url, ...fields });
}

/** The one card the bot answered with: its commands and button titles. */
function helpCardOf(messages: Partial<Activity>[]) {
  expect(messages).toHaveLength(1);
  const attachments = messages[0]?.attachments as Attachment[];
  expect(attachments).toHaveLength(1);
  const card = expectValidAdaptiveCard(attachments[0] as Attachment);
  const body = card.body as { type: string; text?: string; facts?: { title: string; value: string }[] }[];
  return {
    intro: body[1]?.text,
    commands: body.find((element) => element.type === 'FactSet')?.facts ?? [],
    buttons: (card.actions as { title: string; verb?: string }[]).map((action) => action.title),
  };
}

describe('help', () => {
  it('shows a known counsellor the Dutch help card with their commands and a "Nieuwe aanmelding" button', async () => {
    const answer = await postActivity(bot, from(COUNSELLOR, { text: 'help' }));
    expect(answer.status).toBe(200);
    const card = helpCardOf(answer.messages);
    expect(card.intro).toBe(nl.help.introPersonal('begeleider', 'Parnassia Haaglanden'));
    expect(card.commands).toEqual([
      { title: 'aanmelden', value: nl.commands.aanmelden },
      { title: 'mijn aanmeldingen', value: nl.commands['mijn-aanmeldingen'] },
      { title: 'help', value: nl.commands.help },
    ]);
    expect(card.buttons).toEqual(['Nieuwe aanmelding']);
  });

  it('answers in English when Teams runs in English', async () => {
    const answer = await postActivity(bot, from(COUNSELLOR, { text: 'Help', locale: 'en-US' }));
    const card = helpCardOf(answer.messages);
    expect(card.intro).toBe(en.help.introPersonal('counsellor', 'Parnassia Haaglanden'));
    expect(card.commands.map((c) => c.value)).toEqual([
      en.commands.aanmelden,
      en.commands['mijn-aanmeldingen'],
      en.commands.help,
    ]);
    expect(card.buttons).toEqual(['New nomination']);
  });

  it('shows a landlord contact their queue command and no nomination button', async () => {
    const card = helpCardOf((await postActivity(bot, from(LANDLORD, { text: 'help' }))).messages);
    expect(card.commands.map((c) => c.title)).toEqual(['wachtrij', 'help']);
    expect(card.buttons).toEqual([]);
  });

  it('answers text it does not understand with the help card', async () => {
    const card = helpCardOf((await postActivity(bot, from(COUNSELLOR, { text: 'hoe werkt dit?' }))).messages);
    expect(card.commands.map((c) => c.title)).toContain('aanmelden');
  });

  it('says when a command is not for this person, and shows what is', async () => {
    const answer = await postActivity(bot, from(LANDLORD, { text: 'aanmelden' }));
    expect(answer.messages[0]?.text).toBe(nl.commandNotAvailable('aanmelden'));
    expect(helpCardOf(answer.messages).commands.map((c) => c.title)).toEqual(['wachtrij', 'help']);
  });

  it('lists only the platform commands in a channel, and nothing about the sender', async () => {
    const answer = await postActivity(
      bot,
      from(COUNSELLOR, {
        text: '<at>Convenantbot</at> help',
        conversation: channel('19:platform@thread.tacv2;messageid=1'),
      }),
    );
    const card = helpCardOf(answer.messages);
    expect(card.intro).toBe(nl.help.introShared);
    expect(card.commands.map((c) => c.title)).toEqual(['status', 'verdeling', 'help']);
    expect(card.buttons).toEqual([]);
  });

  it('hears a command addressed to it with an @mention in a channel', async () => {
    const mention = {
      type: 'mention',
      text: '<at>Convenantbot</at>',
      mentioned: { id: '28:convenantbot', name: 'Convenantbot' },
    };
    const answer = await postActivity(
      bot,
      from(COUNSELLOR, {
        text: '<at>Convenantbot</at> status',
        entities: [mention],
        conversation: channel('19:x@thread.tacv2'),
      }),
    );
    // The status card (test/bot/platform-flow.test.ts has its figures).
    expect(answer.messages).toHaveLength(1);
    const card = expectValidAdaptiveCard((answer.messages[0]?.attachments as Attachment[])[0] as Attachment);
    expect(JSON.stringify(card)).toContain(nl.platform.digest.statusTitle);
  });

  // The nomination card itself is tested in nomination-form*.test.ts.
  it('answers the "Nieuwe aanmelding" button with the nomination card, as Action.Execute and as its Action.Submit fallback', async () => {
    const execute = await postActivity(
      bot,
      from(COUNSELLOR, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'nomination.new', data: { verb: 'nomination.new' } } },
      }),
    );
    expect(execute.activities.find((a) => a.type === 'invokeResponse')?.value).toMatchObject({
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard' } },
    });

    const submit = await postActivity(bot, from(COUNSELLOR, { text: undefined, value: { verb: 'nomination.new' } }));
    expect(submit.messages).toHaveLength(1);
    expectValidAdaptiveCard((submit.messages[0]?.attachments as Attachment[])[0] as Attachment);
  });
});

describe('people the registry does not know', () => {
  it('get only the "not known" message: no help card, no data', async () => {
    const answer = await postActivity(bot, from(STRANGER, { text: 'help' }));
    expect(answer.messages).toEqual([expect.objectContaining({ text: nl.notKnown })]);
    expect(answer.messages[0]?.attachments).toBeUndefined();
    // Teams was asked for the e-mail address, in vain.
    expect(connector.lookups).toEqual([`a:personal-${STRANGER}/29:${STRANGER}`]);
  });

  it('get it in English too', async () => {
    const answer = await postActivity(bot, from(STRANGER, { text: 'aanmelden', locale: 'en-GB' }));
    expect(answer.messages.map((m) => m.text)).toEqual([en.notKnown]);
  });

  it('get it as the answer to a card action', async () => {
    const answer = await postActivity(
      bot,
      from(STRANGER, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { verb: 'nomination.new' } } }),
    );
    expect(answer.messages).toEqual([]);
    expect(answer.activities.find((a) => a.type === 'invokeResponse')?.value).toMatchObject({
      body: { value: nl.notKnown },
    });
  });

  it('are not greeted when they install the bot', async () => {
    const answer = await postActivity(bot, from(STRANGER, membersAdded()));
    expect(answer.messages.map((m) => m.text)).toEqual([nl.notKnown]);
    expect(await bot.store.conversations.get(`user:${STRANGER}`)).toBeUndefined();
  });
});

describe('a contact registered by e-mail only', () => {
  it('is found through Teams’ member e-mail on first contact, and known by object id afterwards', async () => {
    const aadObjectId = 'aaaaaaaa-0000-0000-0000-00000000e001';
    const email = 'nieuwe.begeleider@parnassia.example.org';
    await addContact(
      bot.store,
      PARNASSIA_ID,
      { name: 'Nieuwe Begeleider', email, role: 'counsellor' },
      { origin: 'test' },
    );
    const withEmail = await startFakeConnector({ [`29:${aadObjectId}`]: { email: email.toUpperCase() } });
    try {
      const first = await postActivity(bot, from(aadObjectId, { text: 'help', serviceUrl: withEmail.url }));
      expect(helpCardOf(first.messages).commands.map((c) => c.title)).toContain('aanmelden');
      expect(withEmail.lookups).toHaveLength(1);

      await postActivity(bot, from(aadObjectId, { text: 'help', serviceUrl: withEmail.url }));
      expect(withEmail.lookups).toHaveLength(1);
    } finally {
      await withEmail.close();
    }
  });
});

describe('installation', () => {
  it('stores the 1:1 conversation reference under the user and greets with the help card', async () => {
    const answer = await postActivity(bot, from(LANDLORD, membersAdded()));
    expect(helpCardOf(answer.messages).commands.map((c) => c.title)).toEqual(['wachtrij', 'help']);
    const stored = await bot.store.conversations.get(`user:${LANDLORD}`);
    expect(stored?.reference).toEqual({
      bot: { id: '28:convenantbot', name: 'Convenantbot' },
      conversation: { id: `a:personal-${LANDLORD}`, conversationType: 'personal', isGroup: false, name: '' },
      channelId: 'msteams',
      serviceUrl: connector.url,
      // Ids only: the display name is not needed to reach someone.
      user: { id: `29:${LANDLORD}`, aadObjectId: LANDLORD },
    });
  });

  it("follows the person's Teams language, so the outbox draws their cards in it", async () => {
    await postActivity(bot, from(LANDLORD, membersAdded({ locale: 'nl-NL' })));
    const stored = () => bot.store.conversations.get(`user:${LANDLORD}`);
    expect((await stored())?.reference.locale).toBe('nl-NL');
    await postActivity(bot, from(LANDLORD, { text: 'help', locale: 'en-US' }));
    expect((await stored())?.reference.locale).toBe('en-US');
    await postActivity(bot, from(LANDLORD, { text: 'help', locale: 'nl-NL' }));
    expect((await stored())?.reference.locale).toBe('nl-NL');
  });

  it('stores a channel under the conversation, whoever added the bot', async () => {
    const conversation = channel('19:team-channel@thread.tacv2');
    const answer = await postActivity(bot, from(STRANGER, membersAdded({ conversation })));
    expect(answer.messages.map((m) => m.text)).toEqual([nl.notKnown]);
    const stored = await bot.store.conversations.get('conversation:19:team-channel@thread.tacv2');
    expect(stored?.reference).toMatchObject({ conversation: { id: '19:team-channel@thread.tacv2' } });
    expect(stored?.reference.user).toBeUndefined();
  });

  it('greets nobody when other people join a team the bot is in', async () => {
    const answer = await postActivity(
      bot,
      from(COUNSELLOR, {
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: '29:someone-else', name: 'X' }],
      }),
    );
    expect(answer.messages).toEqual([]);
  });

  it('forgets a conversation when the bot is removed from it', async () => {
    await postActivity(bot, from(LANDLORD, membersAdded()));
    await postActivity(bot, from(LANDLORD, { type: 'installationUpdate', action: 'remove', text: undefined }));
    expect(await bot.store.conversations.get(`user:${LANDLORD}`)).toBeUndefined();

    const conversation = channel('19:leaving@thread.tacv2');
    await postActivity(bot, from(LANDLORD, membersAdded({ conversation })));
    const removed = {
      type: 'conversationUpdate',
      text: undefined,
      conversation,
      membersRemoved: [{ id: '28:convenantbot', name: 'Convenantbot' }],
    };
    expect((await postActivity(bot, from(LANDLORD, removed))).messages).toEqual([]);
    expect(await bot.store.conversations.get('conversation:19:leaving@thread.tacv2')).toBeUndefined();
  });

  it('makes a contact who installed the bot before being registered reachable on their next message', async () => {
    const aadObjectId = DEMO['casemanager-lokale-kamer'];
    await bot.store.conversations.delete(`user:${aadObjectId}`);
    await postActivity(bot, from(aadObjectId, { text: 'help' }));
    expect(await bot.store.conversations.get(`user:${aadObjectId}`)).toBeDefined();
  });
});

function channel(id: string): Activity['conversation'] {
  return { id, conversationType: 'channel', isGroup: true, name: '' };
}

function membersAdded(fields: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    text: undefined,
    membersAdded: [{ id: '28:convenantbot', name: 'Convenantbot' }],
    ...fields,
  };
}
