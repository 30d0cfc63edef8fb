import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium (playwright-core) with the built extension
// (.output/chrome-mv3, from `wxt build`) on a stand-in youtube.com.
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
