import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RetentionScheduler } from '../../../bot/scheduler/retention-scheduler';
import { aNominationFullOfSecrets, PERSONAL_MARKERS } from '../../support/nomination-fixture';
import { storeFactories, type TestStore } from '../../support/stores';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const logger = pino({ level: 'silent' });

describe.each(storeFactories)('retention in the running bot ($name store)', ({ create }) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await create();
    const old = aNominationFullOfSecrets({ id: 'old', state: 'withdrawn', closedAt: '2025-01-01T00:00:00.000Z' });
    const recent = aNominationFullOfSecrets({ id: 'recent', state: 'withdrawn', closedAt: '2026-02-20T00:00:00.000Z' });
    for (const { version: _version, ...n } of [old, recent]) await store.nominations.insert(n);
    for (const nominationId of ['old', 'recent']) {
      await store.signals.insert({
        id: `signal-${nominationId}`,
        nominationId,
        kind: 'overlast',
        from: { side: 'landlord', partyId: 'wooninvest', contactId: 'c-wooninvest' },
        to: { side: 'care', partyId: 'limor' },
        sentAt: '2024-12-01T10:00:00.000Z',
        note: `SIGNAL-NOTE-MARKER ${nominationId}`,
      });
    }
  });
  afterEach(() => store.close());

  it('erases the personal data of nominations closed longer than RETENTION_DAYS ago, and their signals, once, by one instance', async () => {
    const options = { store, clock: () => NOW, logger, retentionDays: 90 };
    const [a, b] = [
      new RetentionScheduler({ ...options, instanceId: 'a' }),
      new RetentionScheduler({ ...options, instanceId: 'b' }),
    ];
    await store.leases.acquire('retention', 'b', NOW.toISOString(), new Date(NOW.getTime() + 60_000).toISOString());
    expect(await a.tick()).toBeUndefined(); // b holds the lease: a leaves the work to it
    await store.leases.release('retention', 'b');

    expect(await b.tick()).toEqual({
      erasedIds: ['old'],
      skippedIds: [],
      erasedSignalIds: ['signal-old'],
      skippedSignalIds: [],
    });
    expect(await a.tick()).toEqual({ erasedIds: [], skippedIds: [], erasedSignalIds: [], skippedSignalIds: [] });

    const old = JSON.stringify(await store.nominations.get('old'));
    for (const marker of PERSONAL_MARKERS) expect(old).not.toContain(marker);
    expect(JSON.stringify(await store.nominations.get('recent'))).toContain(PERSONAL_MARKERS[0]);
    expect(JSON.stringify(await store.signals.get('signal-old'))).not.toContain('SIGNAL-NOTE-MARKER');
    expect(JSON.stringify(await store.signals.get('signal-recent'))).toContain('SIGNAL-NOTE-MARKER');
  });
});
