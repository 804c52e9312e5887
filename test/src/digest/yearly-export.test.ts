/**
 * The yearly evaluation export (11.1) for the known data set (known-data-set.ts): the right
 * figures, counts only (10.2), on each store; and `npm run export:year -- 2025` end to end.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

import { parseYearArgument } from '../../../scripts/export-year';
import { YEARLY_CSV_HEADER, yearlyCsv, yearlyFiguresOf } from '../../../src/digest/yearly-export';
import { storeFactories, type TestStore } from '../../support/stores';
import { KNOWN_SECRETS, seedKnownDataSet } from './known-data-set';

const run = promisify(execFile);

const EXPECTED_2025 = [
  YEARLY_CSV_HEADER,
  // Duivenvoorde: its one home (2b, 9), let twice (N, O).
  '2025,landlord,duivenvoorde,homes_set,1',
  '2025,landlord,duivenvoorde,homes_given,0',
  '2025,landlord,duivenvoorde,homes_received,0',
  '2025,landlord,duivenvoorde,homes_effective,1',
  '2025,landlord,duivenvoorde,offers,2',
  '2025,landlord,duivenvoorde,leases_signed,2',
  '2025,landlord,duivenvoorde,noodwoningen_offered,0',
  // Vidomes: 3 + 1 from WoonInvest; offers E, M, I (a noodwoning, declined); lease M.
  '2025,landlord,vidomes,homes_set,3',
  '2025,landlord,vidomes,homes_given,0',
  '2025,landlord,vidomes,homes_received,1',
  '2025,landlord,vidomes,homes_effective,4',
  '2025,landlord,vidomes,offers,3',
  '2025,landlord,vidomes,leases_signed,1',
  '2025,landlord,vidomes,noodwoningen_offered,1',
  // WoonInvest: 3 − 1; offers and leases G and J (a noodwoning). F and H are 2024's.
  '2025,landlord,wooninvest,homes_set,3',
  '2025,landlord,wooninvest,homes_given,1',
  '2025,landlord,wooninvest,homes_received,0',
  '2025,landlord,wooninvest,homes_effective,2',
  '2025,landlord,wooninvest,offers,2',
  '2025,landlord,wooninvest,leases_signed,2',
  '2025,landlord,wooninvest,noodwoningen_offered,1',
  // A C D E G L M N O Q registered in 2025; P not eligible, L withdrawn, Q refused.
  '2025,type,convenantwoning,registered,10',
  '2025,type,convenantwoning,not_eligible,1',
  '2025,type,convenantwoning,withdrawn,1',
  '2025,type,convenantwoning,offer_declined,0',
  '2025,type,convenantwoning,refused,1',
  // Days to offer: G 14, N 59, O 73, E 75, M 80.
  '2025,type,convenantwoning,offers,5',
  '2025,type,convenantwoning,median_days_registration_to_offer,73',
  // B I J registered; I declined its offer. Days to offer: J 11, I 21.
  '2025,type,noodwoning,registered,3',
  '2025,type,noodwoning,not_eligible,0',
  '2025,type,noodwoning,withdrawn,0',
  '2025,type,noodwoning,offer_declined,1',
  '2025,type,noodwoning,refused,0',
  '2025,type,noodwoning,offers,2',
  '2025,type,noodwoning,median_days_registration_to_offer,16',
];

describe.each(storeFactories)('yearly export ($name)', ({ create }) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await create();
    await seedKnownDataSet(store);
  });
  afterAll(() => store.close());

  it('has the year’s figures per landlord and per type', async () => {
    const csv = yearlyCsv(await yearlyFiguresOf(store, 2025));
    expect(csv.split('\r\n')).toEqual([...EXPECTED_2025, '']);
  });

  it('has no personal data', async () => {
    const csv = yearlyCsv(await yearlyFiguresOf(store, 2025));
    for (const secret of KNOWN_SECRETS) expect(csv, secret).not.toContain(secret);
    expect(csv).not.toMatch(/SECRET|MARKER|@/);
  });

  it('counts each event in its own year: 2024 had F and H', async () => {
    const figures = await yearlyFiguresOf(store, 2024);
    expect(figures.types.convenantwoning).toMatchObject({
      registered: 1,
      offers: 1,
      medianDaysRegistrationToOffer: 61,
    });
    expect(figures.types.noodwoning).toMatchObject({ registered: 1, offers: 1, medianDaysRegistrationToOffer: 62 });
    // No distribution was set for 2024: only Duivenvoorde's default home (9), and the leases F and H.
    expect(figures.landlords.duivenvoorde).toMatchObject({ homesSet: 1, leasesSigned: 0 });
    expect(figures.landlords.vidomes).toMatchObject({ homesSet: 0, leasesSigned: 1 });
    expect(figures.landlords.wooninvest).toMatchObject({ homesSet: 0, leasesSigned: 1, noodwoningenOffered: 1 });
  });

  it('leaves the median empty in a year without offers', async () => {
    const csv = yearlyCsv(await yearlyFiguresOf(store, 2026));
    expect(csv).toContain('2026,type,noodwoning,median_days_registration_to_offer,\r\n');
  });
});

describe('npm run export:year', () => {
  it('takes one year, 2025 or later', () => {
    expect(parseYearArgument(['2025'])).toBe(2025);
    expect(parseYearArgument(['2031'])).toBe(2031);
    for (const args of [[], ['2024'], ['25'], ['2025', '2026'], ['twee']])
      expect(parseYearArgument(args)).toBeUndefined();
  });

  // Run on a database of its own that the script creates: FerretDB 1.24 (sqlite) drops the connection when a
  // second client re-creates existing indexes, so the script cannot open a database the test seeded there.
  // The figures themselves are checked on both stores above.
  it('writes the CSV to stdout from the store at MONGODB_URI', async () => {
    const uri = inject('mongodbUri');
    const dbName = `test_${randomBytes(8).toString('hex')}`;
    try {
      const { stdout } = await run('npm', ['run', '-s', 'export:year', '--', '2025'], {
        env: { ...process.env, MONGODB_URI: uri, MONGODB_DB: dbName },
      });
      const rows = stdout.split('\r\n');
      expect(rows[0]).toBe(YEARLY_CSV_HEADER);
      expect(rows).toContain('2025,landlord,duivenvoorde,homes_set,1');
      expect(rows).toContain('2025,type,convenantwoning,registered,0');
      expect(rows).toHaveLength(EXPECTED_2025.length + 1);
    } finally {
      // A plain client: connectMongoStore would re-create the indexes (see above).
      const client = await MongoClient.connect(uri);
      await client.db(dbName).dropDatabase();
      await client.close();
    }
  });

  it('says how to use it without MONGODB_URI, and writes nothing', async () => {
    const { MONGODB_URI: _uri, ...env } = process.env;
    const failure = await run('npm', ['run', '-s', 'export:year', '--', '2025'], { env }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    expect((failure as { stderr: string }).stderr).toContain('MONGODB_URI is not set');
  });
});
