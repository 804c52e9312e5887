/**
 * The service on both store adapters: version-checked writes, history and audit per change,
 * an audit record for each refused attempt, retries without a second effect, and races
 * where exactly one of two people wins.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../src/audit/audit';
import type { Nomination } from '../../../src/nomination/nomination';
import { NominationService, type ServiceResult } from '../../../src/nomination/service';
import type { TransitionName } from '../../../src/nomination/transitions';
import type { Store } from '../../../src/storage/ports';
import { storeFactories, type TestStore } from '../../support/stores';
import {
  ACTORS,
  DRAFT_FIELDS,
  NOW,
  PATHS,
  VALID_PAYLOADS,
  clock,
  verdict,
  type ActorName,
  type Step,
} from './fixtures';

const ID = 'nom-1';

describe.each(storeFactories)('NominationService ($name store)', ({ create }) => {
  let store: TestStore;
  let service: NominationService;

  beforeEach(async () => {
    store = await create();
    service = serviceOn(store);
  });
  afterEach(() => store.close());

  function serviceOn(s: Pick<Store, 'nominations' | 'audit'>): NominationService {
    return new NominationService({ store: s, clock, origin: 'test', newId: () => ID });
  }

  async function current(): Promise<Nomination> {
    const n = await store.nominations.get(ID);
    if (!n) throw new Error('no nomination');
    return n;
  }

  function act(who: ActorName, name: TransitionName, payload: unknown, version: number): Promise<ServiceResult> {
    return service.apply(ID, ACTORS[who], name, payload, version);
  }

  /** Creates the draft and takes the steps, each on the version it finds. */
  async function walk(steps: Step[]): Promise<Nomination> {
    await service.createDraft(ACTORS.counsellor, DRAFT_FIELDS);
    for (const [who, name, payload] of steps) {
      const result = await act(who, name, payload ?? VALID_PAYLOADS[name], (await current()).version);
      if (!result.ok) throw new Error(`${name} by ${who}: ${JSON.stringify(result.error)}`);
    }
    return current();
  }

  /** Audit records by id: the fixed clock gives them all the same time. */
  async function audit(): Promise<AuditRecord[]> {
    return (await store.audit.listForObject(ID)).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  }

  describe('drafts', () => {
    it('creates a draft for the actor’s own organisation, audited as version 1', async () => {
      const result = await service.createDraft(ACTORS.casemanager, DRAFT_FIELDS);
      expect(result).toMatchObject({
        ok: true,
        alreadyApplied: false,
        nomination: {
          id: ID,
          version: 1,
          state: 'draft',
          nominatingPartyId: 'parnassia-haaglanden',
          nominatedByContactId: 'c-casemanager',
        },
      });
      expect(await audit()).toEqual([
        {
          id: `${ID}:v1`,
          at: NOW.toISOString(),
          action: 'nomination.create-draft',
          object: { type: 'nomination', id: ID },
          result: 'success',
          origin: 'test',
          actorId: 'c-casemanager',
        },
      ]);
    });

    it('returns the same draft on a retried create', async () => {
      await service.createDraft(ACTORS.counsellor, DRAFT_FIELDS, { id: 'from-activity-1' });
      const again = await service.createDraft(ACTORS.counsellor, DRAFT_FIELDS, { id: 'from-activity-1' });
      expect(again).toMatchObject({ ok: true, alreadyApplied: true, nomination: { version: 1 } });
      const taken = await service.createDraft(ACTORS.colleague, DRAFT_FIELDS, { id: 'from-activity-1' });
      expect(taken).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    });

    it('lets no landlord, GGD or platform contact create one, and audits the attempt', async () => {
      for (const who of ['vidomes', 'ggd', 'platform'] as const) {
        expect(await service.createDraft(ACTORS[who], DRAFT_FIELDS)).toMatchObject({
          ok: false,
          error: { kind: 'not-allowed-for-role' },
        });
      }
      expect(await store.nominations.get(ID)).toBeUndefined();
      expect((await audit()).map((r) => [r.actorId, r.result])).toEqual([
        ['c-ggd', 'denied'],
        ['c-platform', 'denied'],
        ['c-vidomes', 'denied'],
      ]);
    });

    it('checks the draft’s format', async () => {
      const result = await service.createDraft(ACTORS.counsellor, {
        ...DRAFT_FIELDS,
        candidate: { ...DRAFT_FIELDS.candidate, dateOfBirth: '1990-13-01' },
      });
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-payload', field: 'candidate.dateOfBirth' } });
    });

    it('saves draft fields only, once per content, and only while a draft', async () => {
      await service.createDraft(ACTORS.counsellor, DRAFT_FIELDS);
      const patch = { requirements: { housing: 'Lift' }, state: 'registered' } as never;
      const saved = await service.saveDraft(ID, ACTORS.colleague, patch, 1);
      expect(saved).toMatchObject({
        ok: true,
        alreadyApplied: false,
        nomination: { version: 2, state: 'draft', requirements: { housing: 'Lift' } },
      });
      // A retry of the same save, on the version it was made from, changes nothing.
      expect(await service.saveDraft(ID, ACTORS.colleague, patch, 1)).toMatchObject({
        ok: true,
        alreadyApplied: true,
        nomination: { version: 2 },
      });
      expect(await service.saveDraft(ID, ACTORS.colleague, { requirements: {} }, 1)).toMatchObject({
        ok: false,
        error: { kind: 'conflict', currentVersion: 2 },
      });
      expect(await service.saveDraft(ID, ACTORS.otherCounsellor, { requirements: {} }, 2)).toMatchObject({
        ok: false,
        error: { kind: 'not-allowed-for-role' },
      });
      await service.submit(ID, ACTORS.counsellor, verdict('eligible'), 2);
      expect(await service.saveDraft(ID, ACTORS.counsellor, { requirements: {} }, 3)).toMatchObject({
        ok: false,
        error: { kind: 'wrong-state', currentState: 'registered' },
      });
      expect((await audit()).map((r) => [r.action, r.result])).toEqual([
        ['nomination.create-draft', 'success'],
        ['nomination.save-draft', 'success'],
        ['nomination.save-draft', 'conflict'],
        ['nomination.save-draft', 'denied'],
        ['nomination.transition:submit', 'success'],
        ['nomination.save-draft', 'conflict'],
      ]);
    });
  });

  describe('steps', () => {
    it('walks from draft to an indefinite lease, one history entry and one audit record per version', async () => {
      const n = await walk(PATHS['lease-indefinite']);
      expect(n).toMatchObject({
        state: 'lease-indefinite',
        version: 13,
        closedAt: NOW.toISOString(),
        lease: { convertedOn: '2025-06-16' },
      });
      expect(n.history.map((e) => e.version)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
      const records = await audit();
      expect(records.map((r) => r.id)).toEqual(Array.from({ length: 13 }, (_, i) => `${ID}:v${i + 1}`));
      expect(records.every((r) => r.result === 'success' && r.origin === 'test')).toBe(true);
      expect(records.slice(1).map((r) => r.action)).toEqual(n.history.map((e) => `nomination.transition:${e.action}`));
      expect(records.map((r) => r.actorId)).toEqual(['c-counsellor', ...n.history.map((e) => e.actorId)]);
      // Contact ids only: no names, no candidate data.
      expect(JSON.stringify(records)).not.toMatch(/Naam van|Kandidaat|Voorbeeldstraat/);
    });

    it('submits with the verdict and tells the allowed landlords', async () => {
      await service.createDraft(ACTORS.counsellor, DRAFT_FIELDS);
      const result = await service.submit(ID, ACTORS.counsellor, verdict('eligible-with-maatwerk'), 1);
      expect(result).toMatchObject({
        ok: true,
        nomination: {
          state: 'registered',
          registeredAt: NOW.toISOString(),
          verdict: { kind: 'eligible-with-maatwerk' },
        },
        notifications: [
          {
            audience: 'landlords',
            landlordIds: ['vidomes', 'wooninvest'],
            event: 'submit',
            state: 'registered',
            version: 2,
          },
        ],
      });
    });

    it('closes a withdrawn nomination, and refuses withdrawal once the lease is signed', async () => {
      await walk(PATHS['offer-made']);
      const withdrawn = await act('counsellor', 'withdraw', {}, 6);
      expect(withdrawn).toMatchObject({
        ok: true,
        nomination: { state: 'withdrawn', closedAt: NOW.toISOString(), version: 7 },
      });
      expect(withdrawn.ok && withdrawn.notifications).toEqual([
        { audience: 'landlords', landlordIds: ['vidomes'], event: 'withdraw', state: 'withdrawn', version: 7 },
      ]);
    });

    it('refuses a withdrawal after signing', async () => {
      await walk(PATHS['lease-signed']);
      expect(await act('counsellor', 'withdraw', {}, 10)).toMatchObject({
        ok: false,
        error: { kind: 'wrong-state', currentState: 'lease-signed' },
      });
      expect((await current()).version).toBe(10);
    });

    it('allows one offer only (4.5): none after a decline', async () => {
      await walk(PATHS['offer-declined']);
      expect(await act('vidomes', 'make-offer', {}, 7)).toMatchObject({
        ok: false,
        error: { kind: 'wrong-state', currentState: 'offer-declined' },
      });
      expect(await act('wooninvest', 'propose-home', VALID_PAYLOADS['propose-home'], 7)).toMatchObject({ ok: false });
    });

    it('converts the lease only after the joint positive evaluation (4.9)', async () => {
      await walk([...PATHS['lease-signed'], ['vidomes', 'record-evaluation']]);
      expect(await act('vidomes', 'convert-lease', {}, 11)).toMatchObject({
        ok: false,
        error: { kind: 'invalid-payload', field: 'evaluations' },
      });
      expect(await act('vidomes', 'confirm-evaluation', {}, 11)).toMatchObject({
        ok: false,
        error: { kind: 'not-allowed-for-role' },
      });
      expect(await act('casemanager', 'confirm-evaluation', {}, 11)).toMatchObject({ ok: true });
      expect(await act('vidomes', 'convert-lease', {}, 12)).toMatchObject({
        ok: true,
        nomination: { state: 'lease-indefinite' },
      });
    });
  });

  describe('refused attempts', () => {
    it('writes an audit record for a denied attempt and changes nothing', async () => {
      await walk(PATHS.registered);
      expect(await act('ggd', 'acknowledge', {}, 2)).toMatchObject({
        ok: false,
        error: { kind: 'not-allowed-for-role', role: 'ggd-contact' },
      });
      expect(await act('duivenvoorde', 'acknowledge', {}, 2)).toMatchObject({
        ok: false,
        error: { kind: 'not-allowed-for-role' },
      });
      expect(await act('vidomes', 'propose-home', VALID_PAYLOADS['propose-home'], 2)).toMatchObject({
        ok: false,
        error: { kind: 'wrong-state' },
      });
      expect(await act('vidomes', 'refuse', { reason: '' }, 2)).toMatchObject({
        ok: false,
        error: { kind: 'invalid-payload', field: 'reason' },
      });
      expect(await current()).toMatchObject({ version: 2, state: 'registered', history: [{ action: 'submit' }] });

      const refused = (await audit()).filter((r) => r.result !== 'success');
      expect(refused.map((r) => [r.action, r.actorId, r.result])).toEqual(
        expect.arrayContaining([
          ['nomination.transition:acknowledge', 'c-ggd', 'denied'],
          ['nomination.transition:acknowledge', 'c-duivenvoorde', 'denied'],
          ['nomination.transition:propose-home', 'c-vidomes', 'conflict'],
          ['nomination.transition:refuse', 'c-vidomes', 'denied'],
        ]),
      );
      expect(refused).toHaveLength(4);
      expect(refused.every((r) => r.id.startsWith(`${ID}:v2:`))).toBe(true);
    });

    it('answers not-found for an unknown nomination, audited too', async () => {
      expect(await service.apply('nope', ACTORS.vidomes, 'acknowledge', {}, 1)).toMatchObject({
        ok: false,
        error: { kind: 'not-found' },
      });
      expect(await store.audit.listForObject('nope')).toMatchObject([{ result: 'error', actorId: 'c-vidomes' }]);
    });
  });

  describe('retries', () => {
    it('applies a retried step once (same actor, payload and version)', async () => {
      await walk(PATHS['suitability-confirmed']);
      const first = await act('vidomes', 'make-offer', { madeOn: '2025-06-02' }, 5);
      const retry = await act('vidomes', 'make-offer', { madeOn: '2025-06-02' }, 5);
      expect(first).toMatchObject({ ok: true, alreadyApplied: false, nomination: { version: 6 } });
      expect(retry).toMatchObject({ ok: true, alreadyApplied: true, nomination: { version: 6, state: 'offer-made' } });
      expect(retry.ok && retry.notifications).toEqual(first.ok && first.notifications);
      expect((await current()).history).toHaveLength(5);
      expect((await audit()).filter((r) => r.id === `${ID}:v6`)).toHaveLength(1);
      expect(await audit()).toHaveLength(6);
    });

    it('still recognises a retry after later steps', async () => {
      await walk(PATHS['home-proposed']);
      expect(await act('vidomes', 'acknowledge', {}, 2)).toMatchObject({
        ok: true,
        alreadyApplied: true,
        nomination: { version: 4 },
      });
      expect(
        await act(
          'counsellor',
          'submit',
          { verdict: { ...verdict('eligible'), decidedAt: '2025-06-16T09:00:00.000Z' } },
          1,
        ),
      ).toMatchObject({
        ok: true,
        alreadyApplied: true,
      });
    });

    it('does not take a different payload or another actor for a retry', async () => {
      await walk(PATHS['suitability-confirmed']);
      await act('vidomes', 'make-offer', { madeOn: '2025-06-02' }, 5);
      expect(await act('vidomes', 'make-offer', { madeOn: '2025-06-03' }, 5)).toMatchObject({
        ok: false,
        error: { kind: 'wrong-state', currentState: 'offer-made' },
      });
      expect(await act('vidomesColleague', 'make-offer', { madeOn: '2025-06-02' }, 5)).toMatchObject({
        ok: false,
        error: { kind: 'wrong-state' },
      });
      expect((await current()).offer).toEqual({ landlordId: 'vidomes', madeOn: '2025-06-02' });
    });
  });

  describe('two people at once', () => {
    const RACES: { title: string; state: keyof typeof PATHS; a: Step; b: Step }[] = [
      {
        title: 'suitable and not suitable',
        state: 'home-proposed',
        a: ['counsellor', 'confirm-suitable'],
        b: ['colleague', 'reject-suitable'],
      },
      {
        title: 'two landlords proposing a home',
        state: 'acknowledged',
        a: ['vidomes', 'propose-home'],
        b: ['wooninvest', 'propose-home'],
      },
      {
        title: 'a withdrawal and an offer',
        state: 'suitability-confirmed',
        a: ['counsellor', 'withdraw'],
        b: ['vidomes', 'make-offer'],
      },
      {
        title: 'two contacts of one landlord making the offer',
        state: 'suitability-confirmed',
        a: ['vidomes', 'make-offer'],
        b: ['vidomesColleague', 'make-offer', { madeOn: '2025-06-01' }],
      },
    ];

    it.for(RACES)('exactly one wins: $title', async ({ state, a, b }) => {
      const before = await walk(PATHS[state]);
      const results = await Promise.all(
        [a, b].map(([who, name, payload]) => act(who, name, payload ?? VALID_PAYLOADS[name], before.version)),
      );
      expectOneWinner(results, before, await current());
    });

    it.each(RACES)(
      'the loser of an interleaved race gets a conflict or wrong-state: $title',
      async ({ state, a, b }) => {
        const before = await walk(PATHS[state]);
        // B read the nomination before A's write landed, deterministically (the race above is by timing).
        const stale = staleOnce(store, before);
        const [whoA, nameA, payloadA] = a;
        const [whoB, nameB, payloadB] = b;
        const resultA = await act(whoA, nameA, payloadA ?? VALID_PAYLOADS[nameA], before.version);
        const resultB = await serviceOn(stale).apply(
          ID,
          ACTORS[whoB],
          nameB,
          payloadB ?? VALID_PAYLOADS[nameB],
          before.version,
        );
        const after = await current();
        expectOneWinner([resultA, resultB], before, after);
        expect(resultB).toMatchObject({
          ok: false,
          error: { kind: expect.stringMatching(/^(conflict|wrong-state)$/), currentVersion: after.version },
        });
        expect((await audit()).filter((r) => r.result === 'conflict')).toHaveLength(1);
      },
    );

    it('takes a racing retry of the very same request as done, not as a conflict', async () => {
      const before = await walk(PATHS['suitability-confirmed']);
      const stale = staleOnce(store, before);
      const payload = { madeOn: '2025-06-02' };
      await act('vidomes', 'make-offer', payload, before.version);
      const retry = await serviceOn(stale).apply(ID, ACTORS.vidomes, 'make-offer', payload, before.version);
      expect(retry).toMatchObject({ ok: true, alreadyApplied: true, nomination: { version: before.version + 1 } });
      expect((await current()).history).toHaveLength(before.history.length + 1);
    });

    it('applies concurrent identical retries once', async () => {
      const before = await walk(PATHS['suitability-confirmed']);
      const results = await Promise.all(
        [1, 2, 3].map(() => act('vidomes', 'make-offer', { madeOn: '2025-06-02' }, before.version)),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(results.filter((r) => r.ok && !r.alreadyApplied)).toHaveLength(1);
      expect((await current()).history).toHaveLength(before.history.length + 1);
    });
  });
});

function expectOneWinner(results: ServiceResult[], before: Nomination, after: Nomination): void {
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const loser = results.find((r) => !r.ok);
  expect(loser).toMatchObject({
    ok: false,
    error: { kind: expect.stringMatching(/^(conflict|wrong-state|not-allowed-for-role)$/) },
  });
  expect(after.version).toBe(before.version + 1);
  expect(after.history).toHaveLength(before.history.length + 1);
}

/** The store as seen by someone who read `snapshot` just before another person's write. */
function staleOnce(store: Store, snapshot: Nomination): Pick<Store, 'nominations' | 'audit'> {
  let served = false;
  return {
    audit: store.audit,
    nominations: {
      ...store.nominations,
      get: (id) => {
        if (served) return store.nominations.get(id);
        served = true;
        return Promise.resolve(structuredClone(snapshot));
      },
      replace: (next, expectedVersion) => store.nominations.replace(next, expectedVersion),
      insert: (n) => store.nominations.insert(n),
      find: (q) => store.nominations.find(q),
      countByStateAndType: (q) => store.nominations.countByStateAndType(q),
      delete: (id) => store.nominations.delete(id),
    },
  };
}
