/**
 * The two browsers of the panel bench, on the same stand-in youtube.com with
 * the same probe: Debian's Chromium with the built extension (its "full
 * dataset" downloaded from a local stand-in of the Hub), and the page alone
 * (no extension), the baseline measured in the same run.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_DATASET_URL } from '../../../lib/imports/default-dataset';
import { CHROMIUM_PATH, HEADLESS_CHROMIUM_ARGS } from '../../support/chromium';
import { startDatasetServer, type DatasetServer } from '../../e2e/dataset-server';
import { launchWithExtension, readActiveDataset, type ExtensionBrowser } from '../../e2e/extension-browser';
import { installYouTubeStandIn } from '../../e2e/youtube-stand-in';

export interface PanelBrowsers {
  /** With the extension. */
  ours: Page;
  /** The page alone. */
  alone: Page;
  close: () => Promise<void>;
}

const VIEWPORT = { width: 1280, height: 800 };

async function launchPageAlone(probe: string): Promise<{ context: BrowserContext; page: Page; dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yts-bench-alone-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: [...HEADLESS_CHROMIUM_ARGS],
    viewport: VIEWPORT,
  });
  await installYouTubeStandIn(context);
  await context.addInitScript({ content: probe });
  return { context, page: context.pages()[0] ?? (await context.newPage()), dir };
}

async function waitForDataset(browser: ExtensionBrowser, rows: number, log: (message: string) => void): Promise<void> {
  const deadline = Date.now() + 600_000;
  let last = -1;
  for (;;) {
    const segments = (await readActiveDataset(await browser.serviceWorker()).catch(() => null))?.segmentCount ?? 0;
    if (segments === rows) return;
    if (segments !== last) log(`panel bench: the extension has ${segments} of ${rows} rows cached…`);
    last = segments;
    if (Date.now() > deadline) throw new Error(`the extension cached ${segments} rows, not ${rows}, in 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Launches both; resolves once the extension has cached `jsonl` (of `rows` rows) as its full dataset. */
export async function launchPanelBrowsers(options: {
  repoDir: string;
  probe: string;
  jsonl: string;
  rows: number;
  /** A build other than `.output/chrome-mv3` (e.g. main's, for before-and-after figures). */
  extensionDir?: string | undefined;
  log: (message: string) => void;
}): Promise<PanelBrowsers> {
  const tlsDir = path.join(options.repoDir, 'test', 'fixtures', 'tls');
  const tls = {
    key: await readFile(path.join(tlsDir, 'stand-in-key.pem'), 'utf8'),
    cert: await readFile(path.join(tlsDir, 'stand-in-cert.pem'), 'utf8'),
  };
  const hub: DatasetServer = await startDatasetServer({ tls });
  hub.serve(new URL(DEFAULT_DATASET_URL).pathname, {
    body: new TextEncoder().encode(options.jsonl),
    contentType: 'application/jsonl',
    etag: '"panel-bench"',
    chunkBytes: 1024 * 1024,
  });
  const extension = await launchWithExtension(undefined, {
    hosts: { 'huggingface.co': new URL(hub.origin).host },
    ...(options.extensionDir !== undefined && { extensionDir: options.extensionDir }),
  });
  const alone = await launchPageAlone(options.probe).catch(async (error: unknown) => {
    await extension.close();
    throw error;
  });
  const close = async (): Promise<void> => {
    await Promise.allSettled([extension.close(), alone.context.close(), hub.close()]);
    await rm(alone.dir, { recursive: true, force: true });
  };
  try {
    await extension.context.addInitScript({ content: options.probe });
    await waitForDataset(extension, options.rows, options.log);
    const ours = extension.context.pages()[0] ?? (await extension.context.newPage());
    return { ours, alone: alone.page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
