import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributionUse, newYearDistribution, withHomes } from '../../../src/distribution/allocation';
import { countNoodwoningQuota } from '../../../src/distribution/noodwoning-quota';
import type { Nomination } from '../../../src/nomination/nomination';
import { NOMINATION_STATES } from '../../../src/nomination/states';
import type { NominationCounts, Store } from '../../../src/storage/ports';
import { platformView, type PlatformView } from '../../../src/views/platform-view';
import { platformViewOf } from '../../../src/views/platform-view-of';
import { aNomination, aNominationFullOfSecrets } from '../../support/nomination-fixture';
import { storeFactories } from '../../support/stores';
import { keysAtAnyDepth, stringsAtAnyDepth, type DeepKeys, type Equal, type Expect } from './leak-check';

const LANDLORDS = ['duivenvoorde', 'vidomes', 'wooninvest'];
const TODAY = '2025-06-15';

// Type-level guard: nothing that names or identifies a nomination or a person, at any depth.
type IdentifyingKey = 'id' | 'nominationId' | 'candidate' | 'name' | 'dateOfBirth' | 'nomination' | 'nominations';
export type NoIdentifyingKeys = Expect<Equal<Extract<DeepKeys<PlatformView>, IdentifyingKey>, never>>;

function countsOf(nominations: readonly Nomination[]): NominationCounts {
  const byStateAndType: Record<string, number> = {};
  for (const n of nominations)
    byStateAndType[`${n.state}|${n.type}`] = (byStateAndType[`${n.state}|${n.type}`] ?? 0) + 1;
  return { byStateAndType };
}

const nominations: Nomination[] = [
  aNominationFullOfSecrets(), // lease-signed noodwoning, offered 2025-02-14, lease with wooninvest
  aNominationFullOfSecrets({
    id: 'nom-full-2',
    state: 'registered',
    registeredAt: '2025-01-05T10:00:00.000Z', // overdue since 5 April
    proposedHome: undefined,
    offer: undefined,
    lease: undefined,
    refusal: undefined,
  }),
  aNomination({ id: 'SECRET-NOMINATION-NUMBER', state: 'acknowledged', registeredAt: '2025-05-01T10:00:00.000Z' }),
  aNomination({
    state: 'withdrawn',
    candidate: { name: 'SECRET-WITHDRAWN', household: { adults: 1, minorChildren: 0 } },
  }),
  // A bogus landlord id in a nomination must not become a key of the platform view.
  aNomination({ state: 'registered', targetLandlordIds: ['SECRET-BOGUS-LANDLORD'] }),
  aNomination({
    state: 'lease-signed',
    lease: {
      landlordId: 'SECRET-LEASE-LANDLORD',
      signedOn: '2025-03-01',
      temporaryUntil: 'x',
      guidanceAgreementUntil: 'x',
      guidanceEndMayBeShared: false,
    },
  }),
];

function view(): PlatformView {
  return platformView({
    today: TODAY,
    year: 2025,
    landlordIds: LANDLORDS,
    allCounts: { byStateAndType: { ...countsOf(nominations).byStateAndType, 'SECRET-STATE|convenantwoning': 7 } },
    registeredThisYearCounts: countsOf(nominations),
    waiting: nominations,
    distribution: distributionUse(withHomes(newYearDistribution(2025), 'vidomes', 5), nominations),
    noodwoning: countNoodwoningQuota(nominations, 2025),
  });
}

describe('the platform view: counts only (10.2)', () => {
  const platform = view();

  it('counts per state, type, landlord, overdue, distribution and noodwoning quota', () => {
    expect(platform.counts.total).toBe(6);
    expect(platform.counts.byType).toEqual({ convenantwoning: 4, noodwoning: 2 });
    expect(platform.counts.byState).toMatchObject({
      registered: 2,
      acknowledged: 1,
      withdrawn: 1,
      'lease-signed': 2,
      draft: 0,
    });
    expect(platform.waitingForOffer).toEqual({
      total: 3,
      overdue: 2, // nom-full-2 and the one to the bogus landlord
      byLandlord: {
        duivenvoorde: { waiting: 0, overdue: 0 },
        vidomes: { waiting: 2, overdue: 1 },
        wooninvest: { waiting: 2, overdue: 1 },
      },
    });
    expect(platform.distribution.vidomes).toMatchObject({ effective: 5, used: 0, remaining: 5, status: 'under' });
    expect(platform.distribution.wooninvest).toMatchObject({ effective: 0, used: 1, overBy: 1, status: 'over' });
    expect(platform.noodwoningen).toEqual({ used: 1, of: 2, waiting: 1, nextNeedsConsultation: false });
  });

  it('contains no string from any nomination: only fixed labels, landlord ids and today', () => {
    const allowed = new Set<string>([
      'platform',
      TODAY,
      ...LANDLORDS,
      ...NOMINATION_STATES,
      'convenantwoning',
      'noodwoning',
      'under',
      'on-target',
      'over',
    ]);
    expect(stringsAtAnyDepth(platform).filter((s) => !allowed.has(s))).toEqual([]);
    const json = JSON.stringify(platform);
    for (const leak of ['SECRET', 'MARKER', 'nom-', '1987', 'Kandidaat']) expect(json).not.toContain(leak);
  });

  it('has only fixed keys and landlord ids as keys', () => {
    const fixedKeys = new Set<string>([
      ...Object.keys(platform),
      'total',
      'byState',
      'byType',
      'overdue',
      'byLandlord',
      'waiting',
      ...Object.keys(platform.distribution.vidomes ?? {}),
      ...Object.keys(platform.noodwoningen),
      ...NOMINATION_STATES,
      'convenantwoning',
      'noodwoning',
      ...LANDLORDS,
    ]);
    expect([...keysAtAnyDepth(platform)].filter((k) => !fixedKeys.has(k))).toEqual([]);
    expect(Object.keys(platform.distribution).sort()).toEqual(LANDLORDS);
  });
});

describe.each(storeFactories)('the platform view from the $name store', ({ create }) => {
  let store: Store;

  beforeAll(async () => {
    store = await create();
    for (const { version: _version, ...n } of nominations) await store.nominations.insert(n);
  });
  afterAll(async () => {
    await store.close();
  });

  it('counts the same and leaks nothing', async () => {
    const platform = await platformViewOf(store, () => new Date('2025-06-15T10:00:00.000Z'));
    expect(platform.asOf).toBe(TODAY);
    expect(platform.counts.total).toBe(6);
    expect(platform.waitingForOffer.overdue).toBe(2);
    expect(platform.noodwoningen.used).toBe(1);
    expect(JSON.stringify(platform)).not.toMatch(/SECRET|MARKER|nom-/);
  });
});
