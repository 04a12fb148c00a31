import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WXT's plugin gives tests the extension's aliases, globals and an in-memory fake `browser`.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Builds the CLI first: test/cli runs the compiled `tonebridge` binary as a real process.
    globalSetup: ['test/cli/build-cli.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
