/** The bot on each store the project has: start-up seeding, identity and conversation references. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../bot/main';
import { storeFactories, type TestStore } from '../support/stores';
import { DEMO, postActivity, startTestBot, teamsActivity } from '../support/teams-bot';

describe.each(storeFactories)('the bot on the $name store', ({ create }) => {
  let store: TestStore;
  const bots: RunningBot[] = [];
  beforeEach(async () => {
    store = await create();
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((bot) => bot.stop()));
    await store.close();
  });

  async function start(): Promise<RunningBot> {
    const bot = await startTestBot({}, { store });
    bots.push(bot);
    return bot;
  }

  it('seeds the covenant and the demo contacts once, however often it starts', async () => {
    await (await start()).stop();
    const partiesAfterFirst = await store.parties.list();
    await start();
    expect(await store.parties.list()).toEqual(partiesAfterFirst);
    expect(partiesAfterFirst.flatMap((party) => party.contacts)).toHaveLength(Object.keys(DEMO).length);
  });

  it('knows a demo counsellor and remembers where to reach them', async () => {
    const bot = await start();
    const counsellor = DEMO['counsellor-parnassia'];
    const answer = await postActivity(
      bot,
      teamsActivity(counsellor, {
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:convenantbot', name: 'Convenantbot' }],
      }),
    );
    expect(answer.messages).toHaveLength(1);
    expect(answer.messages[0]?.attachments).toHaveLength(1);
    expect((await store.conversations.get(`user:${counsellor}`))?.reference.serviceUrl).toBe('http://127.0.0.1:9/');
  });
});
