/**
 * The storage contract: every Store adapter (memory, MongoDB) must pass this same suite.
 * See test/support/stores.ts for the factories. The races run on FerretDB 1.x too, many rounds each:
 * its filtered updates are not atomic, so a lucky round proves little (src/storage/mongo/mongo-claims.ts).
 */
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { AuditRecord } from '../../../src/audit/audit';
import type { YearDistribution } from '../../../src/distribution/distribution';
import type { Nomination } from '../../../src/nomination/nomination';
import type { OutboxMessage } from '../../../src/outbox/outbox';
import type { Party } from '../../../src/parties/party';
import type { Signal } from '../../../src/signals/signal';
import { createStore } from '../../../src/storage/create-store';
import { INDEXES } from '../../../src/storage/mongo/mongo-schema';
import { DuplicateKeyError, StoreUnavailableError, VersionConflictError } from '../../../src/storage/ports';
import { storeFactories, type TestStore } from '../../support/stores';

/** Minute `m` of a fixed day, as the ISO UTC strings the domain stores. */
const at = (m: number) => new Date(Date.UTC(2025, 2, 1, 9, m)).toISOString();

function nomination(id: string, overrides: Partial<Nomination> = {}): Omit<Nomination, 'version'> {
  return {
    id,
    type: 'convenantwoning',
    nominatingPartyId: 'zorg-a',
    nominatedByContactId: 'c-1',
    state: 'registered',
    createdAt: at(0),
    registeredAt: at(1),
    candidate: { name: 'Kandidaat', household: { adults: 1, minorChildren: 0 } },
    residency: [{ from: '2015-01-01' }],
    requirements: { housing: 'begane grond' },
    targetLandlordIds: ['vidomes', 'wooninvest'],
    checklist: { a: { status: 'met' } },
    scope: { wlzFunded: false, expectedToLiveIndependently: true, boundaryCrossingBehaviourInFamily: false },
    acknowledgements: [],
    evaluations: [],
    history: [],
    ...overrides,
  };
}

function party(id: string, overrides: Partial<Party> = {}): Omit<Party, 'version'> {
  return {
    id,
    name: `Partij ${id}`,
    kind: 'sociale-verhuurder',
    contacts: [{ id: `${id}-c1`, name: 'Anna Jansen', email: `Anna.Jansen@${id}.NL`, role: 'landlord-contact' }],
    joinedOn: '2025-01-01',
    ...overrides,
  };
}

/** Each in a conversation of its own: order within one conversation is test/src/storage/outbox-order.test.ts. */
function message(id: string, notBefore: string, createdAt = at(0)): Omit<OutboxMessage, 'status' | 'attempts'> {
  const conversationKey = `user:aad-${id}`;
  return { id, conversationKey, kind: 'nomination-registered', payload: { n: id }, notBefore, createdAt };
}

function audit(id: string, objectId: string, when: string, action = 'nomination.read:landlord-view'): AuditRecord {
  return {
    id,
    at: when,
    action,
    object: { type: 'nomination', id: objectId },
    result: 'success',
    origin: 'test',
    actorId: 'c-1',
  };
}

const ids = (list: { id: string }[]) => list.map((item) => item.id);

/** Runs the writers at once; every loser must get a VersionConflictError. Returns the winners' results. */
async function race<T>(writers: (() => Promise<T>)[]): Promise<T[]> {
  const results = await Promise.allSettled(writers.map((write) => write()));
  for (const result of results)
    if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(VersionConflictError);
  return results.filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === 'fulfilled').map((r) => r.value);
}

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** For the many-round races: a few seconds on FerretDB alone, more on a loaded machine. */
const RACE = { timeout: 60_000 };

describe.each(storeFactories)('storage contract ($name)', ({ create }) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await create();
  });
  afterEach(async () => {
    await store.close();
  });

  describe('parties', () => {
    it('inserts with version 1, gets, and lists by id', async () => {
      expect(await store.parties.insert(party('wooninvest'))).toMatchObject({ id: 'wooninvest', version: 1 });
      await store.parties.insert(party('duivenvoorde'));
      expect(await store.parties.get('wooninvest')).toEqual({ ...party('wooninvest'), version: 1 });
      expect(await store.parties.get('unknown')).toBeUndefined();
      expect(ids(await store.parties.list())).toEqual(['duivenvoorde', 'wooninvest']);
    });

    it('refuses a duplicate id', async () => {
      await store.parties.insert(party('vidomes'));
      await expect(store.parties.insert(party('vidomes'))).rejects.toBeInstanceOf(DuplicateKeyError);
    });

    it('updates only the current version', async () => {
      const inserted = await store.parties.insert(party('vidomes'));
      const updated = await store.parties.update({ ...inserted, name: 'Vidomes' });
      expect(updated).toMatchObject({ name: 'Vidomes', version: 2 });
      expect(await store.parties.get('vidomes')).toEqual(updated);
      await expect(store.parties.update({ ...inserted, name: 'stale' })).rejects.toBeInstanceOf(VersionConflictError);
      await expect(store.parties.update({ ...inserted, id: 'unknown' })).rejects.toBeInstanceOf(VersionConflictError);
    });

    it('lets exactly one of 10 concurrent updates of the same version win, 20 rounds', RACE, async () => {
      let current = await store.parties.insert(party('vidomes'));
      for (let round = 0; round < 20; round++) {
        const from = current;
        const won = await race(
          times(10, (i) => () => store.parties.update({ ...from, name: `Vidomes ${round}-${i}` })),
        );
        expect(won, `round ${round}`).toHaveLength(1);
        current = won[0]!;
        expect(await store.parties.get('vidomes')).toEqual(current);
      }
      expect(current.version).toBe(21);
    });

    it('finds a party by a contact’s Entra object id', async () => {
      const contacts = [{ id: 'c1', name: 'B', email: 'b@x.nl', role: 'counsellor' as const, aadObjectId: 'aad-7' }];
      await store.parties.insert(party('zorg-a', { kind: 'zorgorganisatie', contacts }));
      await store.parties.insert(party('vidomes'));
      expect((await store.parties.findByContactAadObjectId('aad-7'))?.id).toBe('zorg-a');
      expect(await store.parties.findByContactAadObjectId('aad-8')).toBeUndefined();
    });

    it('finds a party by a contact’s e-mail, ignoring case, after updates too', async () => {
      const inserted = await store.parties.insert(party('vidomes'));
      expect((await store.parties.findByContactEmail('anna.jansen@VIDOMES.nl'))?.id).toBe('vidomes');
      const contact = { ...inserted.contacts[0]!, email: 'Piet@Vidomes.nl' };
      await store.parties.update({ ...inserted, contacts: [contact] });
      expect(await store.parties.findByContactEmail('anna.jansen@vidomes.nl')).toBeUndefined();
      expect((await store.parties.findByContactEmail('piet@vidomes.NL'))?.id).toBe('vidomes');
      expect(await store.parties.get('vidomes')).not.toHaveProperty('contactEmailKeys');
    });
  });

  describe('nominations', () => {
    it('inserts with version 1 and gets it back unchanged', async () => {
      const inserted = await store.nominations.insert(nomination('n1'));
      expect(inserted).toEqual({ ...nomination('n1'), version: 1 });
      expect(await store.nominations.get('n1')).toEqual(inserted);
      expect(await store.nominations.get('n2')).toBeUndefined();
    });

    it('refuses a duplicate id', async () => {
      await store.nominations.insert(nomination('n1'));
      await expect(store.nominations.insert(nomination('n1'))).rejects.toBeInstanceOf(DuplicateKeyError);
    });

    it('replaces only the expected version and returns version + 1', async () => {
      const v1 = await store.nominations.insert(nomination('n1'));
      const v2 = await store.nominations.replace({ ...v1, state: 'acknowledged' }, 1);
      expect(v2).toMatchObject({ state: 'acknowledged', version: 2 });
      expect(await store.nominations.get('n1')).toEqual(v2);
      await expect(store.nominations.replace({ ...v1, state: 'withdrawn' }, 1)).rejects.toBeInstanceOf(
        VersionConflictError,
      );
      await expect(store.nominations.replace({ ...v1, id: 'unknown' }, 1)).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.nominations.get('n1'))?.state).toBe('acknowledged');
    });

    it('lets exactly one of 10 concurrent replaces with the same version win, 20 rounds', RACE, async () => {
      let current = await store.nominations.insert(nomination('n1'));
      for (let round = 0; round < 20; round++) {
        const from = current;
        const won = await race(
          times(
            10,
            (i) => () =>
              store.nominations.replace({ ...from, requirements: { housing: `${round}-${i}` } }, from.version),
          ),
        );
        expect(won, `round ${round}`).toHaveLength(1);
        current = won[0]!;
        expect(await store.nominations.get('n1')).toEqual(current);
      }
      expect(current.version).toBe(21);
    });

    it('filters by party, landlord, states, type, closing and erasure', async () => {
      await store.nominations.insert(nomination('a', { nominatingPartyId: 'zorg-b', targetLandlordIds: ['vidomes'] }));
      await store.nominations.insert(nomination('b', { type: 'noodwoning', targetLandlordIds: ['wooninvest'] }));
      await store.nominations.insert(nomination('c', { state: 'withdrawn', closedAt: at(30), erasedAt: at(40) }));
      await store.nominations.insert(nomination('d', { state: 'refused', closedAt: at(50), erasedAt: undefined }));
      expect(ids(await store.nominations.find({ nominatingPartyId: 'zorg-b' }))).toEqual(['a']);
      expect(ids(await store.nominations.find({ landlordId: 'wooninvest' }))).toEqual(['b', 'c', 'd']);
      expect(ids(await store.nominations.find({ states: ['withdrawn', 'refused'] }))).toEqual(['c', 'd']);
      expect(ids(await store.nominations.find({ states: [] }))).toEqual([]);
      expect(ids(await store.nominations.find({ type: 'noodwoning' }))).toEqual(['b']);
      expect(ids(await store.nominations.find({ closedBefore: at(50) }))).toEqual(['c']);
      expect(ids(await store.nominations.find({ erased: true }))).toEqual(['c']);
      expect(ids(await store.nominations.find({ erased: false, closedBefore: at(60) }))).toEqual(['d']);
      expect(
        ids(await store.nominations.find({ landlordId: 'vidomes', states: ['registered'], type: 'convenantwoning' })),
      ).toEqual(['a']);
    });

    it('filters on the registration window, using createdAt while not registered', async () => {
      await store.nominations.insert(nomination('early', { registeredAt: at(5) }));
      await store.nominations.insert(nomination('late', { registeredAt: at(20) }));
      await store.nominations.insert(
        nomination('draft', { state: 'draft', createdAt: at(10), registeredAt: undefined }),
      );
      expect(ids(await store.nominations.find({ registeredFrom: at(5), registeredBefore: at(20) }))).toEqual([
        'draft',
        'early',
      ]);
      expect(ids(await store.nominations.find({ registeredFrom: at(11) }))).toEqual(['late']);
      expect(ids(await store.nominations.find({ registeredBefore: at(10) }))).toEqual(['early']);
    });

    it('sorts by registeredAt (unregistered first), then createdAt, then id, and limits', async () => {
      await store.nominations.insert(nomination('z', { registeredAt: at(5), createdAt: at(2) }));
      await store.nominations.insert(nomination('y', { registeredAt: at(5), createdAt: at(1) }));
      await store.nominations.insert(nomination('x', { registeredAt: at(5), createdAt: at(1) }));
      await store.nominations.insert(nomination('w', { registeredAt: at(3) }));
      await store.nominations.insert(nomination('draft', { state: 'draft', registeredAt: undefined }));
      expect(ids(await store.nominations.find({}))).toEqual(['draft', 'w', 'x', 'y', 'z']);
      expect(ids(await store.nominations.find({ limit: 2 }))).toEqual(['draft', 'w']);
      expect(await store.nominations.find({ limit: 0 })).toEqual([]);
    });

    it('counts by state and type, optionally in a registration window', async () => {
      await store.nominations.insert(nomination('a'));
      await store.nominations.insert(nomination('b'));
      await store.nominations.insert(nomination('c', { type: 'noodwoning', registeredAt: at(20) }));
      await store.nominations.insert(nomination('d', { state: 'draft', registeredAt: undefined, createdAt: at(30) }));
      expect(await store.nominations.countByStateAndType()).toEqual({
        byStateAndType: { 'registered|convenantwoning': 2, 'registered|noodwoning': 1, 'draft|convenantwoning': 1 },
      });
      expect(await store.nominations.countByStateAndType({ registeredFrom: at(10) })).toEqual({
        byStateAndType: { 'registered|noodwoning': 1, 'draft|convenantwoning': 1 },
      });
      expect(await store.nominations.countByStateAndType({ registeredBefore: at(0) })).toEqual({ byStateAndType: {} });
    });

    it('deletes', async () => {
      await store.nominations.insert(nomination('n1'));
      expect(await store.nominations.delete('n1')).toBe(true);
      expect(await store.nominations.delete('n1')).toBe(false);
      expect(await store.nominations.get('n1')).toBeUndefined();
    });

    it('leaves out optional fields set to undefined, as MongoDB does', async () => {
      const inserted = await store.nominations.insert(nomination('n1', { closedAt: undefined, erasedAt: undefined }));
      const replaced = await store.nominations.replace({ ...inserted, registeredAt: undefined }, 1);
      for (const returned of [inserted, replaced, await store.nominations.get('n1')]) {
        expect(Object.keys(returned!)).not.toContain('closedAt');
        expect(Object.keys(returned!)).not.toContain('erasedAt');
      }
      expect(Object.keys(replaced)).not.toContain('registeredAt');
      expect(ids(await store.nominations.find({ erased: false }))).toEqual(['n1']);
    });

    it('hands out copies: changing an object in or out never changes what is stored', async () => {
      const input = nomination('n1');
      const inserted = await store.nominations.insert(input);
      input.targetLandlordIds.push('duivenvoorde');
      inserted.candidate.name = 'changed';
      const read = await store.nominations.get('n1');
      read!.history.push({ at: at(1), actorId: 'x', action: 'x', from: 'draft', to: 'registered', version: 9 });
      const [found] = await store.nominations.find({});
      found!.checklist.a = { status: 'not-met' };
      const replaced = await store.nominations.replace({ ...read!, state: 'acknowledged' }, 1);
      replaced.acknowledgements.push({ landlordId: 'vidomes', contactId: 'c', contactName: 'C', at: at(2) });
      expect(await store.nominations.get('n1')).toEqual({
        ...nomination('n1'),
        state: 'acknowledged',
        history: read!.history,
        version: 2,
      });
    });
  });

  describe('conversation references', () => {
    it('upserts, gets and deletes by key', async () => {
      const record = { key: 'user:aad-1', reference: { conversation: { id: 'a:1' } }, updatedAt: at(0) };
      await store.conversations.upsert(record);
      expect(await store.conversations.get('user:aad-1')).toEqual(record);
      const newer = { ...record, reference: { conversation: { id: 'a:2' } }, updatedAt: at(1) };
      await store.conversations.upsert(newer);
      expect(await store.conversations.get('user:aad-1')).toEqual(newer);
      await store.conversations.delete('user:aad-1');
      await store.conversations.delete('user:aad-1');
      expect(await store.conversations.get('user:aad-1')).toBeUndefined();
    });

    it('takes concurrent first upserts of one key without an error, 10 rounds', RACE, async () => {
      for (let round = 0; round < 10; round++) {
        const records = times(5, (i) => ({ key: `user:r${round}`, reference: { n: i }, updatedAt: at(i) }));
        await Promise.all(records.map((record) => store.conversations.upsert(record)));
        expect(records).toContainEqual(await store.conversations.get(`user:r${round}`));
      }
    });
  });

  describe('outbox', () => {
    it('enqueues idempotently as pending, attempts 0', async () => {
      expect(await store.outbox.enqueue(message('m1', at(0)))).toBe(true);
      expect(await store.outbox.enqueue({ ...message('m1', at(5)), kind: 'other' })).toBe(false);
      expect(await store.outbox.get('m1')).toEqual({ ...message('m1', at(0)), status: 'pending', attempts: 0 });
      expect(await store.outbox.get('m2')).toBeUndefined();
    });

    it('claims the oldest due message, once, until its lease runs out', async () => {
      await store.outbox.enqueue(message('later', at(2)));
      await store.outbox.enqueue(message('first', at(1), at(9)));
      await store.outbox.enqueue(message('tie', at(1), at(8)));
      await store.outbox.enqueue(message('future', at(30)));
      expect(await store.outbox.claimNext(at(10), at(15))).toMatchObject({
        id: 'tie',
        status: 'sending',
        leaseUntil: at(15),
      });
      expect((await store.outbox.claimNext(at(10), at(15)))?.id).toBe('first');
      expect((await store.outbox.claimNext(at(10), at(15)))?.id).toBe('later');
      expect(await store.outbox.claimNext(at(10), at(15))).toBeUndefined();
      // The worker holding 'tie' died: once its lease ran out the message is claimable again.
      await store.outbox.markSent('first', at(11));
      await store.outbox.markSent('later', at(11));
      expect(await store.outbox.claimNext(at(15), at(20))).toMatchObject({ id: 'tie', leaseUntil: at(20) });
      expect(await store.outbox.claimNext(at(16), at(20))).toBeUndefined();
    });

    it('marks sent, reschedules with attempts + 1, and marks failed', async () => {
      for (const id of ['s', 'r', 'f']) await store.outbox.enqueue(message(id, at(0)));
      for (let i = 0; i < 3; i++) await store.outbox.claimNext(at(1), at(5));
      await store.outbox.markSent('s', at(2));
      await store.outbox.reschedule('r', at(10), '429');
      await store.outbox.markFailed('f', 'unreachable', '403');
      const sent = await store.outbox.get('s');
      expect(sent).toMatchObject({ status: 'sent', sentAt: at(2), attempts: 0 });
      expect(sent).not.toHaveProperty('leaseUntil');
      const rescheduled = await store.outbox.get('r');
      expect(rescheduled).toMatchObject({ status: 'pending', notBefore: at(10), lastError: '429', attempts: 1 });
      expect(rescheduled).not.toHaveProperty('leaseUntil');
      expect(await store.outbox.get('f')).toMatchObject({ status: 'unreachable', lastError: '403', attempts: 1 });
      expect(await store.outbox.claimNext(at(9), at(20))).toBeUndefined();
      expect((await store.outbox.claimNext(at(10), at(20)))?.id).toBe('r');
      await store.outbox.markSent('unknown', at(2));
      expect(await store.outbox.countByStatus()).toEqual({ sent: 1, sending: 1, unreachable: 1 });
    });

    it('claims each message once when claimed one after another', async () => {
      for (let i = 0; i < 5; i++) await store.outbox.enqueue(message(`m${i}`, at(i)));
      const claimed = [];
      for (let i = 0; i < 6; i++) claimed.push((await store.outbox.claimNext(at(10), at(20)))?.id);
      expect(claimed).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', undefined]);
    });

    it('gives each message to exactly one of 20 concurrent claimers, 10 rounds', RACE, async () => {
      for (let round = 0; round < 10; round++) {
        const batch = times(5, (i) => `r${round}-m${i}`);
        for (const [i, id] of batch.entries()) await store.outbox.enqueue(message(id, at(i)));
        const claims = await Promise.all(times(20, () => store.outbox.claimNext(at(10), at(20))));
        const claimed = claims.filter((m) => m !== undefined).map((m) => m.id);
        expect(claimed.sort(), `round ${round}`).toEqual(batch);
        for (const id of batch) await store.outbox.markSent(id, at(11));
      }
    });

    it('gives a message whose lease ran out to exactly one of 10 concurrent claimers, 10 rounds', RACE, async () => {
      for (let round = 0; round < 10; round++) {
        const batch = times(3, (i) => `r${round}-m${i}`);
        for (const id of batch) await store.outbox.enqueue(message(id, at(0)));
        for (const _ of batch) await store.outbox.claimNext(at(10), at(15));
        const claims = await Promise.all(times(10, () => store.outbox.claimNext(at(16), at(30))));
        const claimed = claims.filter((m) => m !== undefined);
        expect(claimed.map((m) => m.id).sort(), `round ${round}`).toEqual(batch);
        expect(claimed.every((m) => m.leaseUntil === at(30))).toBe(true);
        for (const id of batch) await store.outbox.markSent(id, at(17));
      }
    });

    it('never loses a late lease holder’s reschedule to a concurrent reclaim, 20 rounds', RACE, async () => {
      for (let round = 0; round < 20; round++) {
        const id = `r${round}`;
        await store.outbox.enqueue(message(id, at(0)));
        await store.outbox.claimNext(at(10), at(15));
        // Either order is fine (the reclaimer may send once more); what may not happen is a lost update.
        await Promise.all([store.outbox.reschedule(id, at(40), '429'), store.outbox.claimNext(at(16), at(30))]);
        const after = await store.outbox.get(id);
        expect(after, `round ${round}`).toMatchObject({ status: 'pending', notBefore: at(40), attempts: 1 });
        expect(after).not.toHaveProperty('leaseUntil');
        await store.outbox.markSent(id, at(41));
      }
    });
  });

  describe('audit trail', () => {
    it('appends idempotently and lists an object’s records by time', async () => {
      await store.audit.append(audit('e2', 'n1', at(2)));
      await store.audit.append(audit('e1', 'n1', at(1)));
      await store.audit.append(audit('e0', 'n1', at(2)));
      await store.audit.append(audit('other', 'n2', at(0)));
      await store.audit.append(audit('e1', 'n1', at(9), 'retried with another action'));
      expect(await store.audit.listForObject('n1')).toEqual([
        audit('e1', 'n1', at(1)),
        audit('e0', 'n1', at(2)),
        audit('e2', 'n1', at(2)),
      ]);
      expect(await store.audit.listForObject('n3')).toEqual([]);
    });

    it('stores a record once when it is appended concurrently', async () => {
      await Promise.all(Array.from({ length: 5 }, () => store.audit.append(audit('e1', 'n1', at(1)))));
      expect(await store.audit.listForObject('n1')).toHaveLength(1);
    });
  });

  describe('distributions', () => {
    const year: YearDistribution = { year: 2025, homes: { vidomes: 6, duivenvoorde: 1 }, exchanges: [], version: 0 };

    it('creates with expected version 0, then replaces only the current version', async () => {
      expect(await store.distributions.get(2025)).toBeUndefined();
      const v1 = await store.distributions.save(year, 0);
      expect(v1).toEqual({ ...year, version: 1 });
      await expect(store.distributions.save(year, 0)).rejects.toBeInstanceOf(VersionConflictError);
      const v2 = await store.distributions.save({ ...v1, homes: { ...v1.homes, wooninvest: 3 } }, 1);
      expect(v2.version).toBe(2);
      expect(await store.distributions.get(2025)).toEqual(v2);
      await expect(store.distributions.save(v1, 1)).rejects.toBeInstanceOf(VersionConflictError);
      await expect(store.distributions.save({ ...year, year: 2026 }, 1)).rejects.toBeInstanceOf(VersionConflictError);
    });

    it('lets exactly one of concurrent first saves win', async () => {
      const results = await Promise.allSettled(
        [1, 2, 3].map((n) => store.distributions.save({ ...year, homes: { vidomes: n } }, 0)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').map((r) => r.reason)).toEqual([
        expect.any(VersionConflictError),
        expect.any(VersionConflictError),
      ]);
    });

    it('lets exactly one of 10 concurrent saves of the same version win, 20 rounds', RACE, async () => {
      let current = await store.distributions.save(year, 0);
      for (let round = 0; round < 20; round++) {
        const from = current;
        const won = await race(
          times(
            10,
            (i) => () => store.distributions.save({ ...from, homes: { vidomes: round * 10 + i } }, from.version),
          ),
        );
        expect(won, `round ${round}`).toHaveLength(1);
        current = won[0]!;
        expect(await store.distributions.get(2025)).toEqual(current);
      }
      expect(current.version).toBe(21);
    });
  });

  describe('leases', () => {
    it('is held by one owner until it runs out or is released', async () => {
      expect(await store.leases.acquire('digest', 'A', at(0), at(5))).toBe(true);
      expect(await store.leases.acquire('digest', 'B', at(1), at(6))).toBe(false);
      expect(await store.leases.acquire('digest', 'A', at(2), at(7))).toBe(true); // renewing its own
      expect(await store.leases.acquire('digest', 'B', at(6), at(10))).toBe(false); // A renewed until 7
      expect(await store.leases.acquire('other-job', 'B', at(6), at(10))).toBe(true);
      expect(await store.leases.acquire('digest', 'B', at(7), at(12))).toBe(true); // A's ran out
      expect(await store.leases.acquire('digest', 'A', at(8), at(13))).toBe(false);
      await store.leases.release('digest', 'A'); // not A's any more: no effect
      expect(await store.leases.acquire('digest', 'A', at(9), at(14))).toBe(false);
      await store.leases.release('digest', 'B');
      expect(await store.leases.acquire('digest', 'A', at(9), at(14))).toBe(true);
    });

    const owners = (round: number) => times(2 + (round % 4), (i) => `r${round}-${i}`);

    it('gives a new lease to exactly one of 2–5 concurrent owners, 20 rounds', RACE, async () => {
      for (let round = 0; round < 20; round++) {
        const got = await Promise.all(owners(round).map((o) => store.leases.acquire(`job-${round}`, o, at(0), at(5))));
        expect(got.filter(Boolean), `round ${round}`).toHaveLength(1);
      }
    });

    it('gives a released lease to exactly one of 2–5 concurrent owners, 20 rounds', RACE, async () => {
      for (let round = 0; round < 20; round++) {
        await store.leases.acquire('digest', 'holder', at(0), at(59));
        await store.leases.release('digest', 'holder');
        const got = await Promise.all(owners(round).map((o) => store.leases.acquire('digest', o, at(1), at(2))));
        expect(got.filter(Boolean), `round ${round}`).toHaveLength(1);
        await store.leases.release('digest', owners(round)[got.indexOf(true)]!);
      }
    });

    it('gives a lease that ran out to exactly one of 2–5 concurrent owners, 20 rounds', RACE, async () => {
      await store.leases.acquire('digest', 'old', at(0), at(1));
      for (let round = 0; round < 20; round++) {
        // Each round's lease runs out when the next round starts.
        const [now, until] = [at(1 + 2 * round), at(3 + 2 * round)];
        const got = await Promise.all(owners(round).map((o) => store.leases.acquire('digest', o, now, until)));
        expect(got.filter(Boolean), `round ${round}`).toHaveLength(1);
        const winner = owners(round)[got.indexOf(true)]!;
        expect(await store.leases.acquire('digest', `late-${round}`, now, until)).toBe(false);
        expect(await store.leases.acquire('digest', winner, now, until)).toBe(true); // renewing its own
      }
    });
  });

  describe('card activities', () => {
    const card = (conversationKey: string, version: number, activityId = `act-${version}`) => ({
      nominationId: 'n1',
      conversationKey,
      activityId,
      version,
      viewer: { audience: 'landlord' as const, partyId: 'vidomes' },
      updatedAt: at(version),
    });

    it('remembers where a card is, and moves it on to newer versions only', async () => {
      expect(await store.cardActivities.get('n1', 'user:a')).toBeUndefined();
      await store.cardActivities.record(card('user:a', 2));
      await store.cardActivities.record(card('user:a', 4));
      await store.cardActivities.record(card('user:a', 3)); // a late, slower worker: ignored
      expect(await store.cardActivities.get('n1', 'user:a')).toEqual(card('user:a', 4));
      await store.cardActivities.record(card('user:a', 4, 'reposted')); // same version: overwrites
      expect((await store.cardActivities.get('n1', 'user:a'))?.activityId).toBe('reposted');
    });

    it('lists a nomination’s cards by conversation, and forgets one', async () => {
      await store.cardActivities.record(card('user:b', 1));
      await store.cardActivities.record(card('conversation:19:x', 1));
      await store.cardActivities.record({ ...card('user:b', 1), nominationId: 'n2' });
      const keys = (await store.cardActivities.listForNomination('n1')).map((r) => r.conversationKey);
      expect(keys).toEqual(['conversation:19:x', 'user:b']);
      await store.cardActivities.delete('n1', 'user:b');
      expect(await store.cardActivities.get('n1', 'user:b')).toBeUndefined();
      expect(await store.cardActivities.get('n2', 'user:b')).toBeDefined();
    });
  });

  describe('signals', () => {
    const signal = (id: string, overrides: Partial<Signal> = {}): Omit<Signal, 'version'> => ({
      id,
      nominationId: 'n1',
      kind: 'huurachterstand',
      from: { side: 'landlord', partyId: 'vidomes', contactId: 'c-l' },
      to: { side: 'care', partyId: 'zorg-a' },
      sentAt: at(5),
      arrears: { achterstandBedrag: 812.5, achterstandSinds: '2025-02-01' },
      ...overrides,
    });

    it('inserts with version 1 once, gets, and lists a tenancy’s signals in the order sent', async () => {
      expect(await store.signals.insert(signal('s2', { sentAt: at(7) }))).toEqual({
        ...signal('s2', { sentAt: at(7) }),
        version: 1,
      });
      await store.signals.insert(signal('s1'));
      await store.signals.insert(signal('s3', { nominationId: 'n2' }));
      await expect(store.signals.insert(signal('s1'))).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.signals.get('s1')).toEqual({ ...signal('s1'), version: 1 });
      expect(await store.signals.get('none')).toBeUndefined();
      expect(ids(await store.signals.listForNomination('n1'))).toEqual(['s1', 's2']);
    });

    it('acknowledges as a compare-and-set: of racing receivers exactly one wins', RACE, async () => {
      const stored = await store.signals.insert(signal('s1'));
      const winners = await race(
        times(
          6,
          (i) => () => store.signals.replace({ ...stored, acknowledgement: { contactId: `c-${i}`, at: at(9) } }, 1),
        ),
      );
      expect(winners).toHaveLength(1);
      expect(await store.signals.get('s1')).toEqual({ ...winners[0], version: 2 });
      await expect(store.signals.replace(stored, 1)).rejects.toBeInstanceOf(VersionConflictError);
    });

    it('counts by kind in a window of sentAt, from inclusive, before exclusive', async () => {
      await store.signals.insert(signal('s1', { kind: 'overlast', sentAt: at(10) }));
      await store.signals.insert(signal('s2', { kind: 'overlast', sentAt: at(11) }));
      await store.signals.insert(signal('s3', { sentAt: at(12) }));
      await store.signals.insert(signal('s4', { kind: 'einde-begeleiding', sentAt: at(20) }));
      expect(await store.signals.countByType(at(10), at(20))).toEqual({ overlast: 2, huurachterstand: 1 });
      expect(await store.signals.countByType(at(0), at(10))).toEqual({});
    });

    it('names the nominations with a signal not erased, each once; an erasure replaces the whole signal', async () => {
      await store.signals.insert(signal('s1', { nominationId: 'n2', note: 'NOTE-MARKER' }));
      await store.signals.insert(signal('s2', { nominationId: 'n1' }));
      await store.signals.insert(signal('s3', { nominationId: 'n2' }));
      await store.signals.insert(signal('s4', { nominationId: 'n3', erasedAt: at(1) }));
      expect(await store.signals.nominationIdsWithUnerasedSignals()).toEqual(['n1', 'n2']);

      const { arrears: _arrears, note: _note, ...rest } = (await store.signals.get('s1'))!;
      await store.signals.replace({ ...rest, erasedAt: at(30) }, 1);
      expect(await store.signals.get('s1')).toEqual({ ...rest, erasedAt: at(30), version: 2 });
      expect(await store.signals.nominationIdsWithUnerasedSignals()).toEqual(['n1', 'n2']);
      await store.signals.replace({ ...(await store.signals.get('s3'))!, erasedAt: at(30) }, 1);
      expect(await store.signals.nominationIdsWithUnerasedSignals()).toEqual(['n1']);
    });
  });

  describe('ping and close', () => {
    it('answers a ping while open, and nothing after close', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await store.close();
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.nominations.get('n1')).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
});

describe('createStore', () => {
  it('creates the memory store without a MongoDB URI', async () => {
    const store = await createStore({});
    await store.parties.insert(party('vidomes'));
    expect(await store.parties.list()).toHaveLength(1);
    await store.close();
  });

  it('creates every index at start-up', async () => {
    const uri = inject('mongodbUri');
    const dbName = `test_${randomBytes(8).toString('hex')}`;
    const store = await createStore({ mongodbUri: uri, dbName });
    const client = new MongoClient(uri);
    try {
      for (const [collection, expected] of Object.entries(INDEXES)) {
        const indexes = await client.db(dbName).collection(collection).listIndexes().toArray();
        const actual = indexes.map((index) => ({ name: index.name as string, key: index.key as unknown }));
        expect(actual, collection).toEqual(
          expect.arrayContaining(expected.map((index) => ({ name: index.name, key: index.key }))),
        );
      }
      expect(INDEXES.nominations?.map((index) => index.key)).toContainEqual({
        targetLandlordIds: 1,
        state: 1,
        registeredAt: 1,
      });
    } finally {
      await client.db(dbName).dropDatabase();
      await client.close();
      await store.close();
    }
  });

  it('reopens a database it created before, as a restarted bot does, and keeps its data', async () => {
    const uri = inject('mongodbUri');
    const dbName = `test_${randomBytes(8).toString('hex')}`;
    const first = await createStore({ mongodbUri: uri, dbName });
    await first.parties.insert(party('vidomes'));
    await first.close();
    const second = await createStore({ mongodbUri: uri, dbName, serverSelectionTimeoutMs: 3_000 });
    try {
      expect((await second.parties.list()).map((p) => p.id)).toEqual(['vidomes']);
    } finally {
      const client = new MongoClient(uri);
      await client.db(dbName).dropDatabase();
      await client.close();
      await second.close();
    }
  });

  it('fails fast with StoreUnavailableError when the database cannot be reached', async () => {
    const started = Date.now();
    await expect(
      createStore({ mongodbUri: 'mongodb://127.0.0.1:1/', serverSelectionTimeoutMs: 300 }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
