import { describe, expect, it } from 'vitest';
import { countNoodwoningQuota } from '../../../src/distribution/noodwoning-quota';
import type { Nomination } from '../../../src/nomination/nomination';
import { aNomination } from '../../support/nomination-fixture';

function offered(madeOn: string, answer?: 'accepted' | 'declined'): Partial<Nomination> {
  return {
    type: 'noodwoning',
    state: answer === 'declined' ? 'offer-declined' : 'offer-made',
    offer: { landlordId: 'vidomes', madeOn, ...(answer ? { answer } : {}) },
  };
}

describe('noodwoning quota (6.4: two a year, more only after consultation)', () => {
  it.each<[string, Partial<Nomination>[], number, boolean]>([
    ['none yet', [], 0, false],
    ['one offered', [offered('2025-03-01')], 1, false],
    ['two offered: the next needs consultation', [offered('2025-03-01'), offered('2025-09-01', 'accepted')], 2, true],
    [
      'a declined offer counts (the home was made available)',
      [offered('2025-03-01'), offered('2025-04-01', 'declined')],
      2,
      true,
    ],
    [
      'registered but not offered does not count',
      [{ type: 'noodwoning' }, { type: 'noodwoning' }, offered('2025-03-01')],
      1,
      false,
    ],
    [
      'offers in another year do not count',
      [offered('2024-12-31'), offered('2026-01-01'), offered('2025-06-01')],
      1,
      false,
    ],
    [
      'by the Amsterdam date of the offer',
      [offered('2024-12-31T23:30:00.000Z'), offered('2025-12-31T23:30:00.000Z')],
      1,
      false,
    ],
    ['convenantwoning offers do not count', [{ ...offered('2025-03-01'), type: 'convenantwoning' }], 0, false],
    [
      'erased nominations still count',
      [{ ...offered('2025-03-01'), erasedAt: '2025-10-01T00:00:00.000Z' }, offered('2025-04-01')],
      2,
      true,
    ],
  ])('%s', (_label, overrides, used, nextNeedsConsultation) => {
    const quota = countNoodwoningQuota(
      overrides.map((o) => aNomination(o)),
      2025,
    );
    expect(quota).toMatchObject({ year: 2025, used, of: 2, nextNeedsConsultation });
  });

  it('reports noodwoning nominations still waiting for an offer', () => {
    const quota = countNoodwoningQuota(
      [aNomination({ type: 'noodwoning' }), aNomination({ type: 'noodwoning', state: 'acknowledged' }), aNomination()],
      2025,
    );
    expect(quota.waiting).toBe(2);
  });
});
