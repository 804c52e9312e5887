import { defineConfig } from 'vitest/config';

/**
 * `npm run test:fuzz`: test/bot/fuzz-handlers.test.ts with 10,000 payloads on the memory store and
 * 300 on MongoDB (a few minutes on two cores). The normal run has the same file with 1,000 and 100.
 * FUZZ_SEED replays a run fast-check reported.
 */
export default defineConfig({
  test: {
    include: ['test/bot/fuzz-handlers.test.ts'],
    globalSetup: ['test/setup/global-mongo.ts'],
    env: { FUZZ_RUNS: '10000', FUZZ_MONGO_RUNS: '300' },
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
