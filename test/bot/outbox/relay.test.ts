/**
 * Notifications in the same write as the change (issue 6, DESIGN.md "Sending"; src/outbox/pending.ts):
 * a step stores who must hear of it in the nomination's own compare-and-set, the turn's relay puts
 * the messages in the outbox and takes the entry off, and the worker's sweep does it for a turn
 * that died in between. On each store: nothing lost after such a crash, nothing stored twice when
 * the relay and sweeps run together, and the version (the card's buttons) untouched by the relay.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../../bot/main';
import { notifyNominationChange } from '../../../bot/outbox/notify-nomination';
import { relayLeftBehind } from '../../../bot/outbox/relay-sweep';
import { notifySignalChanged } from '../../../bot/signals/notify-signal';
import type { Nomination } from '../../../src/nomination/nomination';
import { NominationService, type ServiceResult } from '../../../src/nomination/service';
import { RELAY_AFTER_MS } from '../../../src/outbox/pending';
import { DEFAULT_DEMO_IDENTITIES as DEMO_IDS, seedDemoContacts } from '../../../src/parties/demo-contacts';
import { SignalService } from '../../../src/signals/signal-service';
import {
  demoActor,
  install,
  personalChat,
  secretDraftFields,
  startFlowBot,
  TestClock,
} from '../../support/status-flow';
import { aNominationFullOfSecrets } from '../../support/nomination-fixture';
import { storeFactories, type TestStore } from '../../support/stores';
import { seedTenancy } from '../../support/tenancy';
import { DEMO } from '../../support/teams-bot';
import { startFakeTeamsConnector } from '../../support/teams-connector';

const user = (aadObjectId: string) => `user:${aadObjectId}`;
const LANDLORD_CHATS = [user(DEMO_IDS['landlord-vidomes']), user(DEMO_IDS['landlord-wooninvest'])];
const COUNSELLOR_CHAT = user(DEMO_IDS['counsellor-parnassia']);

describe.each(storeFactories)('pending notifications ($name store)', ({ create }) => {
  let store: TestStore;
  let time: TestClock;
  let service: NominationService;
  /** Every message id enqueued, in order (the outbox has no list call). */
  const enqueued: string[] = [];
  const deps = () => ({ store, clock: time.clock });

  beforeEach(async () => {
    store = await create();
    time = new TestClock();
    service = new NominationService({ store, clock: time.clock, origin: 'test' });
    enqueued.length = 0;
    await seedDemoContacts(store, DEMO_IDS, { origin: 'test' });
    for (const key of [...LANDLORD_CHATS, COUNSELLOR_CHAT]) {
      await store.conversations.upsert({ key, reference: {}, updatedAt: time.clock().toISOString() });
    }
    const enqueue = store.outbox.enqueue.bind(store.outbox);
    store.outbox.enqueue = async (message) => {
      const isNew = await enqueue(message);
      if (isNew) enqueued.push(message.id);
      return isNew;
    };
  });
  afterEach(() => store.close());

  /** A registered nomination whose turn died right after the step: nothing relayed. */
  async function registeredWithoutRelay(id = 'nom-relay'): Promise<ServiceResult & { ok: true }> {
    const counsellor = demoActor('counsellor-parnassia');
    const draft = await service.createDraft(counsellor, secretDraftFields(), { id });
    if (!draft.ok) throw new Error(draft.error.message);
    const verdict = { ...aNominationFullOfSecrets().verdict!, decidedAt: time.clock().toISOString() };
    const submitted = await service.submit(id, counsellor, verdict, draft.nomination.version);
    if (!submitted.ok) throw new Error(submitted.error.message);
    return submitted;
  }

  async function acknowledge(by: 'landlord-vidomes' | 'landlord-wooninvest', n: Nomination) {
    const result = await service.apply(n.id, demoActor(by), 'acknowledge', {}, n.version);
    if (!result.ok) throw new Error(result.error.message);
    return result;
  }

  const total = async () => Object.values(await store.outbox.countByStatus()).reduce((a, b) => a + b, 0);

  it('stores who must hear of a step with the step; after a crash before the relay the sweep sends it, once', async () => {
    const { nomination } = await registeredWithoutRelay();
    expect((await store.nominations.get(nomination.id))?.pendingNotifications).toEqual([
      {
        id: `${nomination.id}:v2`,
        version: 2,
        at: time.clock().toISOString(),
        notifications: [
          {
            audience: 'landlords',
            landlordIds: ['vidomes', 'wooninvest'],
            event: 'submit',
            state: 'registered',
            version: 2,
          },
        ],
      },
    ]);
    expect(await total()).toBe(0);

    // Younger than RELAY_AFTER_MS: still the turn's own relay's to do.
    expect(await relayLeftBehind(deps())).toBe(0);
    time.advance(RELAY_AFTER_MS);
    expect(await relayLeftBehind(deps())).toBe(1);
    expect(enqueued.sort()).toEqual(LANDLORD_CHATS.map((chat) => `${nomination.id}:v2:${chat}`).sort());
    expect(await relayLeftBehind(deps())).toBe(0);
    expect(await total()).toBe(2);

    const after = await store.nominations.get(nomination.id);
    expect(after).not.toHaveProperty('pendingNotifications');
    expect(after?.version).toBe(2);
    // Nothing personal went into the outbox: ids and a version, the card is drawn when sent.
    for (const id of enqueued) expect(JSON.stringify(await store.outbox.get(id))).not.toContain('MARKER');
  });

  it('stores each message once when the turn’s relay and two sweeps run at the same time, 5 rounds', async () => {
    const results: (ServiceResult & { ok: true })[] = [];
    for (let round = 0; round < 5; round++) {
      const submitted = await registeredWithoutRelay(`nom-race-${round}`);
      const acknowledged = await acknowledge('landlord-vidomes', submitted.nomination);
      results.push(acknowledged);
      time.advance(RELAY_AFTER_MS);
      await Promise.all([
        notifyNominationChange(deps(), acknowledged),
        relayLeftBehind(deps()),
        relayLeftBehind(deps()),
      ]);
      // And once more afterwards, as a retried turn would.
      await notifyNominationChange(deps(), acknowledged);
    }
    const expected = results.flatMap(({ nomination: n }) => [
      ...LANDLORD_CHATS.map((chat) => `${n.id}:v2:${chat}`),
      `${n.id}:v3:${COUNSELLOR_CHAT}`,
    ]);
    expect([...enqueued].sort()).toEqual(expected.sort());
    expect(await total()).toBe(expected.length);
    for (const { nomination: n } of results) {
      expect(await store.nominations.get(n.id)).toMatchObject({ version: 3 });
      expect(await store.nominations.get(n.id)).not.toHaveProperty('pendingNotifications');
    }
  });

  it('lets the sweep finish a relay that died after enqueueing, before taking the entries off', async () => {
    const submitted = await registeredWithoutRelay();
    const clear = store.nominations.clearPendingNotifications.bind(store.nominations);
    store.nominations.clearPendingNotifications = async () => {
      throw new Error('the process died here');
    };
    await expect(notifyNominationChange(deps(), submitted)).rejects.toThrow('died');
    store.nominations.clearPendingNotifications = clear;
    expect(await total()).toBe(2);
    expect((await store.nominations.get(submitted.nomination.id))?.pendingNotifications).toHaveLength(1);

    time.advance(RELAY_AFTER_MS);
    expect(await relayLeftBehind(deps())).toBe(1);
    expect(await total()).toBe(2);
    expect(enqueued).toHaveLength(2);
    expect(await store.nominations.get(submitted.nomination.id)).not.toHaveProperty('pendingNotifications');
  });

  it('keeps the version when it takes entries off: a step racing the relay acts on the card’s version, 5 rounds', async () => {
    for (let round = 0; round < 5; round++) {
      const submitted = await registeredWithoutRelay(`nom-card-${round}`);
      await notifyNominationChange(deps(), submitted);
      const first = await acknowledge('landlord-vidomes', submitted.nomination);
      // Wooninvest presses its card (version 3) while Vidomes' turn is still relaying.
      const [, second] = await Promise.all([
        notifyNominationChange(deps(), first),
        service.apply(first.nomination.id, demoActor('landlord-wooninvest'), 'acknowledge', {}, 3),
      ]);
      expect(second, `round ${round}`).toMatchObject({ ok: true, nomination: { version: 4 } });
      await notifyNominationChange(deps(), second);
      expect(await store.nominations.get(first.nomination.id)).not.toHaveProperty('pendingNotifications');
      expect(enqueued).toContain(`${first.nomination.id}:v4:${COUNSELLOR_CHAT}`);
    }
  });

  it('relays a signal’s send and acknowledgement from the signal itself, after a crash too', async () => {
    const nomination = await seedTenancy(store, time);
    const signals = new SignalService({ store, clock: time.clock, origin: 'test' });
    const senderChat = 'conversation:19:sender@thread.tacv2';
    const sent = await signals.send(demoActor('landlord-vidomes'), nomination.id, { kind: 'overlast' }, 'sig-1', {
      senderConversationKey: senderChat,
    });
    if (!sent.ok) throw new Error('not sent');
    expect(sent.signal.pendingNotifications).toEqual([
      { id: 'sig-1:v1', version: 1, at: time.clock().toISOString(), event: 'sent', senderConversationKey: senderChat },
    ]);
    enqueued.length = 0;
    time.advance(RELAY_AFTER_MS);
    expect(await relayLeftBehind(deps())).toBe(1);
    expect(enqueued.sort()).toEqual([`signal:sig-1:v1:${senderChat}`, `signal:sig-1:v1:${COUNSELLOR_CHAT}`]);
    // Relayed, the sender's conversation key is gone from the signal.
    expect(await store.signals.get('sig-1')).not.toHaveProperty('pendingNotifications');

    await store.cardActivities.record({
      nominationId: 'signal:sig-1',
      conversationKey: senderChat,
      activityId: 'a-1',
      version: 1,
      viewer: { audience: 'landlord', partyId: 'vidomes' },
      updatedAt: time.clock().toISOString(),
    });
    const acknowledged = await signals.acknowledge('sig-1', demoActor('counsellor-parnassia'));
    if (!acknowledged.ok) throw new Error('not acknowledged');
    enqueued.length = 0;
    await Promise.all([notifySignalChanged(deps(), acknowledged.signal), relayLeftBehind(deps())]);
    time.advance(RELAY_AFTER_MS);
    await relayLeftBehind(deps());
    expect(enqueued).toEqual([`signal:sig-1:v2:${senderChat}`]);
    expect(await store.signals.get('sig-1')).toMatchObject({ version: 2 });
    expect(await store.signals.get('sig-1')).not.toHaveProperty('pendingNotifications');
  });
});

describe.each(storeFactories)('the outbox worker’s sweep ($name store)', ({ create }) => {
  let store: TestStore;
  let bot: RunningBot;
  let connector: Awaited<ReturnType<typeof startFakeTeamsConnector>>;
  const time = new TestClock();

  beforeEach(async () => {
    store = await create();
    connector = await startFakeTeamsConnector(() => time.now);
    bot = await startFlowBot(store, time);
  });
  afterEach(async () => {
    await bot.stop();
    await connector.close();
    await store.close();
  });

  it('delivers what a turn that died before its relay left on the nomination', async () => {
    await install(bot, connector, 'landlord-vidomes');
    const service = new NominationService({ store, clock: time.clock, origin: 'test' });
    const counsellor = demoActor('counsellor-parnassia');
    const draft = await service.createDraft(counsellor, secretDraftFields(), { id: 'nom-swept' });
    if (!draft.ok) throw new Error(draft.error.message);
    const verdict = { ...aNominationFullOfSecrets().verdict!, decidedAt: time.clock().toISOString() };
    await service.submit('nom-swept', counsellor, verdict, 1);

    time.advance(RELAY_AFTER_MS);
    expect(await bot.outbox.drainOnce()).toMatchObject({ sent: 1 });
    const posts = connector.calls.filter((c) => c.conversationId === personalChat(DEMO['landlord-vidomes']));
    expect(posts.map((c) => c.method)).toEqual(['POST']);
    expect(await store.nominations.get('nom-swept')).not.toHaveProperty('pendingNotifications');
  });
});
