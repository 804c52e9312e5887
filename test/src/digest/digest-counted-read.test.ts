/**
 * The digest, the platform view and the queue read only the nominations they count, with only the
 * counted fields (NominationStore.findCounted). Here, on each store, over a population of a few
 * hundred nominations of every state: they give exactly what the same pure functions give over
 * every whole nomination (how they read before), and findCounted keeps to its contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestFigures } from '../../../src/digest/digest-figures';
import { digestFiguresOf } from '../../../src/digest/digest-figures-of';
import { distributionUse, newYearDistribution, withHomes } from '../../../src/distribution/allocation';
import { countNoodwoningQuota } from '../../../src/distribution/noodwoning-quota';
import type { Nomination } from '../../../src/nomination/nomination';
import { seedCovenantParties } from '../../../src/parties/registry';
import { landlordQueue, landlordQueuePage, queuePositionOf, queuePositionsOf } from '../../../src/queue/landlord-queue';
import { positionInQueue } from '../../../src/queue/queue';
import type { CountedNomination } from '../../../src/storage/ports';
import { localDate } from '../../../src/time/dates';
import { platformView } from '../../../src/views/platform-view';
import { currentLandlordIds, platformViewOf } from '../../../src/views/platform-view-of';
import { aNomination } from '../../support/nomination-fixture';
import { makeNominations } from '../../support/nomination-population';
import { storeFactories, type TestStore } from '../../support/stores';

const NOW = new Date('2025-09-10T10:00:00.000Z');
const clock = () => NOW;
const TODAY = localDate(NOW);
const LANDLORDS = ['vidomes', 'wooninvest', 'duivenvoorde'];

/** Edge cases the population may miss: offers and leases at the year's edges, also stored as instants. */
function edges(): Nomination[] {
  const lease = (signedOn: string, landlordId = 'vidomes') => ({
    landlordId,
    signedOn,
    temporaryUntil: '2099-01-01',
    guidanceAgreementUntil: '2099-01-01',
    guidanceEndMayBeShared: false,
  });
  return [
    aNomination({
      id: 'edge-offer-dec31',
      state: 'offer-made',
      offer: { landlordId: 'vidomes', madeOn: '2024-12-31' },
    }),
    aNomination({ id: 'edge-offer-jan1', state: 'offer-made', offer: { landlordId: 'vidomes', madeOn: '2025-01-01' } }),
    // 23:30 UTC on 31 December is already the next year in Amsterdam (covenantYearOf).
    aNomination({
      id: 'edge-offer-instant',
      type: 'noodwoning',
      state: 'offer-declined',
      offer: { landlordId: 'wooninvest', madeOn: '2024-12-31T23:30:00Z' },
    }),
    aNomination({ id: 'edge-lease-dec31', state: 'lease-indefinite', lease: lease('2025-12-31', 'wooninvest') }),
    aNomination({ id: 'edge-lease-next', state: 'lease-indefinite', lease: lease('2026-01-01') }),
    aNomination({ id: 'edge-lease-instant', state: 'lease-indefinite', lease: lease('2025-12-31T23:30:00Z') }),
    // Registered Sunday 22:30 UTC = Monday 00:30 in Amsterdam: this week, not the previous one.
    aNomination({ id: 'edge-week', state: 'withdrawn', registeredAt: '2025-09-07T22:30:00.000Z' }),
    aNomination({ id: 'edge-draft', state: 'draft', registeredAt: undefined, createdAt: '2025-09-09T10:00:00.000Z' }),
  ];
}

describe.each(storeFactories)('counted reads ($name)', ({ create }) => {
  let store: TestStore;
  let all: Nomination[];

  beforeAll(async () => {
    store = await create();
    await seedCovenantParties(store, { origin: 'test', actorId: 'system' });
    await store.distributions.save(withHomes(newYearDistribution(2025), 'vidomes', 5), 0);
    all = [...makeNominations(400, NOW, 7), ...edges()];
    for (const n of all) await store.nominations.insert(n);
    all = await store.nominations.find({});
  });
  afterAll(() => store.close());

  /** How the figures were read before: every whole nomination, through the same pure functions. */
  async function referenceView() {
    const distribution = (await store.distributions.get(2025))!;
    return platformView({
      today: TODAY,
      year: 2025,
      landlordIds: await currentLandlordIds(store),
      allCounts: await store.nominations.countByStateAndType(),
      registeredThisYearCounts: await store.nominations.countByStateAndType({
        registeredFrom: '2024-12-31T23:00:00.000Z',
        registeredBefore: '2025-12-31T23:00:00.000Z',
      }),
      waiting: all,
      distribution: distributionUse(distribution, all),
      noodwoning: countNoodwoningQuota(all, 2025),
    });
  }

  it('gives the platform view it gave over every whole nomination', async () => {
    expect(await platformViewOf(store, clock)).toEqual(await referenceView());
  });

  it('gives the digest figures it gave over every whole nomination', async () => {
    const expected = digestFigures({
      view: await referenceView(),
      nominations: all,
      parties: await store.parties.list(),
      outboxCounts: await store.outbox.countByStatus(),
      signals: { week: { counted: false }, previousWeek: { counted: false } },
    });
    const figures = await digestFiguresOf(store, clock);
    expect(figures).toEqual(expected);
    // The population has something in every part, or the comparison says little.
    expect(figures.openQueue.waiting.total).toBeGreaterThan(20);
    expect(figures.newNominations.week.total).toBeGreaterThan(0);
    expect(figures.evaluations.due).toBeGreaterThan(0);
    expect(Object.values(figures.distribution).some((d) => d.used > 0 && d.offers > 0)).toBe(true);
  });

  it('places each nomination in each landlord queue as the whole queue does (5.4)', async () => {
    for (const landlordId of LANDLORDS) {
      const queue = await landlordQueue(store, landlordId, clock);
      expect(queue.length).toBeGreaterThan(0);
      for (const entry of queue.filter((_, i) => i % 25 === 0)) {
        expect(await queuePositionOf(store, entry.nomination.id, landlordId, clock)).toBe(entry.position);
        expect(positionInQueue(all, entry.nomination.id, landlordId, TODAY)).toBe(entry.position);
      }
      const page = await landlordQueuePage(store, landlordId, clock, 25);
      expect(page.total).toBe(queue.length);
      expect(page.entries).toEqual(queue.slice(0, 25));
    }
    const notWaiting = all.find((n) => n.state === 'lease-signed')!;
    expect(await queuePositionsOf(store, notWaiting.id, LANDLORDS)).toEqual({});
    const both = (await landlordQueue(store, 'vidomes', clock)).find((e) =>
      e.nomination.targetLandlordIds.includes('wooninvest'),
    )!;
    expect(await queuePositionsOf(store, both.nomination.id, ['vidomes', 'wooninvest', 'duivenvoorde'])).toEqual({
      vidomes: both.position,
      wooninvest: await queuePositionOf(store, both.nomination.id, 'wooninvest'),
    });
    // FerretDB 1.x reads every document for each query: many queries over 400 nominations.
  }, 60_000);

  it('findCounted: any of the conditions, each nomination once, only the counted fields', async () => {
    const byId = (list: CountedNomination[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    const ids = (list: { id: string }[]) => list.map((n) => n.id).sort();
    expect(await store.nominations.findCounted([])).toEqual([]);
    expect(ids(await store.nominations.findCounted([{}]))).toEqual(ids(all));

    const found = await store.nominations.findCounted([
      { states: ['registered', 'acknowledged'], landlordId: 'vidomes' },
      { offerMadeOn: { from: '2025-01-01', before: '2026-01-01' } },
      { leaseSignedOn: { before: '2024-01-01' } },
      { registeredAt: { from: '2025-09-01T00:00:00.000Z', before: '2025-09-08T00:00:00.000Z' } },
      { states: ['registered'] },
    ]);
    const expected = all.filter(
      (n) =>
        (['registered', 'acknowledged'].includes(n.state) && n.targetLandlordIds.includes('vidomes')) ||
        (n.offer !== undefined && n.offer.madeOn >= '2025-01-01' && n.offer.madeOn < '2026-01-01') ||
        (n.lease !== undefined && n.lease.signedOn < '2024-01-01') ||
        (n.registeredAt !== undefined &&
          n.registeredAt >= '2025-09-01T00:00:00.000Z' &&
          n.registeredAt < '2025-09-08T00:00:00.000Z') ||
        n.state === 'registered',
    );
    expect(ids(found)).toEqual(ids(expected));

    const allowed = new Set([
      'id',
      'type',
      'state',
      'createdAt',
      'registeredAt',
      'targetLandlordIds',
      'verdict',
      'proposedHome',
      'offer',
      'lease',
      'evaluations',
    ]);
    for (const n of byId(found)) {
      const whole = all.find((w) => w.id === n.id)!;
      expect(Object.keys(n).filter((key) => !allowed.has(key))).toEqual([]);
      expect(n).toEqual({
        id: whole.id,
        type: whole.type,
        state: whole.state,
        createdAt: whole.createdAt,
        ...(whole.registeredAt && { registeredAt: whole.registeredAt }),
        targetLandlordIds: whole.targetLandlordIds,
        ...(whole.verdict && { verdict: { allowedLandlordIds: whole.verdict.allowedLandlordIds } }),
        ...(whole.proposedHome && { proposedHome: { landlordId: whole.proposedHome.landlordId } }),
        ...(whole.offer && { offer: { landlordId: whole.offer.landlordId, madeOn: whole.offer.madeOn } }),
        ...(whole.lease && { lease: { landlordId: whole.lease.landlordId, signedOn: whole.lease.signedOn } }),
        evaluations: whole.evaluations.map((e) => ({ on: e.on })),
      });
    }
  });

  it('getMany: the whole nominations with these ids in one read, unknown ids left out', async () => {
    const wanted = [all[3]!, all[100]!, all[200]!];
    const found = await store.nominations.getMany([...wanted.map((n) => n.id), 'no-such-id', wanted[0]!.id]);
    expect([...found].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [...wanted].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(await store.nominations.getMany([])).toEqual([]);
  });

  it('findCounted hands out copies: changing one changes nothing stored', async () => {
    const [first] = await store.nominations.findCounted([{ states: ['registered'] }]);
    first!.targetLandlordIds.push('SECRET');
    const again = await store.nominations.findCounted([{ states: ['registered'] }]);
    expect(again.find((n) => n.id === first!.id)!.targetLandlordIds).not.toContain('SECRET');
  });
});
