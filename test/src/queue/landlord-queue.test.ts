import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landlordQueue, overdueNominations, queuePositionOf } from '../../../src/queue/landlord-queue';
import type { Store } from '../../../src/storage/ports';
import { aNomination } from '../../support/nomination-fixture';
import { storeFactories } from '../../support/stores';

const clock = () => new Date('2025-06-15T10:00:00.000Z');

describe.each(storeFactories)('landlord queue from the $name store (5.4)', ({ create }) => {
  let store: Store;

  beforeAll(async () => {
    store = await create();
    const nominations = [
      aNomination({ id: 'q-conv-1', registeredAt: '2025-01-10T10:00:00.000Z' }),
      aNomination({ id: 'q-conv-2', registeredAt: '2025-04-01T10:00:00.000Z', state: 'acknowledged' }),
      aNomination({ id: 'q-nood', type: 'noodwoning', registeredAt: '2025-05-01T10:00:00.000Z' }),
      aNomination({ id: 'q-other', registeredAt: '2025-01-01T10:00:00.000Z', targetLandlordIds: ['wooninvest'] }),
      aNomination({
        id: 'q-offered',
        state: 'offer-made',
        registeredAt: '2025-01-01T10:00:00.000Z',
        offer: { landlordId: 'vidomes', madeOn: '2025-02-01' },
      }),
    ];
    for (const { version: _version, ...nomination } of nominations) await store.nominations.insert(nomination);
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists the waiting nominations addressed to the landlord in queue order', async () => {
    const queue = await landlordQueue(store, 'vidomes', clock);
    expect(queue.map((e) => [e.nomination.id, e.position, e.offerTargetDate, e.overdue])).toEqual([
      ['q-nood', 1, '2025-08-01', false],
      ['q-conv-1', 2, '2025-04-10', true],
      ['q-conv-2', 3, '2025-07-01', false],
    ]);
  });

  it('gives the position of one nomination', async () => {
    expect(await queuePositionOf(store, 'q-conv-2', 'vidomes', clock)).toBe(3);
    expect(await queuePositionOf(store, 'q-other', 'vidomes', clock)).toBeUndefined();
    expect(await queuePositionOf(store, 'q-other', 'wooninvest', clock)).toBe(2);
  });

  it('lists overdue nominations across landlords', async () => {
    const overdue = await overdueNominations(store, clock);
    expect(overdue.map((o) => [o.nomination.id, o.landlords])).toEqual([
      ['q-other', [{ landlordId: 'wooninvest', position: 2 }]],
      [
        'q-conv-1',
        [
          { landlordId: 'vidomes', position: 2 },
          { landlordId: 'wooninvest', position: 3 },
        ],
      ],
    ]);
  });
});
