/**
 * Where the panel sits and how it moves, measured in the browser (issue 9):
 * it never widens YouTube's sidebar, shows six segments or more in it, does
 * not move the page while the user types, goes under the title block in a
 * narrow window, floats clear of YouTube Music's bars in a short one, takes
 * one line where there is nothing to show, and follows the dark theme into its
 * scrollbars. look.test.ts shoots every state; this asserts what a user would notice.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExtensionPage, panelRegion, searchBox, segmentButtons, type ExtensionBrowser } from './extension-browser';
import { setYouTubeTheme } from './look-support';
import { MUSIC_ORIGIN } from './stand-in/app-hosts';
import { watchUrl } from './youtube-stand-in';
import { WORD2VEC, NOT_IN_DATASET } from '../fixtures/sample-videos';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openExtensionPage());
});

afterAll(() => browser.close());

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  height: number;
  width: number;
}

const boxOf = async (target: Page, selector: string): Promise<Box> =>
  target.locator(selector).first().evaluate((element) => {
    const { top, bottom, left, right, height, width } = element.getBoundingClientRect();
    return { top, bottom, left, right, height, width };
  });

const panelBox = (target: Page): Promise<Box> => boxOf(target, '[data-transcript-search]');

async function openWatchPage(url: string, size = { width: 1280, height: 800 }): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(url);
  await segmentButtons(page).first().waitFor();
}

describe('in the sidebar (1280×800, a 402 px sidebar)', () => {
  it('never widens the sidebar, so the player keeps its width', async () => {
    await openWatchPage(watchUrl(WORD2VEC));
    expect((await boxOf(page, '#secondary')).width).toBe(402);
    expect((await panelBox(page)).width).toBeLessThanOrEqual(402);
    // Columns: the page's width − 2 × 24 padding − 24 gap − 402 sidebar.
    const pageWidth = await page.evaluate(() => document.documentElement.clientWidth);
    expect((await boxOf(page, '#player')).width).toBe(pageWidth - 48 - 24 - 402);
  });

  it('shows six whole segments or more', async () => {
    await openWatchPage(watchUrl(WORD2VEC));
    const visible = await panelRegion(page)
      .getByRole('list', { name: 'Transcript segments' })
      .evaluate((list) => {
        const view = list.getBoundingClientRect();
        return [...list.querySelectorAll('button')].filter((button) => {
          const box = button.getBoundingClientRect();
          return box.top >= view.top - 0.5 && box.bottom <= view.bottom + 0.5;
        }).length;
      });
    expect(visible).toBeGreaterThanOrEqual(6);
  });

  it('moves nothing on the page while the user types, finds nothing, and clears', async () => {
    await openWatchPage(watchUrl(WORD2VEC));
    const related = async () => (await boxOf(page, '#related')).top;
    const before = { panel: (await panelBox(page)).height, related: await related() };
    for (const [query, ready] of [
      ['negatve sampling', () => panelRegion(page).getByRole('list', { name: 'Search results' }).waitFor()],
      ['zebra quokka', () => panelRegion(page).getByText(/^No matches for/).waitFor()],
      ['', () => segmentButtons(page).first().waitFor()],
    ] as const) {
      await searchBox(page).fill(query);
      await ready();
      expect({ panel: (await panelBox(page)).height, related: await related() }, `after "${query}"`).toEqual(before);
    }
  });

  it('shows the matched words of each hit inside its clamped lines', async () => {
    await openWatchPage(watchUrl(WORD2VEC));
    await searchBox(page).fill('hierarchical softmax');
    const hits = panelRegion(page).getByRole('list', { name: 'Search results' }).getByRole('button');
    await hits.first().waitFor();
    const outside = await hits.evaluateAll((buttons) =>
      buttons.filter((button) => {
        const mark = button.querySelector('mark');
        const text = button.querySelector('.yts-segment__text');
        if (!mark || !text) return true;
        const [markBox, textBox] = [mark.getBoundingClientRect(), text.getBoundingClientRect()];
        return markBox.top < textBox.top - 0.5 || markBox.bottom > textBox.bottom + 0.5;
      }).length,
    );
    expect(outside).toBe(0);
  });

  it('takes one line for a video without a transcript', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(watchUrl(NOT_IN_DATASET));
    await panelRegion(page).getByRole('heading', { name: /^No (captions|transcript) for this video$/ }).waitFor();
    expect((await panelBox(page)).height).toBeLessThanOrEqual(48);
  });

  it('follows the dark theme into its scrollbars', async () => {
    await openWatchPage(watchUrl(WORD2VEC));
    await setYouTubeTheme(page, 'dark');
    const list = panelRegion(page).getByRole('list', { name: 'Transcript segments' });
    await expect.poll(() => list.evaluate((element) => getComputedStyle(element).colorScheme)).toBe('dark');
    await setYouTubeTheme(page, 'light');
    await expect.poll(() => list.evaluate((element) => getComputedStyle(element).colorScheme)).toBe('light');
  });
});

describe('in a narrow window (800×600, no sidebar)', () => {
  it('goes under the title and description, never between player and title', async () => {
    await openWatchPage(watchUrl(WORD2VEC), { width: 800, height: 600 });
    const isAfterMetadata = () =>
      page.evaluate(() => document.querySelector('ytd-watch-metadata')?.nextElementSibling?.hasAttribute('data-transcript-search'));
    await expect.poll(isAfterMetadata).toBe(true);
    const [metadata, panel] = [await boxOf(page, 'ytd-watch-metadata'), await panelBox(page)];
    expect(panel.top).toBeGreaterThanOrEqual(metadata.bottom + 12);

    // Wider again: back to the sidebar.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect
      .poll(() => page.evaluate(() => document.querySelector('#secondary-inner')?.firstElementChild?.hasAttribute('data-transcript-search')))
      .toBe(true);
  });
});

describe('floating on YouTube Music (800×500)', () => {
  it("fits between the nav bar and the player bar with even gaps, in Music's dark theme", async () => {
    await openWatchPage(`${MUSIC_ORIGIN}/watch?v=${WORD2VEC}`, { width: 800, height: 500 });
    const [nav, bar] = [await boxOf(page, 'ytmusic-nav-bar'), await boxOf(page, 'ytmusic-player-bar')];
    await expect.poll(async () => (await panelBox(page)).bottom).toBe(bar.top - 16);
    const panel = await panelBox(page);
    expect(panel.top).toBeGreaterThanOrEqual(nav.bottom + 16);
    expect(800 - panel.right).toBe(16);
    // Everything a user needs is on screen: the title, the collapse button, the search box.
    for (const locator of [
      panelRegion(page).getByRole('heading', { name: 'Transcript' }),
      panelRegion(page).getByRole('button', { name: 'Collapse transcript' }),
      searchBox(page),
    ]) {
      const box = (await locator.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(panel.top);
      expect(box.y + box.height).toBeLessThanOrEqual(panel.bottom);
    }
    expect(await panelRegion(page).getAttribute('data-theme')).toBe('dark');
  });
});
