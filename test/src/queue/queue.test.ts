import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Nomination, NominationState } from '../../../src/nomination/nomination';
import { isAddressedTo } from '../../../src/queue/addressed-to';
import { buildLandlordQueue, listOverdueNominations, positionInQueue } from '../../../src/queue/queue';
import { aNomination } from '../../support/nomination-fixture';

const TODAY = '2025-06-15';

function home(landlordId: string): Nomination['proposedHome'] {
  return { landlordId, description: 'Straat 1', proposedAt: '2025-04-01T10:00:00.000Z', proposedBy: 'c-landlord' };
}

function ids(nominations: { nomination: Nomination }[]): string[] {
  return nominations.map((e) => e.nomination.id);
}

describe('who is in a landlord queue (5.4)', () => {
  it.each<[string, Partial<Nomination>, boolean]>([
    ['registered', { state: 'registered' }, true],
    ['acknowledged', { state: 'acknowledged' }, true],
    ['home-proposed by this landlord', { state: 'home-proposed', proposedHome: home('vidomes') }, true],
    ['home-proposed by another landlord (5.5)', { state: 'home-proposed', proposedHome: home('wooninvest') }, false],
    ['suitability-confirmed', { state: 'suitability-confirmed', proposedHome: home('vidomes') }, true],
    ['draft (not sent)', { state: 'draft', registeredAt: undefined }, false],
    ['offer-made', { state: 'offer-made', offer: { landlordId: 'vidomes', madeOn: '2025-05-01' } }, false],
    ['lease-signed', { state: 'lease-signed' }, false],
    ['withdrawn', { state: 'withdrawn' }, false],
    ['not-eligible', { state: 'not-eligible' }, false],
    ['another landlord only', { targetLandlordIds: ['wooninvest'] }, false],
    [
      'chosen but not allowed by the verdict (6.3 evicting landlord)',
      {
        targetLandlordIds: ['vidomes', 'wooninvest'],
        verdict: { kind: 'eligible', reasons: [], allowedLandlordIds: ['wooninvest'], decidedAt: '2025-03-01' },
      },
      false,
    ],
    [
      'allowed by the verdict but not chosen',
      {
        targetLandlordIds: ['wooninvest'],
        verdict: {
          kind: 'eligible',
          reasons: [],
          allowedLandlordIds: ['vidomes', 'wooninvest'],
          decidedAt: '2025-03-01',
        },
      },
      false,
    ],
  ])('%s → in vidomes queue: %s', (_label, overrides, expected) => {
    const queue = buildLandlordQueue([aNomination(overrides)], 'vidomes', TODAY);
    expect(queue.length === 1).toBe(expected);
  });

  it('isAddressedTo needs a registration', () => {
    expect(isAddressedTo(aNomination({ registeredAt: undefined }), 'vidomes')).toBe(false);
  });
});

describe('queue order (5.4: noodwoning first, then order of registration)', () => {
  it('puts noodwoning first, then registeredAt, ties by id', () => {
    const nominations = [
      aNomination({ id: 'c-late', registeredAt: '2025-03-03T10:00:00.000Z' }),
      aNomination({ id: 'c-early', registeredAt: '2025-03-01T10:00:00.000Z' }),
      aNomination({ id: 'nood-late', type: 'noodwoning', registeredAt: '2025-04-01T10:00:00.000Z' }),
      aNomination({ id: 'c-tie-b', registeredAt: '2025-03-02T10:00:00.000Z' }),
      aNomination({ id: 'c-tie-a', registeredAt: '2025-03-02T10:00:00.000Z' }),
      aNomination({ id: 'nood-early', type: 'noodwoning', registeredAt: '2025-03-15T10:00:00.000Z' }),
    ];
    const queue = buildLandlordQueue(nominations, 'vidomes', TODAY);
    expect(ids(queue)).toEqual(['nood-early', 'nood-late', 'c-early', 'c-tie-a', 'c-tie-b', 'c-late']);
    expect(queue.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(positionInQueue(nominations, 'c-tie-a', 'vidomes', TODAY)).toBe(4);
    expect(positionInQueue(nominations, 'c-tie-a', 'duivenvoorde', TODAY)).toBeUndefined();
  });

  it('orders by instant, not by how the timestamp is written', () => {
    const nominations = [
      aNomination({ id: 'a', registeredAt: '2025-03-01T10:30:00+02:00' }), // 08:30Z
      aNomination({ id: 'b', registeredAt: '2025-03-01T09:00:00.000Z' }),
    ];
    expect(ids(buildLandlordQueue(nominations, 'vidomes', TODAY))).toEqual(['a', 'b']);
  });

  it('gives positions 1..n in an order that does not depend on the input order', () => {
    const states: NominationState[] = ['registered', 'acknowledged', 'offer-made', 'withdrawn'];
    const arbitraryNomination = fc
      .record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        type: fc.constantFrom('convenantwoning', 'noodwoning'),
        state: fc.constantFrom(...states),
        day: fc.integer({ min: 1, max: 3 }),
      })
      .map(({ id, type, state, day }) =>
        aNomination({ id, type: type as Nomination['type'], state, registeredAt: `2025-03-0${day}T10:00:00.000Z` }),
      );
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryNomination, { selector: (n) => n.id, maxLength: 12 }), (nominations) => {
        const queue = buildLandlordQueue(nominations, 'vidomes', TODAY);
        const reversed = buildLandlordQueue([...nominations].reverse(), 'vidomes', TODAY);
        expect(ids(reversed)).toEqual(ids(queue));
        expect(queue.map((e) => e.position)).toEqual(queue.map((_, i) => i + 1));
        const firstConvenant = queue.findIndex((e) => e.nomination.type === 'convenantwoning');
        if (firstConvenant >= 0) {
          expect(queue.slice(firstConvenant).every((e) => e.nomination.type === 'convenantwoning')).toBe(true);
        }
      }),
    );
  });
});

describe('overdue across landlords (5.4)', () => {
  const nominations = [
    aNomination({ id: 'old', registeredAt: '2025-01-10T10:00:00.000Z', targetLandlordIds: ['vidomes', 'wooninvest'] }),
    aNomination({ id: 'older', registeredAt: '2025-01-05T10:00:00.000Z', targetLandlordIds: ['duivenvoorde'] }),
    aNomination({ id: 'on-time', registeredAt: '2025-03-15T10:00:00.000Z' }), // target 15 Jun = today
    aNomination({
      id: 'offered',
      state: 'offer-made',
      registeredAt: '2025-01-01T10:00:00.000Z',
      offer: { landlordId: 'vidomes', madeOn: '2025-06-01' },
    }),
    aNomination({ id: 'nood', type: 'noodwoning', registeredAt: '2025-02-20T10:00:00.000Z' }),
  ];

  it('lists each overdue nomination once, most overdue first, with its landlords and positions', () => {
    const overdue = listOverdueNominations(nominations, TODAY);
    expect(overdue.map((o) => [o.nomination.id, o.offerTargetDate, o.daysOverdue])).toEqual([
      ['older', '2025-04-05', 71],
      ['old', '2025-04-10', 66],
      ['nood', '2025-05-20', 26],
    ]);
    expect(overdue[1]?.landlords).toEqual([
      { landlordId: 'vidomes', position: 2 },
      { landlordId: 'wooninvest', position: 2 },
    ]);
    expect(overdue[0]?.landlords).toEqual([{ landlordId: 'duivenvoorde', position: 1 }]);
  });

  it('marks queue entries overdue', () => {
    const queue = buildLandlordQueue(nominations, 'vidomes', TODAY);
    expect(queue.map((e) => [e.nomination.id, e.overdue])).toEqual([
      ['nood', true],
      ['old', true],
      ['on-time', false],
    ]);
  });
});
