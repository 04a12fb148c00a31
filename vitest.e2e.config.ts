import { defineConfig } from 'vitest/config';

// End-to-end tests in real Chromium (Debian's /usr/bin/chromium through playwright-core) and real Firefox
// (Debian's /usr/bin/firefox-esr through puppeteer-core over WebDriver BiDi, test/e2e/firefox/) with the
// built extension loaded and the hosts answered from test/fixtures. The global setups build both.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts', 'test/e2e/firefox/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Real browser, real service worker: give polled expectations time (they return as soon as they pass).
    expect: { poll: { timeout: 15_000, interval: 50 } },
    // One browser at a time (a file launches one, Chromium or Firefox): CI has two cores.
    fileParallelism: false,
    pool: 'forks',
  },
});
