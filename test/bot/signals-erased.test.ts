/**
 * A signal card still in a chat after its tenancy's personal data was erased (src/retention):
 * pressing "Ontvangst bevestigen" answers that the signal is gone and writes nothing — confirming
 * would put a contact id back on an erased signal — and the erased note is in no answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../bot/main';
import { eraseOnRequest } from '../../src/retention/erase-on-request';
import { demoContactId } from '../../src/parties/demo-contacts';
import { execute, install, startFlowBot, TestClock, TEXT_ANSWER } from '../support/status-flow';
import { snapshotStore, type SnapshotStore } from '../support/store-snapshot';
import { storeFactories } from '../support/stores';
import { seedTenancy } from '../support/tenancy';
import { startFakeTeamsConnector, type FakeTeamsConnector } from '../support/teams-connector';

const NOTE = 'ERASED-NOTE-MARKER buren klagen';

describe.each(storeFactories)('a signal card after erasure ($name store)', ({ create }) => {
  let store: SnapshotStore;
  let time: TestClock;
  let connector: FakeTeamsConnector;
  let bot: RunningBot;

  beforeEach(async () => {
    store = snapshotStore(await create());
    time = new TestClock();
    connector = await startFakeTeamsConnector(() => time.now);
    bot = await startFlowBot(store, time);
    for (const role of ['landlord-vidomes', 'counsellor-parnassia'] as const) await install(bot, connector, role);
  });
  afterEach(async () => {
    await bot.stop();
    await connector.close();
    await store.close();
  });

  it('answers “bestaat niet (meer)” to the receiver’s acknowledgement, and changes nothing', async () => {
    const nomination = await seedTenancy(store, time);
    const sent = await execute(bot, connector, 'counsellor-parnassia', {
      verb: 'signal.send',
      data: { verb: 'signal.send', nominationId: nomination.id, signalKind: 'overlast', signalNote: NOTE },
    });
    expect(JSON.stringify(sent.value)).toContain('Signaal verstuurd aan');
    const [signal] = await store.signals.listForNomination(nomination.id);
    expect(signal?.note).toBe(NOTE);

    const erased = await eraseOnRequest(
      store,
      nomination.id,
      { contactId: demoContactId('counsellor-parnassia') },
      { clock: time.clock },
    );
    expect(erased.outcome).toBe('erased');
    const before = { signal: await store.signals.get(signal!.id), snapshot: await store.snapshot() };
    const writes = store.writes.length;

    const answer = await execute(bot, connector, 'landlord-vidomes', {
      verb: 'signal.acknowledge',
      data: { verb: 'signal.acknowledge', signalId: signal!.id },
    });
    expect(answer.type).toBe(TEXT_ANSWER);
    expect(JSON.stringify(answer.value)).toContain('Deze aanmelding of dit signaal bestaat niet (meer).');
    expect(JSON.stringify(answer.value)).not.toContain('ERASED-NOTE-MARKER');
    expect(await store.signals.get(signal!.id)).toEqual(before.signal);
    expect(before.signal).not.toHaveProperty('acknowledgement');
    expect(await store.snapshot()).toEqual(before.snapshot);
    expect(store.writes.slice(writes)).toEqual([]);
  });
});
