import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Nomination } from '../../../src/nomination/nomination';
import { eraseOnRequest } from '../../../src/retention/erase-on-request';
import { runRetention } from '../../../src/retention/run-retention';
import type { Store } from '../../../src/storage/ports';
import { VersionConflictError } from '../../../src/storage/ports';
import { aNomination, aNominationFullOfSecrets, PERSONAL_MARKERS } from '../../support/nomination-fixture';
import { storeFactories } from '../../support/stores';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const clock = () => NOW;
const RETENTION_DAYS = 90; // closed before 2025-12-01T12:00Z is due

function closed(id: string, closedAt: string, overrides: Partial<Nomination> = {}): Nomination {
  return aNominationFullOfSecrets({ id, state: 'withdrawn', closedAt, ...overrides });
}

async function insertAll(store: Store, nominations: Nomination[]): Promise<void> {
  for (const { version: _version, ...n } of nominations) await store.nominations.insert(n);
}

function assertNoPersonalData(n: Nomination | undefined): void {
  const json = JSON.stringify(n);
  for (const marker of PERSONAL_MARKERS) expect(json).not.toContain(marker);
}

describe.each(storeFactories)('retention in the $name store', ({ create }) => {
  let store: Store;

  beforeAll(async () => {
    store = await create();
    await insertAll(store, [
      closed('r-old', '2025-06-01T10:00:00.000Z'),
      closed('r-just-due', '2025-12-01T11:59:59.000Z'),
      closed('r-just-not-due', '2025-12-01T12:00:00.000Z'),
      closed('r-recent', '2026-02-01T10:00:00.000Z'),
      aNominationFullOfSecrets({ id: 'r-open-old', state: 'registered', registeredAt: '2024-01-01T10:00:00.000Z' }),
      closed('r-noodwoning-offered', '2025-05-01T10:00:00.000Z', {
        state: 'offer-declined',
        offer: { landlordId: 'vidomes', madeOn: '2025-04-01', answer: 'declined' },
      }),
    ]);
    await store.parties.insert({
      id: 'limor',
      name: 'LIMOR',
      kind: 'limor',
      joinedOn: '2025-01-14',
      contacts: [
        { id: 'c-limor-counsellor', name: 'Begeleider', email: 'b@limor.example', role: 'counsellor' },
        { id: 'c-limor-ggd', name: 'Other role', email: 'o@limor.example', role: 'ggd-contact' },
      ],
    });
    await store.parties.insert({
      id: 'parnassia',
      name: 'Parnassia',
      kind: 'zorgorganisatie',
      joinedOn: '2025-01-14',
      contacts: [
        { id: 'c-parnassia-counsellor', name: 'Begeleider', email: 'b@parnassia.example', role: 'counsellor' },
      ],
    });
    await store.parties.insert({
      id: 'lokale-kamer',
      name: 'Lokale Kamer',
      kind: 'lokale-kamer',
      joinedOn: '2025-01-14',
      contacts: [{ id: 'c-casemanager', name: 'Casemanager', email: 'c@lk.example', role: 'casemanager' }],
    });
  });
  afterAll(async () => {
    await store.close();
  });

  it('erases exactly the nominations closed longer ago than the period, keeping the counts', async () => {
    const countsBefore = await store.nominations.countByStateAndType();
    const result = await runRetention(store, { retentionDays: RETENTION_DAYS, clock });
    expect(result.erasedIds.sort()).toEqual(['r-just-due', 'r-noodwoning-offered', 'r-old']);
    expect(result.skippedIds).toEqual([]);
    expect(await store.nominations.countByStateAndType()).toEqual(countsBefore);

    for (const id of result.erasedIds) {
      const stored = await store.nominations.get(id);
      assertNoPersonalData(stored);
      expect(stored?.erasedAt).toBe(NOW.toISOString());
      expect(stored?.version).toBe(2);
      expect(await store.audit.listForObject(id)).toEqual([
        expect.objectContaining({ action: 'nomination.erase:retention', result: 'success', origin: 'retention' }),
      ]);
    }
    expect((await store.nominations.get('r-noodwoning-offered'))?.offer?.madeOn).toBe('2025-04-01');
    for (const id of ['r-just-not-due', 'r-recent', 'r-open-old']) {
      const stored = await store.nominations.get(id);
      expect(stored?.erasedAt).toBeUndefined();
      expect(stored?.candidate.name).toBe('Jan MARKER');
    }
  });

  it('is idempotent: a second run erases nothing and writes no audit record', async () => {
    const result = await runRetention(store, { retentionDays: RETENTION_DAYS, clock });
    expect(result).toEqual({ erasedIds: [], skippedIds: [], erasedSignalIds: [], skippedSignalIds: [] });
    expect((await store.nominations.get('r-old'))?.version).toBe(2);
    expect(await store.audit.listForObject('r-old')).toHaveLength(1);
  });

  it('retries a nomination changed meanwhile, and skips it if conflicts go on', async () => {
    await insertAll(store, [
      closed('r-conflict-once', '2025-01-01T00:00:00.000Z'),
      closed('r-conflict-always', '2025-01-01T00:00:00.000Z'),
    ]);
    let conflictsLeft = 1;
    const flaky: Store = {
      ...store,
      nominations: {
        ...store.nominations,
        find: (q) => store.nominations.find(q),
        get: (id) => store.nominations.get(id),
        replace: async (next, expected) => {
          if (next.id === 'r-conflict-always' || (next.id === 'r-conflict-once' && conflictsLeft-- > 0)) {
            throw new VersionConflictError('nominations', next.id, expected);
          }
          return store.nominations.replace(next, expected);
        },
      },
    };
    const result = await runRetention(flaky, { retentionDays: RETENTION_DAYS, clock });
    expect(result).toMatchObject({ erasedIds: ['r-conflict-once'], skippedIds: ['r-conflict-always'] });
  });

  it('refuses a negative or fractional period', async () => {
    await expect(runRetention(store, { retentionDays: -1, clock })).rejects.toThrow(RangeError);
    await expect(runRetention(store, { retentionDays: 1.5, clock })).rejects.toThrow(RangeError);
  });

  describe('erasure on request (only the nominating organisation’s counsellors and casemanagers)', () => {
    it.each([
      ['a counsellor of another organisation', 'c-parnassia-counsellor'],
      ['a contact of the organisation in another role', 'c-limor-ggd'],
      ['an unknown contact', 'c-nobody'],
    ])('refuses %s', async (_label, contactId) => {
      await insertAll(store, [aNominationFullOfSecrets({ id: `req-refused-${contactId}`, state: 'registered' })]);
      expect(await eraseOnRequest(store, `req-refused-${contactId}`, { contactId }, { clock })).toEqual({
        outcome: 'forbidden',
      });
      expect((await store.nominations.get(`req-refused-${contactId}`))?.candidate.name).toBe('Jan MARKER');
      expect(await store.audit.listForObject(`req-refused-${contactId}`)).toEqual([
        expect.objectContaining({ result: 'denied', actorId: contactId }),
      ]);
    });

    it('says not-found for an unknown nomination', async () => {
      expect(await eraseOnRequest(store, 'no-such', { contactId: 'c-limor-counsellor' }, { clock })).toEqual({
        outcome: 'not-found',
      });
    });

    it('erases an open nomination at once and closes it as withdrawn', async () => {
      await insertAll(store, [
        aNominationFullOfSecrets({ id: 'req-open', state: 'acknowledged', closedAt: undefined }),
      ]);
      const countsBefore = await store.nominations.countByStateAndType();
      const result = await eraseOnRequest(store, 'req-open', { contactId: 'c-limor-counsellor' }, { clock });
      expect(result.outcome).toBe('erased');
      const stored = await store.nominations.get('req-open');
      assertNoPersonalData(stored);
      expect(stored).toMatchObject({
        state: 'withdrawn',
        closedAt: NOW.toISOString(),
        erasedAt: NOW.toISOString(),
        version: 2,
      });
      expect(stored?.history.at(-1)).toEqual({
        at: NOW.toISOString(),
        actorId: '',
        action: 'erase-on-request',
        from: 'acknowledged',
        to: 'withdrawn',
        version: 2,
      });
      const countsAfter = await store.nominations.countByStateAndType();
      expect(countsAfter.byStateAndType['acknowledged|noodwoning'] ?? 0).toBe(
        (countsBefore.byStateAndType['acknowledged|noodwoning'] ?? 0) - 1,
      );
      expect(await store.audit.listForObject('req-open')).toEqual([
        expect.objectContaining({
          action: 'nomination.erase:request',
          result: 'success',
          actorId: 'c-limor-counsellor',
        }),
      ]);
    });

    it('erases a closed nomination without changing its state, and again is a no-op', async () => {
      await insertAll(store, [closed('req-closed', '2026-02-20T10:00:00.000Z', { state: 'refused' })]);
      await eraseOnRequest(store, 'req-closed', { contactId: 'c-limor-counsellor' }, { clock });
      const again = await eraseOnRequest(store, 'req-closed', { contactId: 'c-limor-counsellor' }, { clock });
      expect(again.outcome).toBe('erased');
      const stored = await store.nominations.get('req-closed');
      assertNoPersonalData(stored);
      expect(stored).toMatchObject({ state: 'refused', closedAt: '2026-02-20T10:00:00.000Z', version: 2 });
      expect(await store.audit.listForObject('req-closed')).toHaveLength(1);
    });

    it('lets a casemanager of the Lokale Kamer erase its nomination', async () => {
      await insertAll(store, [
        aNomination({
          id: 'req-lk',
          nominatingPartyId: 'lokale-kamer',
          candidate: { name: 'SECRET-LK', household: { adults: 1, minorChildren: 0 } },
        }),
      ]);
      const result = await eraseOnRequest(store, 'req-lk', { contactId: 'c-casemanager' }, { clock });
      expect(result.outcome).toBe('erased');
      expect(JSON.stringify(await store.nominations.get('req-lk'))).not.toContain('SECRET-LK');
    });
  });
});
