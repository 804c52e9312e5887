/**
 * `npm run export:year -- 2025`: the year's aggregates for the yearly evaluation (11.1) as CSV
 * on stdout, counts only (10.2). Reads the store of record at MONGODB_URI (database MONGODB_DB,
 * default "convenantbot"); without it there is nothing to export, since the in-memory store
 * starts empty.
 *
 *   MONGODB_URI=mongodb://… npm run -s export:year -- 2025 > evaluatie-2025.csv
 */
import { pathToFileURL } from 'node:url';
import { yearlyCsv, yearlyFiguresOf } from '../src/digest/yearly-export';
import { connectMongoStore } from '../src/storage/mongo/mongo-store';

const USAGE = 'usage: npm run export:year -- <year>   (with MONGODB_URI set)';

/** The year argument: four digits, from the covenant's first year on. */
export function parseYearArgument(args: readonly string[]): number | undefined {
  const [text, ...rest] = args;
  if (rest.length > 0 || !text || !/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return year >= 2025 ? year : undefined;
}

async function main(): Promise<void> {
  const year = parseYearArgument(process.argv.slice(2));
  const uri = process.env.MONGODB_URI?.trim();
  if (year === undefined || !uri) {
    process.stderr.write(
      `${year === undefined ? 'give one year, 2025 or later' : 'MONGODB_URI is not set'}\n${USAGE}\n`,
    );
    process.exit(2);
  }
  const store = await connectMongoStore({ uri, dbName: process.env.MONGODB_DB?.trim() || 'convenantbot' });
  try {
    process.stdout.write(yearlyCsv(await yearlyFiguresOf(store, year)));
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
