import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the long fault runs (test/faults/), more messages and more worker deaths
 * than the normal run's test/bot/outbox/delivery-faults.test.ts. Named *.faults.ts so that the
 * normal run's `test/**\/*.test.ts` leaves them out.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.faults.ts'],
    globalSetup: ['test/setup/global-mongo.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
