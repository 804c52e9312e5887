import { defineConfig } from 'vitest/config';

/**
 * `npm run test:browser`: the playground's web UI in headless Debian chromium (test/browser/),
 * which also writes docs/screenshots/. Not in `npm test`: it needs /usr/bin/chromium
 * (`apt-get install chromium`), which CI machines may lack. Named *.browser.ts so that the normal
 * run's `test/**\/*.test.ts` leaves it out. No database: the bot keeps its data in memory.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
