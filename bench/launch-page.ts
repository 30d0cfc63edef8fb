/**
 * Headless Chromium with the bench page at https://bench.test/, served from
 * memory through request interception. A persistent profile on disk, because
 * a fresh Playwright context is off-the-record and keeps IndexedDB in memory,
 * which would flatter both layouts. The page is cross-origin isolated, so
 * performance.now() ticks in 5 µs steps instead of 100 µs.
 */
import { chromium, type Page } from 'playwright-core';

export const BENCH_ORIGIN = 'https://bench.test';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface ServedFile {
  body: string;
  contentType: string;
}

export interface BenchPage {
  page: Page;
  close: () => Promise<void>;
}

export async function openBenchPage(options: {
  userDataDir: string;
  /** Path (e.g. "/bench-page.js") to content; "/" is the page itself. */
  files: Record<string, ServedFile>;
  onConsole: (text: string) => void;
}): Promise<BenchPage> {
  const context = await chromium.launchPersistentContext(options.userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    await context.route(`${BENCH_ORIGIN}/**`, async (route) => {
      const file = options.files[new URL(route.request().url()).pathname];
      if (!file) {
        await route.fulfill({ status: 404, body: 'not found' });
        return;
      }
      await route.fulfill({
        status: 200,
        contentType: file.contentType,
        body: file.body,
        headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
      });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => options.onConsole(message.text()));
    page.on('pageerror', (error) => options.onConsole(`page error: ${error.message}`));
    await page.goto(`${BENCH_ORIGIN}/`);
    await page.waitForFunction(() => window.ytBench !== undefined);
    return { page, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}
