/**
 * The extension in a Chromium that runs no WebAssembly (issue 8, commit
 * c9c04dc): the dataset still imports (without its library index), the panel
 * still lists, searches and seeks, and each way into "Search all videos"
 * (popup, search page, the panel's "All videos" scope, that one as soon as it
 * is chosen) says in one plain sentence that it needs WebAssembly. Once a
 * stored index answers, cached YouTube captions (which it cannot index) are
 * said to be left out, once, beside the results.
 *
 * `--js-flags=--jitless` is the switch: V8 without its compilers has no
 * `WebAssembly` global in any context, the extension's worker and pages
 * included (the first test checks, so the rest cannot pass on a flag Chromium
 * ignores). V8's own `--no-expose-wasm` leaves the global in place in
 * Chromium 156. Chrome's DefaultJavaScriptJitSetting policy documents the
 * same risk for the sites it covers ("may also disable parts of JavaScript
 * including WebAssembly"). One browser for the file; the last test restarts
 * it with WebAssembly and then without, on the same profile.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hitButtons,
  launchWithExtension,
  panelRegion,
  parseTimestampPrefix,
  readPlayers,
  readSample,
  rewindMainVideo,
  searchBox,
  segmentButtons,
  waitForMainVideoMetadata,
  type ExtensionBrowser,
  type SampleSegment,
} from './extension-browser';
import { CAPTIONS_NEED_WEBASSEMBLY, extensionIdOf, NEEDS_WEBASSEMBLY, optionsUrl, popupUrl, readCache, readStoredJob } from './extension-pages';
import { CAPTIONED } from './stand-in/captions';
import { watchUrl } from './youtube-stand-in';
import { WORD2VEC } from '../fixtures/sample-videos';

const POLL = { timeout: 30_000, interval: 200 };

let browser: ExtensionBrowser;
let worker: Worker;
let extensionId: string;
let sample: SampleSegment[];
/** Errors the worker logged, and exceptions no one caught in the extension's pages. */
const problems: string[] = [];

/** A tab that reports its uncaught exceptions and logged errors. */
async function newWatchedPage(): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    // Thumbnails (i.ytimg.com) are not served here: their failed loads are no problem of the extension's.
    if (message.type() !== 'error' || !page.url().startsWith('chrome-extension://')) return;
    if (message.location().url.startsWith('https://i.ytimg.com/')) return;
    problems.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

/** Collects what the worker logs as an error, and (in the worker, read by `readWorkerFailures`) what it throws and leaves uncaught. */
async function watchWorker(target: Worker): Promise<void> {
  target.on('console', (message) => {
    if (message.type() === 'error') problems.push(`worker: ${message.text()}`);
  });
  await target.evaluate(() => {
    const failures: string[] = [];
    Object.assign(globalThis, { ytsTestFailures: failures });
    self.addEventListener('error', (event) => failures.push(`uncaught: ${event.message}`));
    self.addEventListener('unhandledrejection', (event) => failures.push(`unhandled rejection: ${String(event.reason)}`));
  });
}

/** What `watchWorker` saw thrown in the worker; `null` when the worker it watched is gone. */
const readWorkerFailures = (target: Worker): Promise<string[] | null> =>
  target.evaluate(() => (globalThis as { ytsTestFailures?: string[] }).ytsTestFailures ?? null);

/** The text of the `<dd>` after the options page's `<dt>` named `term`. */
const optionsFact = (page: Page, term: string): Promise<string> =>
  page.evaluate((name) => [...document.querySelectorAll('dt')].find((dt) => dt.textContent === name)?.nextElementSibling?.textContent ?? '', term);

const libraryStatus = (page: Page) => page.locator('.yts-library__status');

beforeAll(async () => {
  sample = await readSample();
  browser = await launchWithExtension(undefined, { args: ['--js-flags=--jitless'] });
  worker = await browser.serviceWorker();
  await watchWorker(worker);
  extensionId = extensionIdOf(worker);
}, 120_000);

afterAll(async () => {
  await browser.close();
});

describe('without WebAssembly', () => {
  it('the flag takes WebAssembly away from the worker, the extension pages and YouTube', async () => {
    expect(await worker.evaluate(() => typeof WebAssembly)).toBe('undefined');
    const page = await newWatchedPage();
    await page.goto(popupUrl(extensionId));
    expect(await page.evaluate(() => typeof WebAssembly)).toBe('undefined');
    await page.goto(watchUrl(WORD2VEC));
    expect(await page.evaluate(() => typeof WebAssembly)).toBe('undefined');
    await page.close();
  });

  it('imports the bundled sample at install, and the options page shows it', async () => {
    const options = await newWatchedPage();
    await options.goto(optionsUrl(extensionId));
    await expect.poll(async () => (await readCache(options)).active, POLL).toMatchObject({ segmentCount: sample.length, videoCount: 3 });
    await expect.poll(() => optionsFact(options, 'Segments'), POLL).toBe(String(sample.length));
    expect(await optionsFact(options, 'Videos')).toBe('3');
    await options.close();
  });

  it('the panel lists the transcript, finds a misspelled word and seeks to it', async () => {
    const page = await newWatchedPage();
    await page.goto(watchUrl(WORD2VEC));
    const rows = sample.filter((segment) => segment.videoId === WORD2VEC);
    await expect.poll(() => segmentButtons(page).count(), POLL).toBeGreaterThan(0);
    expect(await segmentButtons(page).first().textContent()).toContain(rows.sort((a, b) => a.start - b.start)[0]!.text);

    // "All videos" says why it cannot search as soon as it is chosen, before any typing; the switch back stays.
    const scope = (name: string) => panelRegion(page).getByRole('group', { name: 'Search in' }).getByRole('button', { name });
    await scope('All videos').click();
    expect(await panelRegion(page).getByRole('searchbox', { name: 'Search all videos' }).inputValue()).toBe('');
    await expect.poll(() => libraryStatus(page).textContent(), POLL).toBe(NEEDS_WEBASSEMBLY);
    await scope('This video').click();
    await waitForMainVideoMetadata(page);
    await rewindMainVideo(page);

    await searchBox(page).fill('hierarhical'); // "hierarchical", one letter dropped
    const hit = hitButtons(page).first();
    await hit.waitFor(POLL);
    expect((await hit.locator('mark').allTextContents()).map((mark) => mark.toLowerCase())).toContain('hierarchical');
    const shown = parseTimestampPrefix((await hit.textContent()) ?? '');
    expect(shown).toBeGreaterThan(5); // far enough from 0 that a missing seek cannot pass
    await hit.click();
    await expect.poll(async () => (await readPlayers(page)).main, POLL).toBeGreaterThanOrEqual(shown);
    expect((await readPlayers(page)).main).toBeLessThan(shown + 2);

    // With a query, the "All videos" scope asks the worker, which says why it cannot answer.
    await scope('All videos').click();
    expect(await panelRegion(page).getByRole('searchbox', { name: 'Search all videos' }).inputValue()).toBe('hierarhical');
    await expect.poll(() => libraryStatus(page).textContent(), POLL).toBe(NEEDS_WEBASSEMBLY);
    await page.close();
  });

  it('the popup and the search page say that searching all videos needs WebAssembly', async () => {
    const popup = await newWatchedPage();
    await popup.goto(popupUrl(extensionId));
    await popup.getByRole('searchbox', { name: 'Search all videos' }).fill('negative sampling');
    await expect.poll(() => libraryStatus(popup).textContent(), POLL).toBe(NEEDS_WEBASSEMBLY);
    expect(await popup.getByRole('heading', { level: 2 }).count()).toBe(0);
    await popup.close();

    const search = await newWatchedPage();
    await search.goto(`chrome-extension://${extensionId}/search.html?q=word+vectors`);
    await expect.poll(() => libraryStatus(search).textContent(), POLL).toBe(NEEDS_WEBASSEMBLY);
    // And again for the next query: the failure is not a one-off.
    await search.getByRole('searchbox', { name: 'Search all videos' }).fill('softmax');
    await expect.poll(() => new URL(search.url()).search, POLL).toBe('?q=softmax');
    await expect.poll(() => libraryStatus(search).textContent(), POLL).toBe(NEEDS_WEBASSEMBLY);
    await search.close();
  });

  it('imports a file through the options page, and the panel shows the new transcript', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yts-no-wasm-'));
    try {
      const file = join(dir, 'marked.jsonl');
      const rows = sample
        .filter((segment) => segment.videoId === WORD2VEC)
        .map((segment) => ({ video_id: segment.videoId, title: segment.title, start_second: segment.start, end_second: segment.end, text: `nowasmmarker ${segment.text}` }));
      await writeFile(file, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
      const options = await newWatchedPage();
      await options.goto(optionsUrl(extensionId));
      await options.getByLabel('Import dataset file', { exact: true }).setInputFiles(file);
      await expect.poll(async () => (await readCache(options)).active?.source.name, POLL).toBe('marked.jsonl');
      expect(await readStoredJob(options)).toMatchObject({ status: 'succeeded', source: { kind: 'file', name: 'marked.jsonl' } });
      await expect.poll(() => optionsFact(options, 'Segments'), POLL).toBe(String(rows.length));
      await options.close();

      const page = await newWatchedPage();
      await page.goto(watchUrl(WORD2VEC));
      await expect.poll(() => segmentButtons(page).first().textContent(), POLL).toMatch(/^0:00\s*nowasmmarker /);
      await page.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('logged no error and left no exception uncaught, in the worker or the extension\'s pages', async () => {
    expect(await readWorkerFailures(worker)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('once WebAssembly is back, "Search all videos" answers; the index it stored then answers without WebAssembly too, and says cached captions are left out', async () => {
    const title = sample.find((segment) => segment.videoId === WORD2VEC)!.title;
    /** The popup's answer to a query found in the dataset only; `notes`: what it says beside it. */
    const searchPopup = async (notes: string[] = []) => {
      const popup = await newWatchedPage();
      await popup.goto(popupUrl(extensionId));
      await popup.getByRole('searchbox', { name: 'Search all videos' }).fill('nowasmmarker hierarchical');
      await expect.poll(() => libraryStatus(popup).textContent(), POLL).toMatch(/^\d+ results? in 1 video$/);
      expect(await popup.getByRole('heading', { level: 2 }).allTextContents()).toEqual([title]);
      await expect.poll(() => popup.getByRole('note').allTextContents(), POLL).toEqual(notes);
      await popup.close();
    };
    const relaunch = async (args: string[]) => {
      const profile = browser.userDataDir;
      await browser.close({ keepProfile: true });
      browser = await launchWithExtension(profile, { args });
      worker = await browser.serviceWorker();
      await watchWorker(worker);
      expect(extensionIdOf(worker)).toBe(extensionId);
    };

    await relaunch([]);
    expect(await worker.evaluate(() => typeof WebAssembly)).toBe('object');
    await searchPopup(); // the index is built from the imported transcripts now, and stored

    await relaunch(['--js-flags=--jitless']);
    expect(await worker.evaluate(() => typeof WebAssembly)).toBe('undefined');
    await searchPopup();

    // A video the dataset lacks, its YouTube captions cached by the panel: the library search cannot index them here.
    const page = await newWatchedPage();
    await page.goto(watchUrl(CAPTIONED));
    await panelRegion(page).getByText('YouTube captions · English', { exact: true }).waitFor(POLL);
    await expect.poll(() => segmentButtons(page).count(), POLL).toBeGreaterThan(0);
    await searchPopup([CAPTIONS_NEED_WEBASSEMBLY]);
    // The panel's "All videos" answers from the dataset and says the same, once.
    await panelRegion(page).getByRole('group', { name: 'Search in' }).getByRole('button', { name: 'All videos' }).click();
    await panelRegion(page).getByRole('searchbox', { name: 'Search all videos' }).fill('nowasmmarker hierarchical');
    await expect.poll(() => libraryStatus(page).textContent(), POLL).toMatch(/^\d+ results? in 1 video$/);
    await expect.poll(() => panelRegion(page).getByRole('note').allTextContents(), POLL).toEqual([CAPTIONS_NEED_WEBASSEMBLY]);
    await page.close();
    // And the search page.
    const search = await newWatchedPage();
    await search.goto(`chrome-extension://${extensionId}/search.html?q=nowasmmarker+hierarchical`);
    await expect.poll(() => libraryStatus(search).textContent(), POLL).toMatch(/^\d+ results? in 1 video$/);
    await expect.poll(() => search.getByRole('note').allTextContents(), POLL).toEqual([CAPTIONS_NEED_WEBASSEMBLY]);
    await search.close();
    expect(await readWorkerFailures(worker)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
