/**
 * The whole dataset by default (issue 13), in Chromium with a fresh profile.
 * The default URL's host, huggingface.co, is a local HTTPS stand-in reached
 * through Chromium's resolver: the worker's own fetch goes there as it would
 * to the Hub, and gets what the Hub sends: a 302 with CORS headers to a second
 * host (the CDN), which serves the file with CORS and an ETag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATASET_URL } from '../../lib/imports/default-dataset';
import { FULL_ONLY_FIRST_WORDS, FULL_ONLY_VIDEO, fullDatasetJsonLines, fullDatasetRows } from '../fixtures/full-dataset';
import { toJsonLinesText } from '../fixtures/dataset-files';
import { SAMPLE_ROWS } from '../fixtures/sample';
import { startDatasetServer, type DatasetServer, type ServedFile } from './dataset-server';
import { launchWithExtension, panelRegion, readActiveDataset, segmentButtons, type ExtensionBrowser } from './extension-browser';
import { extensionIdOf, optionsUrl, popupUrl } from './extension-pages';
import { watchUrl } from './youtube-stand-in';
import { DETR } from '../fixtures/sample-videos';

const TLS = {
  key: readFileSync(join(process.cwd(), 'test/fixtures/tls/stand-in-key.pem'), 'utf8'),
  cert: readFileSync(join(process.cwd(), 'test/fixtures/tls/stand-in-cert.pem'), 'utf8'),
};
const HUB_PATH = new URL(DEFAULT_DATASET_URL).pathname;
const CDN_HOST = 'cas-bridge.xethub.hf.co';
const CDN_PATH = '/xet-bridge-us/train.jsonl';
const FULL_ROWS = fullDatasetRows();
const FULL_BODY = new TextEncoder().encode(fullDatasetJsonLines());
const FULL_ONLY_SEGMENTS = FULL_ROWS.filter((row) => row.video_id === FULL_ONLY_VIDEO).length;
const SAMPLE_SEGMENTS = SAMPLE_ROWS.length;
const POLL = { timeout: 30_000, interval: 100 };

let hub: DatasetServer;
let cdn: DatasetServer;

/** `127.0.0.1:<port>` of a stand-in, for the resolver. */
const addressOf = (server: DatasetServer): string => new URL(server.origin).host;

/** The Hub and its CDN, as `resolve/main/train.jsonl` behaves; returns the CDN's file. */
function serveTheHub(): ServedFile {
  hub.serve(HUB_PATH, { body: new Uint8Array(), redirectTo: `https://${CDN_HOST}${CDN_PATH}` });
  return cdn.serve(CDN_PATH, { body: FULL_BODY, contentType: 'application/jsonl', etag: '"full-v1"', chunkBytes: 256 * 1024 });
}

beforeAll(async () => {
  [hub, cdn] = await Promise.all([startDatasetServer({ tls: TLS }), startDatasetServer({ tls: TLS })]);
});
afterAll(async () => {
  await Promise.all([hub.close(), cdn.close()]);
});

/** The extension's `chrome` in the worker (Playwright's types do not know it). */
interface ChromeApi {
  alarms: {
    create: (name: string, info: { when: number }) => Promise<void>;
    get: (name: string) => Promise<{ scheduledTime: number } | undefined>;
    onAlarm: { addListener: (listener: (alarm: { name: string }) => void) => void };
  };
}
type WithChrome = { chrome: ChromeApi };

async function activeSegments(browser: ExtensionBrowser): Promise<number | null> {
  return (await readActiveDataset(await browser.serviceWorker()))?.segmentCount ?? null;
}

async function expectPanelLists(page: Page, videoId: string, segments: number): Promise<void> {
  await page.goto(watchUrl(videoId));
  await expect.poll(() => segmentButtons(page).count(), POLL).toBe(segments);
}

describe('a fresh install with the Hub reachable', () => {
  it('caches the sample at once, then the full dataset by itself: a talk only in the full file shows its transcript', async () => {
    // The CDN holds the file until the sample is seen, so both moments can be measured.
    const file = serveTheHub();
    file.holdAt = 0;
    const browser = await launchWithExtension(undefined, { hosts: { 'huggingface.co': addressOf(hub), [CDN_HOST]: addressOf(cdn) } });
    try {
      const worker = await browser.serviceWorker();
      const workerStarted = await worker.evaluate(() => performance.timeOrigin);
      await expect.poll(() => activeSegments(browser), POLL).toBe(SAMPLE_SEGMENTS);
      const sampleReady = Date.now() - workerStarted;
      const released = Date.now();
      file.holdAt = null;
      await expect.poll(() => activeSegments(browser), POLL).toBe(FULL_ROWS.length);
      const fullReady = Date.now() - workerStarted;
      console.log(
        `[e2e] first run, from the worker's start: bundled sample ready ${sampleReady.toFixed(0)} ms; ` +
          `full dataset (${FULL_ROWS.length} rows, ${(FULL_BODY.length / 1e6).toFixed(1)} MB over local HTTPS) ready ${fullReady.toFixed(0)} ms, ` +
          `${(Date.now() - released).toFixed(0)} ms of it downloading, reading and switching once the CDN sent it`,
      );
      // No extension page was opened: the worker did it all.
      expect(browser.context.pages().filter((page) => page.url().startsWith('chrome-extension://'))).toEqual([]);
      expect(hub.downloads(HUB_PATH).map((request) => request.status)).toEqual([302]);
      expect(cdn.downloads(CDN_PATH).map((request) => request.finished)).toEqual([true]);

      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      await expectPanelLists(page, FULL_ONLY_VIDEO, FULL_ONLY_SEGMENTS);
      expect(await segmentButtons(page).first().textContent()).toContain(FULL_ONLY_FIRST_WORDS);

      // The daily check follows the default URL with the CDN's ETag.
      const options = await browser.context.newPage();
      await options.goto(optionsUrl(extensionIdOf(await browser.serviceWorker())));
      const saved = await options.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get: (key: string) => Promise<Record<string, unknown>> } } } };
        return (await chrome.storage.local.get('datasetUrl')).datasetUrl;
      });
      expect(saved).toMatchObject({ url: DEFAULT_DATASET_URL, etag: '"full-v1"' });
    } finally {
      await browser.close();
    }
  });
});

describe('a fresh install with the Hub unreachable at first', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  let hubAddress: string;
  /** The Hub, once it is back. */
  let reserved: DatasetServer | undefined;

  beforeAll(async () => {
    // A port where nothing listens yet: the connection is refused, as when the Hub is down.
    const reserved = await startDatasetServer({ tls: TLS });
    hubAddress = addressOf(reserved);
    await reserved.close();
    browser = await launchWithExtension(undefined, { hosts: { 'huggingface.co': hubAddress, [CDN_HOST]: addressOf(cdn) } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });
  afterAll(async () => {
    await browser.close();
    await reserved?.close();
  });

  it('keeps the sample, and the popup says why and offers Retry', async () => {
    await expect.poll(() => activeSegments(browser), POLL).toBe(SAMPLE_SEGMENTS);
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(extensionIdOf(await browser.serviceWorker())));
    await expect
      .poll(() => popup.getByRole('alert').locator('p').textContent(), POLL)
      .toBe('Using the bundled sample: the full dataset could not be downloaded (huggingface.co could not be reached).');
    expect(await popup.getByRole('alert').getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
    await popup.close();
    // The retry is an alarm at the end of the backoff: Chrome wakes the worker for that, not for `online`.
    const { alarm, state } = await (await browser.serviceWorker()).evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          alarms: { get: (name: string) => Promise<{ scheduledTime: number } | undefined> };
          storage: { local: { get: (key: string) => Promise<Record<string, { nextTryAt: number | null } | undefined>> } };
        };
      };
      const stored = await chrome.storage.local.get('fullDatasetState');
      return { alarm: await chrome.alarms.get('full-dataset-retry'), state: stored.fullDatasetState };
    });
    expect(state?.nextTryAt).toEqual(expect.any(Number));
    expect(alarm?.scheduledTime).toBe(state?.nextTryAt);
    await page.goto(watchUrl(FULL_ONLY_VIDEO));
    await panelRegion(page).getByText('No captions for this video').waitFor();
  });

  it('switches the full dataset in when a later retry succeeds', async () => {
    const [, port] = hubAddress.split(':');
    reserved = await startDatasetServer({ tls: TLS, port: Number(port) });
    reserved.serve(HUB_PATH, { body: new Uint8Array(), redirectTo: `https://${CDN_HOST}${CDN_PATH}` });
    const file = serveTheHub();
    file.holdAt = Math.floor(FULL_BODY.length / 2);

    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(extensionIdOf(await browser.serviceWorker())));
    await popup.getByRole('button', { name: 'Retry' }).click();
    // Half the file is in: the popup shows the first download's progress.
    const total = (FULL_BODY.length / 1024 / 1024).toFixed(1);
    await expect
      .poll(() => popup.getByRole('status').textContent(), POLL)
      .toMatch(new RegExp(`^Downloading the full dataset: 1\\.[0-9] of ${total.replace('.', '\\.')} MB$`));
    expect(await popup.getByRole('progressbar', { name: 'Full dataset download' }).getAttribute('max')).toBe(String(FULL_BODY.length));
    file.holdAt = null;
    await expect.poll(() => activeSegments(browser), POLL).toBe(FULL_ROWS.length);
    await popup.close();
    await expectPanelLists(page, FULL_ONLY_VIDEO, FULL_ONLY_SEGMENTS);
  });

  it('never replaces a dataset the user imported from a file, not at a browser start nor at the daily check', async () => {
    const options = await browser.context.newPage();
    await options.goto(optionsUrl(extensionIdOf(await browser.serviceWorker())));
    await options.getByLabel('Import dataset file', { exact: true }).setInputFiles({
      name: 'mine.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(toJsonLinesText(SAMPLE_ROWS.filter((row) => row.video_id === DETR))),
    });
    await expect.poll(() => activeSegments(browser), POLL).toBe(26);
    await options.close();
    const downloadsBefore = (reserved?.downloads(HUB_PATH).length ?? 0) + cdn.downloads(CDN_PATH).length;

    // Evidence that a trigger ran the policy: with the user's dataset in use it clears a pending retry alarm.
    const setRetryAlarm = (worker: Worker) =>
      worker.evaluate(() => {
        const { alarms } = (globalThis as unknown as WithChrome).chrome;
        return alarms.create('full-dataset-retry', { when: Date.now() + 24 * 60 * 60_000 });
      });
    const retryAlarmPending = async () =>
      (await browser.serviceWorker()).evaluate(async () => {
        const { alarms } = (globalThis as unknown as WithChrome).chrome;
        return (await alarms.get('full-dataset-retry')) !== undefined;
      });

    // The daily alarm, now: the test waits until the worker has heard it and acted on it.
    const worker = await browser.serviceWorker();
    await setRetryAlarm(worker);
    await worker.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const { alarms } = (globalThis as unknown as WithChrome).chrome;
          alarms.onAlarm.addListener(({ name }) => name === 'refresh-dataset' && resolve());
          void alarms.create('refresh-dataset', { when: Date.now() });
        }),
    );
    await expect.poll(retryAlarmPending, POLL).toBe(false);
    expect(await activeSegments(browser)).toBe(26);

    // A browser start with the same profile.
    await setRetryAlarm(await browser.serviceWorker());
    await browser.close({ keepProfile: true });
    browser = await launchWithExtension(browser.userDataDir, { hosts: { 'huggingface.co': hubAddress, [CDN_HOST]: addressOf(cdn) } });
    await expect.poll(retryAlarmPending, POLL).toBe(false);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await expectPanelLists(page, DETR, 26);
    expect(await activeSegments(browser)).toBe(26);
    expect((reserved?.downloads(HUB_PATH).length ?? 0) + cdn.downloads(CDN_PATH).length).toBe(downloadsBefore);
  });
});
