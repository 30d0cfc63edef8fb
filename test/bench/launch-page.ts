/**
 * Headless Chromium with the bench page, served by a small HTTP server on
 * 127.0.0.1 (a secure context, so crypto.subtle and crypto.randomUUID work as
 * in the extension). A real server rather than Playwright's request
 * interception, because an intercepted response arrives whole, as one chunk,
 * after a base64 trip through the DevTools protocol (1.3–1.9 s for 67 MB):
 * that would hide the parse-while-downloading the import does and add a cost
 * no real download has. From this server 67 MB arrives in ~100 chunks in
 * ~0.1 s: a fast network.
 *
 * A persistent profile on disk, because a fresh Playwright context is
 * off-the-record and keeps IndexedDB in memory, which would flatter both
 * layouts. The page is cross-origin isolated, so performance.now() ticks in
 * 5 µs steps instead of 100 µs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH, HEADLESS_CHROMIUM_ARGS } from '../support/chromium';

const CHROMIUM_ARGS = [
  ...HEADLESS_CHROMIUM_ARGS,
  // Lets the import bench collect the last run's garbage before the next, untimed.
  '--js-flags=--expose-gc',
];

export interface ServedFile {
  body: string | Uint8Array;
  contentType: string;
}

export interface BenchPage {
  page: Page;
  /** Where the server is, e.g. "http://127.0.0.1:41234". */
  origin: string;
  close: () => Promise<void>;
}

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cache-Control': 'no-store',
};

/** Serves whatever `files` holds when a request comes in (the caller may add and remove files). */
function startServer(files: ReadonlyMap<string, ServedFile>): Promise<Server> {
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!file) {
      response.writeHead(404, ISOLATION_HEADERS).end('not found');
      return;
    }
    const body = typeof file.body === 'string' ? Buffer.from(file.body) : file.body;
    response.writeHead(200, { ...ISOLATION_HEADERS, 'Content-Type': file.contentType, 'Content-Length': body.length });
    response.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function stopServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function openBenchPage(options: {
  userDataDir: string;
  /** Path (e.g. "/bench-page.js") to content; "/" is the page itself. Read at each request. */
  files: ReadonlyMap<string, ServedFile>;
  onConsole: (text: string) => void;
}): Promise<BenchPage> {
  const server = await startServer(options.files);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const context = await chromium.launchPersistentContext(options.userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => options.onConsole(message.text()));
      page.on('pageerror', (error) => options.onConsole(`page error: ${error.message}`));
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => window.ytBench !== undefined);
      return {
        page,
        origin,
        close: async () => {
          await context.close();
          await stopServer(server);
        },
      };
    } catch (error) {
      await context.close();
      throw error;
    }
  } catch (error) {
    await stopServer(server);
    throw error;
  }
}
