/**
 * Issue 8 end to end: a multi-video dataset imported through the options
 * page, then searched from the popup and from the search page (?q=, Back),
 * a hit landing on the right video at the right second, and a worker that
 * Chrome stopped still answering the first query from the stored index.
 */
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './extension-browser';
import { extensionIdOf, optionsUrl, popupUrl, readCache, stopServiceWorker, waitForInstallImports } from './extension-pages';
import { holdTranscriptReads } from './hold-reads';

const POLL = { timeout: 30_000, interval: 200 };

const GRAPH_TEXT =
  'in this lecture we look at graph embeddings and how a random walk over the nodes of a large graph can be turned into ' +
  'training pairs for a shallow network, which is the core idea behind deepwalk and node2vec, and then we compare both ' +
  'methods on a citation graph and a social graph, measuring link prediction accuracy and the time each one needs to train on one machine';

/** Four talks; "negative sampling" is said as a phrase in one (segment 60–80 s, from character 12 of 55), in pieces in another. */
const ROWS = [
  { video_id: 'aaaaaaaaaaa', title: 'Word vectors from scratch', start: 0, end: 20, text: 'today we train word vectors on a small corpus of news' },
  { video_id: 'aaaaaaaaaaa', title: 'Word vectors from scratch', start: 60, end: 80, text: 'we then use negative sampling to keep the softmax cheap' },
  { video_id: 'bbbbbbbbbbb', title: 'Sampling in statistics', start: 0, end: 30, text: 'negative results and careful sampling matter in surveys' },
  { video_id: 'ccccccccccc', title: 'Zebras of the savanna', start: 0, end: 25, text: 'a herd of zebras crosses the river at dawn' },
  // A segment as long as the real dataset's (~380 characters): its hit fills the three lines a placeholder holds.
  { video_id: 'fffffffffff', title: 'Graphs from random walks', start: 0, end: 30, text: GRAPH_TEXT },
].map(({ start, end, ...row }) => ({ ...row, start_second: start, end_second: end, thumbnail: `https://i.ytimg.com/vi/${row.video_id}/hqdefault.jpg` }));

let browser: ExtensionBrowser;
let extensionId: string;
let page: Page;
let fileDir: string;

beforeAll(async () => {
  browser = await launchWithExtension();
  extensionId = extensionIdOf(await browser.serviceWorker());
  page = await browser.context.newPage();
  fileDir = await mkdtemp(join(tmpdir(), 'yts-library-'));
  const file = join(fileDir, 'talks.jsonl');
  await writeFile(file, ROWS.map((row) => JSON.stringify(row)).join('\n') + '\n');
  await page.goto(optionsUrl(extensionId));
  // A file chosen while the install's imports hold the slot is declined as busy.
  await waitForInstallImports(page);
  await page.getByLabel('Import dataset file', { exact: true }).setInputFiles(file);
  // Until the import has switched the new dataset in.
  for (const started = Date.now(); (await readCache(page)).active?.source.name !== 'talks.jsonl'; ) {
    if (Date.now() - started > POLL.timeout) throw new Error('the import did not finish in 30 s');
    await new Promise((resolve) => setTimeout(resolve, POLL.interval));
  }
}, 120_000);

afterAll(async () => {
  await browser.close();
  if (fileDir) await rm(fileDir, { recursive: true, force: true });
});

describe('library search', () => {
  it('searches from the popup as you type, and a hit opens its video at the phrase', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 560 }); // the toolbar popup's size
    await popup.goto(popupUrl(extensionId));
    const box = popup.getByRole('searchbox', { name: 'Search all videos' });
    await expect.poll(() => box.evaluate((element) => element === document.activeElement), POLL).toBe(true);
    // The dataset's status, below the box.
    const datasetStatus = popup.getByRole('main');
    await datasetStatus.waitFor();
    await box.pressSequentially('negatve sampl'); // a typo, and the last word still being typed
    await expect.poll(() => popup.locator('.yts-library__status').textContent(), POLL).toBe('2 results in 2 videos');
    // The results have the popup to themselves while a query is typed; the dataset's status comes back with an empty box.
    expect(await datasetStatus.count()).toBe(0);
    const titles = await popup.getByRole('heading', { level: 2 }).allTextContents();
    expect(titles).toEqual(['Word vectors from scratch', 'Sampling in statistics']);
    // The README's picture: YTS_SCREENSHOTS=1 npx vitest run --config vitest.e2e.config.ts test/e2e/library-search.test.ts
    if (process.env.YTS_SCREENSHOTS) await popup.screenshot({ path: '.github/screenshots/popup-search.png' });
    await box.fill('');
    await datasetStatus.waitFor();
    await box.fill('negatve sampl');
    await expect.poll(() => popup.locator('.yts-library__status').textContent(), POLL).toBe('2 results in 2 videos');
    // 60 + 12/55 × 20 − 1 = 63.4 s: the link starts at second 63.
    const hit = popup.getByRole('link', { name: /^1:03 we then use negative sampling/ });
    expect(await hit.getAttribute('href')).toBe('https://www.youtube.com/watch?v=aaaaaaaaaaa&t=63s');
    // The popup's tab is not YouTube, so the hit opens in a new tab.
    const opened = browser.context.waitForEvent('page');
    await box.press('ArrowDown');
    // The popup closes itself as the hit opens, which may cut the key press short.
    await popup.keyboard.press('Enter').catch(() => undefined);
    const watch = await opened;
    await watch.waitForURL(/watch\?v=aaaaaaaaaaa&t=63s$/);
    await watch.close();
  });

  it('draws the cards before their text is read, holding the hits\' place, then the hits; Enter opens one once it is there', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 560 });
    await popup.goto(popupUrl(extensionId));
    const box = popup.getByRole('searchbox', { name: 'Search all videos' });
    // A first query loads the index: holding the text then holds only the hits.
    await box.fill('zebras');
    await expect.poll(() => popup.locator('.yts-library__status').textContent(), POLL).toBe('1 result in 1 video');
    const release = await holdTranscriptReads(popup);
    await box.fill('graph embeddings');
    const card = popup.getByRole('listitem', { name: 'Graphs from random walks' });
    await expect.poll(() => card.getAttribute('aria-busy'), POLL).toBe('true');
    expect(await popup.locator('.yts-library__status').textContent()).toBe('1 result in 1 video');
    expect(await card.getByText('1 matching segment').count()).toBe(1);
    expect(await card.getByRole('link').count()).toBe(0);
    const pendingHeight = (await card.boundingBox())!.height;
    const pagesBefore = browser.context.pages().length;
    await box.press('Enter'); // nothing to open yet
    await release();
    const hit = card.getByRole('link', { name: /^0:0\d in this lecture we look at graph embeddings/ });
    await hit.waitFor();
    expect(await card.getAttribute('aria-busy')).toBeNull();
    // The hit took the place held for it: nothing below moved.
    expect(Math.abs((await card.boundingBox())!.height - pendingHeight)).toBeLessThan(1);
    expect(browser.context.pages().length).toBe(pagesBefore);
    const opened = browser.context.waitForEvent('page');
    await box.press('Enter').catch(() => undefined); // the popup closes itself as the hit opens
    const watch = await opened;
    await watch.waitForURL(/watch\?v=fffffffffff&t=\d+s$/);
    await watch.close();
  });

  it('keeps the search page\'s query in its URL: load with ?q=, type, go Back', async () => {
    const search = await browser.context.newPage();
    await search.goto(`chrome-extension://${extensionId}/search.html?q=zebras`);
    const box = search.getByRole('searchbox', { name: 'Search all videos' });
    expect(await box.inputValue()).toBe('zebras');
    await expect.poll(() => search.locator('.yts-library__status').textContent(), POLL).toBe('1 result in 1 video');
    await box.fill('word vectors');
    await expect.poll(() => search.locator('.yts-library__status').textContent(), POLL).toBe('1 result in 1 video');
    expect(new URL(search.url()).search).toBe('?q=word+vectors');
    expect(await search.title()).toBe('word vectors – Search all videos');
    await search.goBack();
    await expect.poll(() => box.inputValue(), POLL).toBe('zebras');
    await expect.poll(() => search.getByRole('heading', { level: 2 }).allTextContents(), POLL).toEqual(['Zebras of the savanna']);
    await search.reload();
    await expect.poll(() => search.getByRole('heading', { level: 2 }).allTextContents(), POLL).toEqual(['Zebras of the savanna']);
    await search.getByRole('searchbox', { name: 'Search all videos' }).fill('?!…');
    await expect.poll(() => search.locator('.yts-library__status').textContent(), POLL).toBe('Type a word or a phrase: punctuation alone finds nothing.');
    await search.close();
  });

  it('the search page draws its cards before their text is read, then the hits', async () => {
    // Held from another extension page: the search page searches as it loads.
    const release = await holdTranscriptReads(page);
    const search = await browser.context.newPage();
    await search.goto(`chrome-extension://${extensionId}/search.html?q=random+walk`);
    const card = search.getByRole('listitem', { name: 'Graphs from random walks' });
    await expect.poll(() => card.getAttribute('aria-busy'), POLL).toBe('true');
    expect(await card.getByRole('link').count()).toBe(0);
    await release();
    await card.getByRole('link', { name: /in this lecture we look at graph embeddings/ }).waitFor();
    expect(await card.getAttribute('aria-busy')).toBeNull();
    await search.close();
  });

  it('a worker Chrome stopped answers the first query from the stored index', async () => {
    const worker = await browser.serviceWorker();
    await stopServiceWorker(browser, page, worker.url());
    // The panel's way in: a message to the worker, which Chrome starts again for it.
    const answer: unknown = await page.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } };
      return chrome.runtime.sendMessage({ type: 'searchLibrary', query: 'zebras', page: { videoLimit: 5, hitsPerVideo: 3 } });
    });
    expect(answer).toMatchObject({ status: 'found', resultCount: 1, videoCount: 1 });
  });

  it('an open popup finds a dataset switched in and captions cached after it opened', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(extensionId));
    const box = popup.getByRole('searchbox', { name: 'Search all videos' });
    const titles = () => popup.getByRole('heading', { level: 2 }).allTextContents();
    await box.fill('zebras');
    await expect.poll(titles, POLL).toEqual(['Zebras of the savanna']);

    // Another dataset, imported through the options page while the popup stays open.
    const file = join(fileDir, 'more-talks.jsonl');
    const row = { video_id: 'ddddddddddd', title: 'Zebras up close', start_second: 0, end_second: 20, text: 'zebras and their stripes', thumbnail: '' };
    await writeFile(file, `${JSON.stringify(row)}\n`);
    await page.getByLabel('Import dataset file', { exact: true }).setInputFiles(file);
    await expect.poll(async () => (await readCache(page)).active?.source.name, POLL).toBe('more-talks.jsonl');
    // The next keystroke searches the new dataset.
    await box.fill('zebra');
    await expect.poll(titles, POLL).toEqual(['Zebras up close']);

    // Captions the panel cached meanwhile (through the worker, as the panel saves them).
    const captions = {
      videoId: 'eeeeeeeeeee',
      title: 'A cached zebra talk',
      trackId: '.en',
      track: { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' },
      tracks: [],
      lines: [{ start: 0, end: 4, text: 'zebras at the waterhole' }],
      chapters: [],
      method: 'player',
      fetchedAt: Date.now(),
    };
    const saved: unknown = await page.evaluate((message) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } };
      return chrome.runtime.sendMessage(message);
    }, { type: 'saveCaptions', captions });
    expect(saved).toEqual({ status: 'saved' });
    await box.fill('zebras');
    await expect.poll(async () => (await titles()).sort(), POLL).toEqual(['A cached zebra talk', 'Zebras up close']);
    await popup.close();
  });
});
