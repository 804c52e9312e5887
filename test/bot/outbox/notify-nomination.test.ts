/** Who hears of a nomination change, as outbox messages with deterministic ids (on each store). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifyNominationChange } from '../../../bot/outbox/notify-nomination';
import { NominationService } from '../../../src/nomination/service';
import { DEFAULT_DEMO_IDENTITIES as DEMO, seedDemoContacts } from '../../../src/parties/demo-contacts';
import { addContact } from '../../../src/parties/registry';
import type { OutboxMessage } from '../../../src/outbox/outbox';
import { demoActor, seedRegistered, TestClock } from '../../support/status-flow';
import { storeFactories, type TestStore } from '../../support/stores';

describe.each(storeFactories)('notifyNominationChange ($name store)', ({ create }) => {
  let store: TestStore;
  let time: TestClock;
  const ids: string[] = [];

  beforeEach(async () => {
    store = await create();
    time = new TestClock();
    ids.length = 0;
    await seedDemoContacts(store, DEMO, { origin: 'test' });
    // Remember every message enqueued, as the outbox has no list call.
    const enqueue = store.outbox.enqueue.bind(store.outbox);
    store.outbox.enqueue = async (message) => {
      ids.push(message.id);
      return enqueue(message);
    };
  });
  afterEach(() => store.close());

  async function reachable(aadObjectId: string, updatedAt = time.clock().toISOString()) {
    await store.conversations.upsert({
      key: `user:${aadObjectId}`,
      reference: { conversation: { id: aadObjectId } },
      updatedAt,
    });
  }
  const message = async (id: string) => (await store.outbox.get(id)) as OutboxMessage;

  it('tells each landlord contact 1:1 with the landlord view, and reports those it cannot reach', async () => {
    await reachable(DEMO['landlord-vidomes']);
    await addContact(
      store,
      'wooninvest',
      { name: 'Willem Zonder App', email: 'willem@wooninvest.example.org', role: 'landlord-contact' },
      { origin: 'test' },
    );
    const { nomination, unreachableContacts } = await seedRegistered(store, time);

    expect(unreachableContacts).toEqual([
      { name: 'Wim Woning', landlordId: 'wooninvest' }, // has the app's identity, but never installed it
      { name: 'Willem Zonder App', landlordId: 'wooninvest' },
    ]);
    const id = `${nomination.id}:v2:user:${DEMO['landlord-vidomes']}`;
    expect(ids).toEqual([id]);
    expect(await message(id)).toMatchObject({
      conversationKey: `user:${DEMO['landlord-vidomes']}`,
      recipientContactId: 'demo-landlord-vidomes',
      kind: 'nomination-status',
      status: 'pending',
      payload: {
        nominationId: nomination.id,
        version: 2,
        viewer: { audience: 'landlord', partyId: 'vidomes' },
        recipientPartyId: 'vidomes',
      },
    });
    // Nothing personal in the outbox: the card is rendered when it is sent.
    expect(JSON.stringify(await message(id))).not.toContain('MARKER');
  });

  it('enqueues nothing new for a retried step: its notifications went with the first', async () => {
    await reachable(DEMO['counsellor-parnassia']);
    const { nomination } = await seedRegistered(store, time);
    const service = new NominationService({ store, clock: time.clock, origin: 'test' });
    const acknowledge = () =>
      service.apply(nomination.id, demoActor('landlord-vidomes'), 'acknowledge', {}, nomination.version);
    const first = await acknowledge();
    ids.length = 0;
    await notifyNominationChange({ store, clock: time.clock }, first);
    const counts = await store.outbox.countByStatus();
    const retry = await acknowledge();
    expect(retry).toMatchObject({ ok: true, alreadyApplied: true });
    await notifyNominationChange({ store, clock: time.clock }, retry);
    // The first relay took the step's entry off the nomination: the retry has nothing left to relay.
    const counsellor = `${nomination.id}:v3:user:${DEMO['counsellor-parnassia']}`;
    expect(ids).toEqual([counsellor]);
    expect(await store.outbox.countByStatus()).toEqual(counts);
    expect(await store.nominations.get(nomination.id)).toMatchObject({ version: 3 });
    expect(await store.nominations.get(nomination.id)).not.toHaveProperty('pendingNotifications');
  });

  it('sends to the landlord’s team channel when a contact cannot be reached there 1:1', async () => {
    const vidomes = (await store.parties.get('vidomes'))!;
    await store.parties.update({ ...vidomes, teamChannelId: '19:vidomes@thread.tacv2' });
    await store.conversations.upsert({
      key: 'conversation:19:vidomes@thread.tacv2',
      reference: {},
      updatedAt: time.clock().toISOString(),
    });
    const { nomination } = await seedRegistered(store, time);
    expect(ids).toEqual([`${nomination.id}:v2:conversation:19:vidomes@thread.tacv2`]);
    expect((await message(ids[0]!)).payload).toEqual({
      nominationId: nomination.id,
      version: 2,
      viewer: { audience: 'landlord', partyId: 'vidomes' },
    });
  });

  it('tells the counsellor when a landlord acts, and keeps every card sent before current', async () => {
    await reachable(DEMO['counsellor-parnassia']);
    const { nomination } = await seedRegistered(store, time);
    await store.cardActivities.record({
      nominationId: nomination.id,
      conversationKey: 'conversation:19:somewhere',
      activityId: 'a-1',
      version: 2,
      viewer: { audience: 'landlord', partyId: 'wooninvest' },
      updatedAt: time.clock().toISOString(),
    });
    const service = new NominationService({ store, clock: time.clock, origin: 'test' });
    const result = await service.apply(nomination.id, demoActor('landlord-vidomes'), 'acknowledge', {}, 2);
    ids.length = 0;
    await notifyNominationChange({ store, clock: time.clock }, result);
    expect(ids.sort()).toEqual([
      `${nomination.id}:v3:conversation:19:somewhere`,
      `${nomination.id}:v3:user:${DEMO['counsellor-parnassia']}`,
    ]);
    expect((await message(`${nomination.id}:v3:user:${DEMO['counsellor-parnassia']}`)).payload).toMatchObject({
      viewer: { audience: 'organisation', partyId: 'parnassia-haaglanden' },
    });
  });

  it('treats a contact whose app was removed (403/404 since the reference) as unreachable', async () => {
    await reachable(DEMO['landlord-vidomes'], '2025-06-01T00:00:00.000Z');
    const vidomes = (await store.parties.get('vidomes'))!;
    const contacts = vidomes.contacts.map((c) =>
      c.id === 'demo-landlord-vidomes' ? { ...c, unreachableSince: '2025-06-10T00:00:00.000Z' } : c,
    );
    await store.parties.update({ ...vidomes, contacts });
    const { unreachableContacts } = await seedRegistered(store, time);
    expect(unreachableContacts).toContainEqual({ name: 'Victor Verhuur', landlordId: 'vidomes' });
    expect(ids).toEqual([]);
  });

  it('does nothing for a refused step', async () => {
    const outcome = await notifyNominationChange(
      { store, clock: time.clock },
      { ok: false, error: { kind: 'not-found', refusal: { code: 'not-found' }, message: 'weg' } },
    );
    expect(outcome).toEqual({ unreachableContacts: [] });
    expect(ids).toEqual([]);
  });
});
