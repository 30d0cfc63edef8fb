import { defineConfig } from 'vitest/config';

// Browser tests on a stand-in youtube.com: Debian's Chromium (playwright-core) with
// .output/chrome-mv3, and in test/e2e/firefox/ Firefox ESR (puppeteer-core) with
// .output/firefox-mv3; `npm run test:e2e` builds both first.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    // A browser per file, one file at a time: they would only compete for the CPU.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
