/**
 * The real bot behind the Microsoft 365 Agents Playground, driven through the playground's own
 * HTTP API and message stream (scripts/playground/playground.ts): install, "help", and the identity
 * check. The playground acts as a Dutch Teams client (nl-NL) with the demo users of
 * .m365agentsplayground.yml; the demo counsellor Bea Begeleider is its current user.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_IDENTITIES } from '../../bot/dev/playground-identities';
import { parseConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { startBot, type RunningBot } from '../../bot/main';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import {
  cardsOf,
  cardTexts,
  startPlayground,
  type Playground,
  type StreamEvent,
} from '../../scripts/playground/playground';

const NOT_KNOWN = 'Je bent (nog) niet bekend als contactpersoon';
const isHelpCard = (event: StreamEvent) => cardsOf(event).some((card) => cardTexts(card).includes('Convenantbot'));
const inConversation = (id: string, test: (event: StreamEvent) => boolean) => (event: StreamEvent) =>
  event.actionConversationId === id && test(event);

/** The commands a help card lists (its FactSet titles). */
function helpCommands(event: StreamEvent): string[] {
  const card = cardsOf(event)[0] as { body?: { type: string; facts?: { title: string }[] }[] };
  return (card.body ?? []).flatMap((element) => element.facts?.map((fact) => fact.title) ?? []);
}

describe('the bot in the Agents Playground', () => {
  let bot: RunningBot | undefined;
  let pg: Playground | undefined;

  beforeAll(async () => {
    const config = parseConfig({ PORT: '0', SEED_DEMO: 'true' });
    bot = await startBot(config, {
      store: createMemoryStore(),
      demoIdentities: PLAYGROUND_IDENTITIES,
      logger: createLogger('error'),
    });
    pg = await startPlayground({
      botUrl: `${bot.url}/api/messages`,
      // The committed file, so that what `npm run dev` shows is what is tested here.
      configPath: fileURLToPath(new URL('../../.m365agentsplayground.yml', import.meta.url)),
    });
  }, 60_000);

  afterAll(async () => {
    await pg?.stop();
    await bot?.stop();
    await bot?.store.close();
  });

  it('greets the demo counsellor on install and answers "help" with the Dutch help card', async () => {
    const { config } = await pg!.config();
    expect(config.currentUser.aadObjectId).toBe(PLAYGROUND_IDENTITIES['counsellor-parnassia']);
    const chat = config.personalChat.id;

    await pg!.install(chat);
    await pg!.stream.waitFor(inConversation(chat, isHelpCard), { what: 'welcome card after install' });

    const mark = pg!.stream.cursor();
    await pg!.sendMessage(chat, config.currentUser.id, 'help');
    const reply = await pg!.stream.waitFor(inConversation(chat, isHelpCard), { after: mark, what: 'help card' });

    const texts = cardTexts(cardsOf(reply)[0]);
    expect(texts).toContain("Je bent bekend als begeleider van Parnassia Haaglanden. Typ een van deze commando's:");
    expect(helpCommands(reply)).toEqual(['aanmelden', 'mijn aanmeldingen', 'help']);
    expect(texts).toContain('Nieuwe aanmelding voor een convenantwoning of noodwoning');
  });

  it('tells someone who is no contact only that they are not known, in a group chat', async () => {
    const { config } = await pg!.config();
    const group = config.groupChats[0]!.id;
    await pg!.install(group);
    const welcome = await pg!.stream.waitFor(inConversation(group, isHelpCard), { what: 'group chat welcome card' });
    // The shared help card: the platform's commands, nothing about the person.
    expect(helpCommands(welcome)).toEqual(['status', 'verdeling', 'help']);

    // A typed message always comes from the playground's current user, so a stranger speaks
    // through a custom activity, as the playground's "custom activity" panel sends it.
    const stranger = {
      id: 'user-id-stranger',
      name: 'Nina Nieuw',
      aadObjectId: 'f1a2b3c4-0000-4000-8000-00000000aaaa',
    };
    const mark = pg!.stream.cursor();
    await pg!.sendActivityAs(await pg!.messageFrom(group, stranger, 'help'));
    await pg!.stream.waitFor(
      inConversation(group, (e) => e.message?.text?.includes(NOT_KNOWN) ?? false),
      {
        after: mark,
        what: '"niet bekend" answer to the stranger',
      },
    );
    await pg!.botIdle();

    const answers = pg!.stream.events.slice(mark).filter((e) => e.actionConversationId === group && e.message);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.message!.attachments).toEqual([]);
  });
});
