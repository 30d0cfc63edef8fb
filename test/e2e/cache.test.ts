/**
 * The dataset cache across reloads, worker restarts and browser restarts, and
 * how long the panel takes to appear. A fresh profile for this file: its first
 * visit is the first the extension ever serves.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countPanelHosts,
  launchWithExtension,
  median,
  openExtensionPage,
  readActiveDataset,
  segmentButtons,
  type DatasetSnapshot,
  type ExtensionBrowser,
} from './extension-browser';
import { extensionIdOf, optionsUrl } from './extension-pages';
import { watchUrl } from './youtube-stand-in';
import { WORD2VEC } from '../fixtures/sample-videos';

const SAMPLE_SEGMENTS = 100;
const WARM_RUNS = 5;

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openExtensionPage());
});

afterAll(() => browser.close());

/** Milliseconds from starting to load `url` to the first segment button (its `0:00`) being visible. */
async function timeToPanel(target: Page, url: string): Promise<number> {
  const started = performance.now();
  await target.goto(url, { waitUntil: 'commit' });
  await target.getByRole('button', { name: /^0:00 / }).first().waitFor({ state: 'visible' });
  return performance.now() - started;
}

async function activeDataset(): Promise<DatasetSnapshot> {
  const dataset = await readActiveDataset(await browser.serviceWorker());
  if (dataset === null) throw new Error('the extension has no active dataset');
  return dataset;
}

describe('dataset cache', () => {
  it('imports the bundled sample on the first visit and measures time-to-panel', async () => {
    const firstVisit = await timeToPanel(page, watchUrl(WORD2VEC));
    console.log(`[e2e] first-visit time-to-panel (fresh profile, includes the first import): ${firstVisit.toFixed(0)} ms`);

    const dataset = await activeDataset();
    expect(dataset.segmentCount).toBe(SAMPLE_SEGMENTS);
    expect(dataset.importedAt).toBeGreaterThan(0);
  });

  it('measures warm time-to-panel (dataset already cached)', async () => {
    const runs: number[] = [];
    for (let run = 0; run < WARM_RUNS; run += 1) runs.push(await timeToPanel(page, watchUrl(WORD2VEC)));
    console.log(
      `[e2e] warm time-to-panel: second visit ${runs[0]!.toFixed(0)} ms, median of ${WARM_RUNS} ${median(runs).toFixed(0)} ms (runs: ${runs.map((ms) => ms.toFixed(0)).join(', ')})`,
    );
    expect(await countPanelHosts(page)).toBe(1);
  });

  it('keeps the cache over a page reload: the panel shows again without a new import', async () => {
    await page.goto(watchUrl(WORD2VEC));
    await segmentButtons(page).first().waitFor();
    const before = await activeDataset();

    await page.reload();
    await segmentButtons(page).first().waitFor();
    await expect.poll(() => segmentButtons(page).count()).toBe(66);
    expect(await activeDataset()).toEqual(before);
  });

  it('keeps the cache when Chrome stops and restarts the service worker', async () => {
    await page.goto(watchUrl(WORD2VEC));
    await segmentButtons(page).first().waitFor();
    const before = await activeDataset();
    const worker = await browser.serviceWorker();
    await worker.evaluate(() => {
      Object.assign(globalThis, { e2eSameWorker: true });
    });

    // What Chrome does to an idle worker; the background script runs again on the next message.
    const cdp = await browser.context.newCDPSession(page);
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((version) => version.scriptURL === worker.url() && version.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();

    await page.reload();
    await segmentButtons(page).first().waitFor();
    await expect.poll(() => segmentButtons(page).count()).toBe(66);
    const restarted = await browser.serviceWorker();
    expect(await restarted.evaluate(() => 'e2eSameWorker' in globalThis)).toBe(false);
    expect(await activeDataset()).toEqual(before);
  });

  it("comes back by itself when the extension's data is cleared while a YouTube tab keeps the worker running", async () => {
    await page.goto(watchUrl(WORD2VEC));
    await segmentButtons(page).first().waitFor();
    const before = await activeDataset();
    const worker = await browser.serviceWorker();

    // What "Clear site data" does to the extension's IndexedDB: the worker's open connection is closed, the data is gone.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: `chrome-extension://${extensionIdOf(worker)}`, storageTypes: 'indexeddb' });
    await cdp.detach();

    // The same worker opens the cache again and caches the bundled sample again, by itself.
    await expect
      .poll(() => readActiveDataset(worker), { timeout: 15_000 })
      .toMatchObject({ segmentCount: SAMPLE_SEGMENTS });
    expect((await readActiveDataset(worker))?.activeDatasetId).not.toBe(before.activeDatasetId);
    expect(await browser.serviceWorker()).toBe(worker);

    // The open tab and a reload both answer from it.
    await expect.poll(() => segmentButtons(page).count(), { timeout: 15_000 }).toBe(66);
    await page.reload();
    await expect.poll(() => segmentButtons(page).count()).toBe(66);

    // The options page gets its status (the worker answers every request).
    const options = await browser.context.newPage();
    await options.goto(optionsUrl(extensionIdOf(worker)));
    await expect.poll(() => options.locator('dl.yts-facts > dt:text-is("Source") + dd').textContent()).toBe('Bundled sample');
    await options.close();
  });

  it('schedules the daily check of the dataset URL with chrome.alarms', async () => {
    const worker = await browser.serviceWorker();
    const readAlarms = () =>
      worker.evaluate(async () => {
        // Runs in the extension's worker, where `chrome` exists.
        type Alarm = { name: string; periodInMinutes?: number };
        const { chrome } = globalThis as unknown as { chrome: { alarms: { getAll: () => Promise<Alarm[]> } } };
        return (await chrome.alarms.getAll()).map(({ name, periodInMinutes }) => ({ name, periodInMinutes }));
      });
    // The one repeating alarm is the daily check; the only other one is the
    // full dataset's one-shot retry (huggingface.co is unreachable in these tests).
    const repeating = async () => (await readAlarms()).filter(({ periodInMinutes }) => periodInMinutes !== undefined);
    await expect.poll(repeating).toEqual([{ name: 'refresh-dataset', periodInMinutes: 24 * 60 }]);
    const others = (await readAlarms()).filter(({ name }) => name !== 'refresh-dataset');
    expect(others.every(({ name, periodInMinutes }) => name === 'full-dataset-retry' && periodInMinutes === undefined)).toBe(true);
  });

  it('keeps the cache over a browser restart with the same profile', async () => {
    const before = await activeDataset();
    await browser.close({ keepProfile: true });
    browser = await launchWithExtension(browser.userDataDir);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());

    await page.goto(watchUrl(WORD2VEC));
    await segmentButtons(page).first().waitFor();
    await expect.poll(() => segmentButtons(page).count()).toBe(66);
    expect(await activeDataset()).toEqual(before);
  });
});
