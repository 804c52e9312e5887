import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts FerretDB once for the whole run when MONGODB_URI is unset (see test/setup/global-mongo.ts).
    globalSetup: ['test/setup/global-mongo.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
