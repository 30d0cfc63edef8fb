import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests: WXT's fake browser, happy-dom, fake-indexeddb.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['test/lib/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}', 'test/tools/**/*.test.ts', 'test/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
  },
});
