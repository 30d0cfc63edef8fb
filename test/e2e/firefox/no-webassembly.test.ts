/**
 * The Firefox add-on where WebAssembly is turned off.
 *
 * `javascript.options.wasm` false (the about:config switch) takes WebAssembly
 * from web pages only: with `javascript.options.wasm_trustedprincipals` at
 * its default (true), the add-on's pages and background keep it, and the
 * library search answers.
 *
 * With both false the add-on has none: the bundled sample still imports
 * (without its library index), the panel lists, searches and seeks, and
 * "Search all videos" (popup, search page, the panel's "All videos" scope)
 * says in one plain sentence that it needs WebAssembly (the panel's scope as
 * soon as it is chosen).
 *
 * Each case first reads `typeof WebAssembly` where it matters, so neither can
 * pass on a pref Firefox ignores. One browser per case.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../fixtures/sample';
import { WORD2VEC } from '../../fixtures/sample-videos';
import { parseTimestampPrefix } from '../extension-browser';
import { NEEDS_WEBASSEMBLY } from '../extension-pages';
import { hasMainVideoMetadataInPage, readPlayersInPage, rewindMainVideoInPage } from '../stand-in/players';
import { watchUrl } from '../stand-in/page';
import { findOne, inPanel, launchFirefoxWithExtension, PANEL, textsOf, waitInPanel, type FirefoxWithExtension } from './firefox-browser';

const POLL = { timeout: 15_000, interval: 100 };
const LIBRARY_BOX = 'input[type="search"][aria-label="Search all videos"]';

/** Firefox's `browser` global, as an extension page has it. */
interface WithBrowserApi {
  browser: { runtime: { getBackgroundPage: () => Promise<Window> } };
}

/** The sentence above the library's results, or `null` while there is none. */
const libraryStatus = (page: Page, selector = '.yts-library__status'): Promise<string | null> =>
  page.$eval(selector, (element) => element.textContent).catch(() => null);

/** The add-on's background page (same origin as its other pages, so reachable from them). */
type BackgroundPage = Window & { WebAssembly?: unknown };

/** `typeof WebAssembly` in an add-on page and in the add-on's background page. */
async function readAddonWebAssembly(firefox: FirefoxWithExtension): Promise<[string, string]> {
  const popup = await firefox.browser.newPage();
  await firefox.openExtensionPage(popup, 'popup.html');
  const types = await popup.evaluate(async (): Promise<[string, string]> => {
    const background = (await (globalThis as unknown as WithBrowserApi).browser.runtime.getBackgroundPage()) as BackgroundPage;
    return [typeof WebAssembly, typeof background.WebAssembly];
  });
  await popup.close();
  return types;
}

/**
 * Records every exception the background page throws or rejection it leaves unhandled from now on,
 * from an add-on page that stays open (Firefox cuts a closed page's listeners off): read them
 * with `readBackgroundFailures` on the page returned.
 */
async function watchBackground(firefox: FirefoxWithExtension): Promise<Page> {
  const watcher = await firefox.browser.newPage();
  await firefox.openExtensionPage(watcher, 'popup.html');
  await watcher.evaluate(async () => {
    const background = (await (globalThis as unknown as WithBrowserApi).browser.runtime.getBackgroundPage()) as BackgroundPage;
    const failures: string[] = [];
    Object.assign(globalThis, { ytsBackgroundFailures: failures });
    background.addEventListener('error', (event) => failures.push(`uncaught: ${event.message}`));
    background.addEventListener('unhandledrejection', (event) => failures.push(`unhandled rejection: ${String(event.reason)}`));
  });
  return watcher;
}

const readBackgroundFailures = (watcher: Page): Promise<string[]> =>
  watcher.evaluate(() => [...(globalThis as unknown as { ytsBackgroundFailures: string[] }).ytsBackgroundFailures]);

/** `typeof WebAssembly` on the stand-in YouTube. */
async function readPageWebAssembly(firefox: FirefoxWithExtension): Promise<string> {
  const watch = await firefox.newStandInPage();
  await watch.goto(watchUrl(WORD2VEC));
  const type = await watch.evaluate(() => typeof WebAssembly);
  await watch.close();
  return type;
}

describe('with javascript.options.wasm off', () => {
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension({ prefs: { 'javascript.options.wasm': false } });
  });

  afterAll(async () => {
    await firefox.close();
  });

  it('web pages lose WebAssembly, the add-on keeps it, and "Search all videos" answers', async () => {
    expect(await readPageWebAssembly(firefox)).toBe('undefined');
    expect(await readAddonWebAssembly(firefox)).toEqual(['object', 'object']);
    const popup = await firefox.browser.newPage();
    await firefox.openExtensionPage(popup, 'popup.html');
    await (await popup.waitForSelector(LIBRARY_BOX))!.type('negative sampling');
    await expect.poll(() => libraryStatus(popup), POLL).toMatch(/^\d+ results? in \d+ videos?$/);
    await popup.close();
  });
});

describe('with WebAssembly off for add-ons too (javascript.options.wasm_trustedprincipals off)', () => {
  let firefox: FirefoxWithExtension;
  let watcher: Page;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension({
      prefs: { 'javascript.options.wasm': false, 'javascript.options.wasm_trustedprincipals': false },
    });
  });

  afterAll(async () => {
    await firefox.close();
    expect(firefox.log.blocked).toEqual([]);
  });

  it('the add-on and the page have no WebAssembly', async () => {
    expect(await readAddonWebAssembly(firefox)).toEqual(['undefined', 'undefined']);
    expect(await readPageWebAssembly(firefox)).toBe('undefined');
    watcher = await watchBackground(firefox);
  });

  it('imports the bundled sample at install, and the options page shows it', async () => {
    const options = await firefox.browser.newPage();
    await firefox.openExtensionPage(options, 'options.html');
    const fact = (name: string) =>
      options.evaluate((term) => [...document.querySelectorAll('dt')].find((dt) => dt.textContent === term)?.nextElementSibling?.textContent ?? '', name);
    await expect.poll(() => fact('Segments'), POLL).toBe(String(SAMPLE_ROWS.length));
    expect(await fact('Videos')).toBe('3');
    await options.close();
  });

  it('the panel lists the transcript, finds a misspelled word and seeks to it; its "All videos" scope says why it cannot', async () => {
    const watch = await firefox.newStandInPage();
    await watch.goto(watchUrl(WORD2VEC));
    await waitInPanel(watch, PANEL.segmentButtons);
    const rows = SAMPLE_ROWS.filter((row) => row.video_id === WORD2VEC);
    await expect.poll(async () => (await textsOf(watch, PANEL.segmentButtons)).length, POLL).toBe(rows.length);
    // "All videos" says why it cannot search as soon as it is chosen, before any typing; the switch back stays.
    const scope = (name: string) => findOne(watch, inPanel(`[role="group"][aria-label="Search in"] button::-p-text(${name})`));
    await (await scope('All videos')).click();
    await expect.poll(() => libraryStatus(watch, inPanel('.yts-library__status')), POLL).toBe(NEEDS_WEBASSEMBLY);
    expect(await (await findOne(watch, inPanel(LIBRARY_BOX))).evaluate((box) => (box as HTMLInputElement).value)).toBe('');
    await (await scope('This video')).click();
    await watch.waitForFunction(hasMainVideoMetadataInPage);
    await watch.evaluate(rewindMainVideoInPage);

    await (await findOne(watch, PANEL.searchBox)).type('hierarhical'); // "hierarchical", one letter dropped
    await waitInPanel(watch, PANEL.hitButtons);
    expect((await textsOf(watch, PANEL.marks)).map((mark) => mark.toLowerCase())).toContain('hierarchical');
    const shown = parseTimestampPrefix((await textsOf(watch, PANEL.hitButtons))[0]!);
    expect(shown).toBeGreaterThan(5); // far enough from 0 that a missing seek cannot pass
    await (await findOne(watch, PANEL.hitButtons)).click();
    const mainTime = async () => (await watch.evaluate(readPlayersInPage)).main;
    await expect.poll(mainTime, POLL).toBeGreaterThanOrEqual(shown - 0.5);
    expect(await mainTime()).toBeLessThan(shown + 2);

    // With a query, the "All videos" scope asks the background, which says why it cannot answer.
    await (await scope('All videos')).click();
    await expect.poll(() => libraryStatus(watch, inPanel('.yts-library__status')), POLL).toBe(NEEDS_WEBASSEMBLY);
    await watch.close();
  });

  it('the popup and the search page say that searching all videos needs WebAssembly', async () => {
    const popup = await firefox.browser.newPage();
    await firefox.openExtensionPage(popup, 'popup.html');
    await (await popup.waitForSelector(LIBRARY_BOX))!.type('negative sampling');
    await expect.poll(() => libraryStatus(popup), POLL).toBe(NEEDS_WEBASSEMBLY);
    expect(await popup.$$('h2')).toHaveLength(0);
    await popup.close();

    const search = await firefox.browser.newPage();
    await firefox.openExtensionPage(search, 'search.html?q=word+vectors');
    await expect.poll(() => libraryStatus(search), POLL).toBe(NEEDS_WEBASSEMBLY);
    await search.close();
  });

  it('left no exception uncaught in the background', async () => {
    expect(await readBackgroundFailures(watcher)).toEqual([]);
  });
});
