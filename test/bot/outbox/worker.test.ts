/**
 * The outbox worker through the real adapter against a fake Teams connector, on each store:
 * updates in place, pacing per conversation, backoff on throttling with Retry-After, 403 marking
 * a contact unreachable, and nothing sent twice when a worker dies mid-send.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../../bot/main';
import { backoffMs, decideOnFailure, MAX_ATTEMPTS } from '../../../bot/outbox/delivery-policy';
import { notifyNominationChange } from '../../../bot/outbox/notify-nomination';
import { DeliveryError, retryAfterMs } from '../../../bot/outbox/proactive-sender';
import { NominationService } from '../../../src/nomination/service';
import type { Store } from '../../../src/storage/ports';
import { ADAPTIVE_CARD_CONTENT_TYPE, type CardAttachment } from '../../../cards/render';
import { digestMessage } from '../../../bot/scheduler/digest-message';
import {
  demoActor,
  install,
  installInChannel,
  personalChat,
  secretDraftFields,
  seedRegistered,
  startFlowBot,
  TestClock,
} from '../../support/status-flow';
import { storeFactories, type TestStore } from '../../support/stores';
import { DEMO } from '../../support/teams-bot';
import { cardOf, startFakeTeamsConnector, type FakeTeamsConnector } from '../../support/teams-connector';

const VICTOR = personalChat(DEMO['landlord-vidomes']);
const WIM = personalChat(DEMO['landlord-wooninvest']);

describe('the delivery policy', () => {
  const error = (status: number | undefined, retryAfter?: number) => new DeliveryError(status, retryAfter, undefined);

  it('retries throttling, precondition and gateway errors, and unanswered requests', () => {
    for (const status of [429, 412, 502, 504, undefined])
      expect(decideOnFailure(error(status), 0, 0).kind).toBe('retry');
    expect(decideOnFailure(error(400), 0, 0)).toEqual({ kind: 'failed' });
    expect(decideOnFailure(error(403), 0, 0)).toEqual({ kind: 'unreachable' });
    expect(decideOnFailure(error(404), 0, 0)).toEqual({ kind: 'unreachable' });
    expect(decideOnFailure(error(429), MAX_ATTEMPTS - 1, 0)).toEqual({ kind: 'failed' });
  });

  it('backs off exponentially with jitter in the upper half, never shorter than Retry-After', () => {
    expect([0, 1, 2, 3].map((attempts) => backoffMs(attempts, undefined, 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(2, undefined, 0.999)).toBe(7996);
    expect(backoffMs(0, 30_000, 0.5)).toBe(30_000);
    expect(backoffMs(30, undefined, 1)).toBe(10 * 60_000); // capped
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Mon, 16 Jun 2025 08:01:00 GMT', Date.parse('2025-06-16T08:00:00Z'))).toBe(60_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe.each(storeFactories)('the outbox worker ($name store)', ({ create }) => {
  let store: TestStore;
  let time: TestClock;
  let connector: FakeTeamsConnector;
  const bots: RunningBot[] = [];

  async function start(on: Store = store): Promise<RunningBot> {
    const bot = await startFlowBot(on, time);
    bots.push(bot);
    return bot;
  }

  beforeEach(async () => {
    store = await create();
    time = new TestClock();
    connector = await startFakeTeamsConnector(() => time.now);
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((bot) => bot.stop()));
    await connector.close();
    await store.close();
  });

  const callsTo = (conversation: string) => connector.calls.filter((c) => c.conversationId === conversation);

  it('updates its card in place, and posts a new one when Teams lost the old one (404)', async () => {
    const bot = await start();
    await install(bot, connector, 'landlord-vidomes');
    const { nomination } = await seedRegistered(store, time);
    await bot.outbox.drainOnce();
    const service = new NominationService({ store, clock: time.clock, origin: 'test' });
    const acknowledged = await service.apply(nomination.id, demoActor('landlord-vidomes'), 'acknowledge', {}, 2);
    await notifyNominationChange({ store, clock: time.clock }, acknowledged);
    await bot.outbox.drainOnce();
    connector.failNext(VICTOR, { status: 404 });
    const proposed = await service.apply(
      nomination.id,
      demoActor('landlord-vidomes'),
      'propose-home',
      { description: 'Laan 1' },
      3,
    );
    await notifyNominationChange({ store, clock: time.clock }, proposed);
    await bot.outbox.drainOnce();

    expect(callsTo(VICTOR).map((c) => `${c.method} ${c.activityId} ${c.status}`)).toEqual([
      'POST activity-1 200',
      'PUT activity-1 200',
      'PUT activity-1 404',
      'POST activity-2 200',
    ]);
    expect(await store.cardActivities.get(nomination.id, `user:${DEMO['landlord-vidomes']}`)).toMatchObject({
      activityId: 'activity-2',
      version: 4,
    });
    // Each card sent showed the candidate to Victor: each is a read in the audit trail, by ids only.
    const disclosures = (await store.audit.listForObject(nomination.id)).filter((r) => r.origin === 'outbox');
    expect(disclosures.map((r) => [r.action, r.actorId, r.result])).toEqual(
      Array(3).fill(['nomination.read:sent-landlord-view', 'demo-landlord-vidomes', 'success']),
    );
  });

  it('sends at most 7 messages a second into one conversation', async () => {
    const bot = await start();
    await install(bot, connector, 'landlord-vidomes');
    await install(bot, connector, 'landlord-wooninvest');
    for (let i = 0; i < 10; i++) await seedRegistered(store, time, secretDraftFields(), `n-${i}`);
    expect(await bot.outbox.drainOnce()).toMatchObject({ sent: 20 });

    for (const conversation of [VICTOR, WIM]) {
      const times = callsTo(conversation).map((c) => c.at);
      expect(times).toHaveLength(10);
      // Any 8 consecutive sends span at least a second.
      for (let i = 7; i < times.length; i++) expect(times[i]! - times[i - 7]!).toBeGreaterThanOrEqual(1000);
    }
    expect(time.now - Date.parse('2025-06-16T08:00:00Z')).toBeLessThan(3000);
  });

  it('backs off on 429, no sooner than Retry-After says', async () => {
    const bot = await start();
    await install(bot, connector, 'landlord-vidomes');
    connector.failNext(VICTOR, { status: 429, headers: { 'Retry-After': '30' } });
    const { nomination } = await seedRegistered(store, time);
    const id = `${nomination.id}:v2:user:${DEMO['landlord-vidomes']}`;

    expect(await bot.outbox.drainOnce()).toMatchObject({ retried: 1, sent: 0 });
    expect(await store.outbox.get(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 429',
      notBefore: new Date(time.now + 30_000).toISOString(),
    });
    time.advance(29_000);
    expect(await bot.outbox.drainOnce()).toMatchObject({ sent: 0, retried: 0 });
    time.advance(1_000);
    expect(await bot.outbox.drainOnce()).toMatchObject({ sent: 1 });
    expect(callsTo(VICTOR).map((c) => c.status)).toEqual([429, 200]);
    expect((await store.outbox.get(id))?.status).toBe('sent');
  });

  it('backs off exponentially on gateway errors without Retry-After', async () => {
    const bot = await start();
    await install(bot, connector, 'landlord-vidomes');
    connector.failNext(VICTOR, { status: 502 }, { status: 504 });
    const { nomination } = await seedRegistered(store, time);
    const id = `${nomination.id}:v2:user:${DEMO['landlord-vidomes']}`;
    const started = time.now;
    await bot.outbox.drainOnce();
    expect((await store.outbox.get(id))?.notBefore).toBe(new Date(started + 1000).toISOString());
    time.advance(1000);
    await bot.outbox.drainOnce();
    expect((await store.outbox.get(id))?.notBefore).toBe(new Date(started + 1000 + 2000).toISOString());
    time.advance(2000);
    expect(await bot.outbox.drainOnce()).toMatchObject({ sent: 1 });
  });

  it('marks a contact unreachable on 403, reports them next time, and clears it once they reinstall', async () => {
    const bot = await start();
    await install(bot, connector, 'landlord-vidomes');
    connector.failNext(VICTOR, { status: 403 });
    const { nomination } = await seedRegistered(store, time);
    expect(await bot.outbox.drainOnce()).toMatchObject({ unreachable: 1 });
    expect(await store.outbox.get(`${nomination.id}:v2:user:${DEMO['landlord-vidomes']}`)).toMatchObject({
      status: 'unreachable',
    });
    const victor = async () =>
      (await store.parties.get('vidomes'))?.contacts.find((c) => c.id === 'demo-landlord-vidomes');
    expect((await victor())?.unreachableSince).toBe(time.clock().toISOString());

    const second = await seedRegistered(store, time, secretDraftFields(), 'second');
    expect(second.unreachableContacts).toContainEqual({ name: 'Victor Verhuur', landlordId: 'vidomes' });

    time.advance(60_000);
    await install(bot, connector, 'landlord-vidomes');
    const third = await seedRegistered(store, time, secretDraftFields(), 'third');
    expect(third.unreachableContacts).not.toContainEqual({ name: 'Victor Verhuur', landlordId: 'vidomes' });
    expect(await bot.outbox.drainOnce()).toMatchObject({ sent: 1 });
    expect((await victor())?.unreachableSince).toBeUndefined();
  });

  it('posts the weekly digest, rendered when enqueued, in the platform channel', async () => {
    const bot = await start();
    await installInChannel(bot, connector, '19:platform@thread.tacv2');
    const card: CardAttachment = {
      contentType: ADAPTIVE_CARD_CONTENT_TYPE,
      content: { type: 'AdaptiveCard', version: '1.5', body: [] },
    };
    await store.outbox.enqueue(digestMessage('2025-W25', card, '19:platform@thread.tacv2', time.clock().toISOString()));
    expect(await bot.outbox.drainOnce()).toMatchObject({ sent: 1 });
    expect(callsTo('19:platform@thread.tacv2').map((c) => [c.method, cardOf(c.activity)])).toEqual([
      ['POST', card.content],
    ]);
  });

  it('sends nothing twice when a worker died after the send, before marking it sent', async () => {
    // The first instance "dies" right after Teams answered: marking the message sent fails.
    const crashing: Store = {
      ...store,
      outbox: Object.assign(Object.create(store.outbox) as Store['outbox'], {
        markSent: async () => {
          throw new Error('instance stopped');
        },
      }),
    };
    const first = await start(crashing);
    await install(first, connector, 'landlord-vidomes');
    await seedRegistered(store, time);
    await expect(first.outbox.drainOnce()).rejects.toThrow('instance stopped');
    await first.stop();
    expect(callsTo(VICTOR)).toHaveLength(1);

    // Restarted: the message is claimable again once the dead worker's lease ran out.
    const second = await start();
    expect(await second.outbox.drainOnce()).toMatchObject({ sent: 0, skipped: 0 });
    time.advance(60_000);
    expect(await second.outbox.drainOnce()).toMatchObject({ skipped: 1, sent: 0 });
    expect(callsTo(VICTOR)).toHaveLength(1);
    expect(await store.outbox.countByStatus()).toEqual({ sent: 1 });
  });

  it('sends once when a worker died after claiming, before sending', async () => {
    const bot = await start();
    await install(bot, connector, 'landlord-vidomes');
    await seedRegistered(store, time);
    const now = time.clock();
    const claimed = await store.outbox.claimNext(now.toISOString(), new Date(now.getTime() + 60_000).toISOString());
    expect(claimed?.status).toBe('sending');

    expect(await bot.outbox.drainOnce()).toMatchObject({ sent: 0 });
    time.advance(60_000);
    expect(await bot.outbox.drainOnce()).toMatchObject({ sent: 1 });
    expect(await bot.outbox.drainOnce()).toMatchObject({ sent: 0 });
    expect(callsTo(VICTOR)).toHaveLength(1);
  });
});
