/**
 * Several people around one real bot, each in their own Microsoft 365 Agents Playground, for the
 * end-to-end journeys (test/e2e/, test/browser/).
 *
 * Why one playground per person: the playground only shows (and streams) its *current user's*
 * chats and only lets that user type, just as each person has their own Teams. Each demo role in
 * `roles` gets a playground with that role as its current user (playgroundConfigYaml(role)); the
 * bot reaches each through the reference it stored when the app was installed in that person's
 * 1:1 chat, so what a person is sent is asserted on *their* stream: a proactive send through that
 * playground's mock connector, nothing faked. The platform channel lives in `platformRole`'s
 * playground (PLATFORM_CHANNEL_ID is the playground's "Platform" channel).
 *
 *   const world = await startPlaygroundWorld({ store, time, roles: ['counsellor-parnassia', 'landlord-vidomes'] });
 *   const bea = world.person('counsellor-parnassia');
 *   const form = await world.say(bea, 'aanmelden');          // the first card the bot answers with
 *   const card = await world.press(bea, form.messageId, { verb, data }, inputs);
 *   await world.drain();                                      // the outbox worker does not poll
 *   const { card } = await world.nominationCard(victor, 'Anna de Vries', 'Ontvangst bevestigd');
 *   await world.forceWeeklyDigest();                          // one digest tick at the test's clock
 *   await world.stop();
 *
 * API mode (default): each playground's message stream is collected, the people's 1:1 chats and
 * the platform channel are installed through the API, and the outbox worker is drained by the test
 * (`drain()`), on a clock the test moves, so every date on the cards is known. Browser mode
 * (`browser: true`): the browser is each playground's client (the playground hands its buffered
 * messages to the first stream client only), opening the page installs the app, and the worker
 * polls every 200 ms.
 */
import { expect } from 'vitest';
import { parseConfig, type BotConfig } from '../../bot/config';
import {
  personalChatId,
  playgroundConfigYaml,
  playgroundUser,
  PLAYGROUND_CHANNEL_ID,
  PLAYGROUND_IDENTITIES,
  type PlaygroundUser,
} from '../../bot/dev/playground-identities';
import { createLogger } from '../../bot/logger';
import { startBot, type RunningBot } from '../../bot/main';
import type { DrainReport } from '../../bot/outbox/worker';
import { DigestScheduler, type TickOutcome } from '../../bot/scheduler/digest-scheduler';
import type { DemoRole } from '../../src/parties/demo-contacts';
import type { Store } from '../../src/storage/ports';
import type { Clock } from '../../src/time/dates';
import { expectValidAdaptiveCard } from './adaptive-card';
import type { Card } from './nomination-card-driver';
import {
  cardsOf,
  cardTexts,
  startPlayground,
  type Playground,
  type StreamEvent,
} from '../../scripts/playground/playground';
import { CARD_ANSWER } from './status-flow';

export interface PlaygroundPerson {
  role: DemoRole;
  user: PlaygroundUser;
  name: string;
  /** Their 1:1 chat with the bot. */
  chat: string;
  /** Their own Teams. */
  pg: Playground;
  /** The cards the bot answered this person's button presses with (the stream does not carry them). */
  readonly answers: Card[];
}

export interface WorldClock {
  clock: Clock;
  /** What the outbox worker's pacing and backoff sleep on; real time when absent. */
  sleep?: (ms: number) => Promise<void>;
}

export interface PlaygroundWorldOptions {
  store: Store;
  time: WorldClock;
  /** One playground per role, that role its current user. */
  roles: readonly DemoRole[];
  /** Whose playground holds the platform channel (one of `roles`); no channel when absent. */
  platformRole?: DemoRole;
  /** The browser is every playground's client (see the top of this file). */
  browser?: boolean;
}

export interface PlaygroundWorld {
  readonly bot: RunningBot;
  readonly config: BotConfig;
  /** The playground channel that is PLATFORM_CHANNEL_ID. */
  readonly platformChannel: string;
  person(role: DemoRole): PlaygroundPerson;
  /** Delivers the outbox once; fails on anything not delivered. */
  drain(): Promise<DrainReport>;
  /**
   * The person types `text` in their 1:1 chat (or in `conversationId`, mentioning the bot) and
   * the first card the bot answers with there.
   */
  say(
    person: PlaygroundPerson,
    text: string,
    conversationId?: string,
  ): Promise<{ messageId: string; card: Card; event: StreamEvent }>;
  /** Presses a card button (Action.Execute, the inputs merged into its data as Teams does); the card it answers with. */
  press(
    person: PlaygroundPerson,
    messageId: string,
    action: { verb: string; data: Record<string, unknown> },
    inputs?: Record<string, unknown>,
    conversationId?: string,
  ): Promise<Card>;
  /**
   * The status card of the nomination of `candidate` in the person's 1:1 chat as it looks now
   * (posted, then updated in place), once it shows `showing`: exactly one such card per chat.
   */
  nominationCard(
    person: PlaygroundPerson,
    candidate: string,
    showing: string,
  ): Promise<{ messageId: string; card: Card }>;
  /**
   * Browser mode: resolves once the polling outbox worker has nothing left to send and the
   * playground had a moment to show what it sent. A card updated in place re-renders, closing a
   * form opened on it (Action.ShowCard): wait for this before opening one after a step.
   */
  settled(timeoutMs?: number): Promise<void>;
  /** Each message the bot sent in a conversation (the channel: its threads too) as it looks now. */
  messagesIn(person: PlaygroundPerson, conversationId: string): Map<string, Card>;
  /** Every card a person got: sent to any of their conversations, or answered to their presses. */
  everythingSeenBy(person: PlaygroundPerson): unknown[];
  /**
   * Runs one tick of the weekly digest scheduler (bot/scheduler/digest-scheduler.ts) on the bot's
   * store at the world's clock, as the running bot's own scheduler would at that moment. The bot
   * exposes no way to force it (no command, no handle on its scheduler in RunningBot), so the
   * world builds one from the same configuration; the outbox then posts it (drain()).
   */
  forceWeeklyDigest(): Promise<TickOutcome>;
  stop(): Promise<void>;
}

/** The first TextBlock of a card: the nomination status card's is "Aanmelding <name>". */
export function titleOf(card: unknown): string | undefined {
  const body = (card as { body?: { type?: string; text?: string }[] } | undefined)?.body;
  return body?.find((element) => element.type === 'TextBlock')?.text;
}

export async function startPlaygroundWorld(options: PlaygroundWorldOptions): Promise<PlaygroundWorld> {
  const { store, time, roles, platformRole, browser = false } = options;
  if (platformRole && !roles.includes(platformRole)) throw new Error(`${platformRole} has no playground`);
  const config = parseConfig({
    PORT: '0',
    SEED_DEMO: 'true',
    ...(platformRole && { PLATFORM_CHANNEL_ID: PLAYGROUND_CHANNEL_ID }),
  });
  const bot = await startBot(config, {
    store,
    demoIdentities: PLAYGROUND_IDENTITIES,
    logger: createLogger('error'),
    clock: time.clock,
    outbox: browser
      ? { pollIntervalMs: 200, ...(time.sleep && { sleep: time.sleep }) }
      : { poll: false, random: () => 0, ...(time.sleep && { sleep: time.sleep }) },
    // Ticked by the test (forceWeeklyDigest), so what the channel gets is what the test asserts.
    digestScheduler: false,
    reminderScheduler: false,
    retentionScheduler: false,
  });
  const people = new Map<DemoRole, PlaygroundPerson>();
  try {
    const botUrl = `${bot.url}/api/messages`;
    const playgrounds = await Promise.all(
      roles.map((role) =>
        startPlayground({ botUrl, configYaml: playgroundConfigYaml(role), collectMessages: !browser }),
      ),
    );
    roles.forEach((role, index) => {
      const user = playgroundUser(role);
      people.set(role, {
        role,
        user,
        name: user.name,
        chat: personalChatId(role),
        pg: playgrounds[index]!,
        answers: [],
      });
    });
    if (!browser) {
      // The app is added to each 1:1 chat (the bot stores where to reach the person) and to the channel.
      await Promise.all(
        [...people.values()].map(async (p) => {
          const conversationId = p.role === platformRole ? PLAYGROUND_CHANNEL_ID : p.chat;
          await p.pg.install(conversationId);
          // The playground sends the install activities after it answers: wait for the bot's welcome.
          await p.pg.stream.waitFor((e) => e.actionConversationId === conversationId && cardsOf(e).length > 0, {
            what: `the welcome in ${conversationId}`,
          });
          await p.pg.botIdle();
        }),
      );
    }
  } catch (error) {
    await Promise.all([...people.values()].map((p) => p.pg.stop()));
    await bot.stop();
    throw error;
  }

  const person = (role: DemoRole) => {
    const found = people.get(role);
    if (!found) throw new Error(`${role} has no playground in this world`);
    return found;
  };
  const inConversation = (event: StreamEvent, conversationId: string) =>
    event.actionConversationId === conversationId || event.actionConversationId.startsWith(`${conversationId};`);

  const messagesIn = (p: PlaygroundPerson, conversationId: string) => {
    const latest = new Map<string, Card>();
    for (const event of p.pg.stream.events) {
      const card = cardsOf(event)[0];
      if (event.message && card && inConversation(event, conversationId)) latest.set(event.message.messageId, card);
    }
    return latest;
  };

  const world: PlaygroundWorld = {
    bot,
    config,
    platformChannel: PLAYGROUND_CHANNEL_ID,
    person,
    drain: async () => {
      const report = await bot.outbox.drainOnce();
      expect(report).toMatchObject({ failed: 0, retried: 0, unreachable: 0 });
      return report;
    },
    say: async (p, text, conversationId = p.chat) => {
      const mark = p.pg.stream.cursor();
      await p.pg.sendMessage(conversationId, p.user.id, text, { mentionBot: conversationId !== p.chat });
      const event = await p.pg.stream.waitFor((e) => inConversation(e, conversationId) && cardsOf(e).length > 0, {
        after: mark,
        what: `a card answering "${text}"`,
      });
      const card = expectValidAdaptiveCard({ contentType: CARD_ANSWER, content: cardsOf(event)[0] });
      return { messageId: event.message!.messageId, card, event };
    },
    press: async (p, messageId, action, inputs = {}, conversationId = p.chat) => {
      const answer = await p.pg.invoke(conversationId, p.user.id, messageId, {
        verb: action.verb,
        data: { ...action.data, ...inputs },
      });
      expect(answer.type, JSON.stringify(answer.value)).toBe(CARD_ANSWER);
      const card = expectValidAdaptiveCard({ contentType: CARD_ANSWER, content: answer.value });
      p.answers.push(card);
      return card;
    },
    nominationCard: async (p, candidate, showing) => {
      const title = `Aanmelding ${candidate}`;
      const isIt = (card: unknown) => titleOf(card) === title;
      const shows = (card: unknown) => JSON.stringify(card).includes(showing);
      await p.pg.stream.waitFor(
        (e) => e.actionConversationId === p.chat && cardsOf(e).some((c) => isIt(c) && shows(c)),
        {
          what: `the card of ${candidate} showing "${showing}" in ${p.name}'s chat`,
        },
      );
      const cards = [...messagesIn(p, p.chat)].filter(([, card]) => isIt(card));
      expect(cards).toHaveLength(1); // one card per nomination per chat, kept current
      const [messageId, card] = cards[0]!;
      expect(shows(card), `the latest card of ${candidate} in ${p.name}'s chat shows "${showing}"`).toBe(true);
      return { messageId, card: expectValidAdaptiveCard({ contentType: CARD_ANSWER, content: card }) };
    },
    settled: async (timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (let quiet = 0; quiet < 3;) {
        const counts = await store.outbox.countByStatus();
        quiet = (counts.pending ?? 0) + (counts.sending ?? 0) === 0 ? quiet + 1 : 0;
        if (Date.now() > deadline)
          throw new Error(`outbox not settled within ${timeoutMs} ms: ${JSON.stringify(counts)}`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    },
    messagesIn,
    everythingSeenBy: (p) => [
      ...p.pg.stream.events.flatMap(cardsOf),
      ...p.pg.stream.events.map((e) => e.message?.text),
      ...p.answers,
    ],
    forceWeeklyDigest: async () => {
      if (config.platformChannelId === undefined) throw new Error('no platform channel in this world');
      const scheduler = new DigestScheduler({
        store,
        clock: time.clock,
        schedule: config.digest,
        timeZone: config.timeZone,
        platformChannelId: config.platformChannelId,
        logger: bot.logger,
        signals: store.signals,
        instanceId: 'e2e-forced-tick',
      });
      return scheduler.tick();
    },
    stop: async () => {
      await Promise.all([...people.values()].map((p) => p.pg.stop()));
      await bot.stop();
    },
  };
  return world;
}

/** Every text on a card, one per line, for `toContain` on wording. */
export function textOf(card: unknown): string {
  return cardTexts(card).join('\n');
}
