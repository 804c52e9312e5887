import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DistributionRuleError } from '../../../src/distribution/allocation';
import {
  distributionStatus,
  recordHomeExchange,
  setLandlordHomes,
  yearDistribution,
} from '../../../src/distribution/distribution-service';
import { noodwoningQuota } from '../../../src/distribution/noodwoning-quota';
import type { Store } from '../../../src/storage/ports';
import { VersionConflictError } from '../../../src/storage/ports';
import { aNomination } from '../../support/nomination-fixture';
import { storeFactories, type TestStore } from '../../support/stores';

const clock = () => new Date('2025-06-15T10:00:00.000Z');
const platform = { actorId: 'c-platform', clock };

describe.each(storeFactories)('distribution in the $name store (9, 6.4)', ({ create }) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await create();
  });
  afterAll(async () => {
    await store.close();
  });

  it('starts a year with Duivenvoorde’s one home', async () => {
    expect((await yearDistribution(store, 2025)).homes).toEqual({ duivenvoorde: 1 });
  });

  it('sets homes per landlord, with an audit record per change', async () => {
    await setLandlordHomes(store, { year: 2025, landlordId: 'vidomes', homes: 7 }, platform);
    await setLandlordHomes(store, { year: 2025, landlordId: 'wooninvest', homes: 3 }, platform);
    await setLandlordHomes(store, { year: 2025, landlordId: 'vidomes', homes: 6 }, platform);
    const stored = await yearDistribution(store, 2025);
    expect(stored).toMatchObject({ homes: { duivenvoorde: 1, vidomes: 6, wooninvest: 3 }, version: 3 });
    expect((await store.audit.listForObject('2025')).map((r) => [r.action, r.actorId])).toEqual([
      ['distribution.set-homes', 'c-platform'],
      ['distribution.set-homes', 'c-platform'],
      ['distribution.set-homes', 'c-platform'],
    ]);
  });

  it('sets homes per landlord when two platform members do it at once (retry on conflict)', async () => {
    await Promise.all([
      setLandlordHomes(store, { year: 2023, landlordId: 'vidomes', homes: 6 }, platform),
      setLandlordHomes(store, { year: 2023, landlordId: 'wooninvest', homes: 3 }, platform),
    ]);
    expect(await yearDistribution(store, 2023)).toMatchObject({
      homes: { duivenvoorde: 1, vidomes: 6, wooninvest: 3 },
      version: 2,
    });
  });

  it('records an exchange dated today and keeps the total', async () => {
    await store.nominations.insert(
      withoutVersion(
        aNomination({
          id: 'd-lease-1',
          state: 'lease-signed',
          lease: {
            landlordId: 'vidomes',
            signedOn: '2025-04-01',
            temporaryUntil: '2027-04-01',
            guidanceAgreementUntil: '2026-04-01',
            guidanceEndMayBeShared: false,
          },
        }),
      ),
    );
    const saved = await recordHomeExchange(
      store,
      { fromLandlordId: 'vidomes', toLandlordId: 'wooninvest', homes: 2 },
      platform,
    );
    expect(saved.exchanges).toEqual([
      { fromLandlordId: 'vidomes', toLandlordId: 'wooninvest', homes: 2, on: '2025-06-15', recordedBy: 'c-platform' },
    ]);
    const status = await distributionStatus(store, 2025);
    expect(status.landlords.map((l) => [l.landlordId, l.effective, l.used, l.remaining, l.status])).toEqual([
      ['duivenvoorde', 1, 0, 1, 'under'],
      ['vidomes', 4, 1, 3, 'under'],
      ['wooninvest', 5, 0, 5, 'under'],
    ]);
    expect(status.landlords.reduce((total, l) => total + l.effective, 0)).toBe(10);
  });

  it('refuses to give homes already let', async () => {
    // vidomes: 6 − 2 given = 4, one let → three left to give
    await expect(
      recordHomeExchange(store, { fromLandlordId: 'vidomes', toLandlordId: 'duivenvoorde', homes: 4 }, platform),
    ).rejects.toThrow(DistributionRuleError);
    expect((await yearDistribution(store, 2025)).exchanges).toHaveLength(1);
  });

  it('gives up after repeated version conflicts', async () => {
    const alwaysConflicting: Store = {
      ...store,
      distributions: {
        get: (year) => store.distributions.get(year),
        save: async (d, v) => {
          throw new VersionConflictError('distributions', String(d.year), v);
        },
      },
    };
    await expect(
      setLandlordHomes(alwaysConflicting, { year: 2025, landlordId: 'vidomes', homes: 1 }, platform),
    ).rejects.toThrow(VersionConflictError);
  });

  it('counts noodwoningen offered in the year (6.4)', async () => {
    for (const [id, madeOn] of [
      ['nw-1', '2025-02-01'],
      ['nw-2', '2025-05-01'],
      ['nw-old', '2024-05-01'],
    ] as const) {
      await store.nominations.insert(
        withoutVersion(
          aNomination({ id, type: 'noodwoning', state: 'offer-made', offer: { landlordId: 'vidomes', madeOn } }),
        ),
      );
    }
    await store.nominations.insert(withoutVersion(aNomination({ id: 'nw-waiting', type: 'noodwoning' })));
    expect(await noodwoningQuota(store, 2025)).toEqual({
      year: 2025,
      used: 2,
      of: 2,
      waiting: 1,
      nextNeedsConsultation: true,
    });
    expect(await noodwoningQuota(store, 2024)).toMatchObject({ used: 1, nextNeedsConsultation: false });
  });
});

function withoutVersion<T extends { version: number }>({ version: _version, ...rest }: T): Omit<T, 'version'> {
  return rest;
}
