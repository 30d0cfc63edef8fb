/**
 * What a page can do to the panel from its own scripts, and what YouTube's
 * own re-rendering does to it: each case must end with one correct panel.
 * One browser for the file; each test loads its own page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countPanelHosts,
  launchWithExtension,
  panelRegion,
  readPlayers,
  rewindMainVideo,
  segmentButtons,
  waitForMainVideoMetadata,
  type ExtensionBrowser,
} from './extension-browser';
import { watchUrl } from './youtube-stand-in';
import { WORD2VEC, DETR, DATASET_BIAS } from '../fixtures/sample-videos';

const WORD2VEC_SEGMENTS = 66;
const DETR_SEGMENTS = 26;

let browser: ExtensionBrowser;
let page: Page;
let extensionId: string;

beforeAll(async () => {
  browser = await launchWithExtension();
  extensionId = new URL((await browser.serviceWorker()).url()).host;
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await browser.close();
});

async function openWatchPage(videoId: string): Promise<void> {
  await page.goto(watchUrl(videoId));
  await segmentButtons(page).first().waitFor();
}

/** Whether the panel is the first thing in YouTube's sidebar, where it belongs. */
const isFirstInSidebar = (target: Page): Promise<boolean> =>
  target.evaluate(
    () => document.querySelector('ytd-watch-flexy #secondary-inner')?.firstElementChild?.hasAttribute('data-transcript-search') ?? false,
  );

/** One panel, listing `count` segments. */
async function expectOnePanelWith(count: number): Promise<void> {
  await expect.poll(() => segmentButtons(page).count(), { timeout: 10_000 }).toBe(count);
  expect(await countPanelHosts(page)).toBe(1);
}

describe('signals from the page', () => {
  it("ignores a page that fakes WXT's 'a newer copy of this content script started' event", async () => {
    await openWatchPage(WORD2VEC);
    // What WXT's ContentScriptContext dispatches on document when a newer copy starts; the id of a store extension is public.
    await page.evaluate((eventName) => {
      document.dispatchEvent(
        new CustomEvent(eventName, { detail: { contentScriptName: 'youtube', messageId: 'forged-by-the-page' } }),
      );
    }, `${extensionId}:youtube:wxt:content-script-started`);
    await page.waitForTimeout(500);
    expect(await countPanelHosts(page)).toBe(1);

    // Still alive: it follows the next navigation and YouTube's next sidebar re-render.
    await page.evaluate((href) => window.ytStandIn.navigate(href), watchUrl(DETR));
    await expectOnePanelWith(DETR_SEGMENTS);
    await page.evaluate(() => window.ytStandIn.rerenderSidebar());
    await expect.poll(() => isFirstInSidebar(page)).toBe(true);
  });
});

describe("the page's DOM pulled from under the panel", () => {
  it('comes back after <body> is replaced, and again at the next sidebar re-render', async () => {
    await openWatchPage(WORD2VEC);
    // A paused video that has loaded: nothing but the DOM changes can bring the panel back.
    await waitForMainVideoMetadata(page);
    await rewindMainVideo(page);
    await page.evaluate(() => {
      const newBody = document.createElement('body');
      newBody.append(...document.body.childNodes);
      document.documentElement.replaceChild(newBody, document.body);
    });
    await expect.poll(() => isFirstInSidebar(page)).toBe(true);
    // Later (once any check the move set off has run), YouTube rebuilds the sidebar inside the new body.
    await page.waitForTimeout(750);
    await page.evaluate(() => window.ytStandIn.rerenderSidebar());
    await expect.poll(() => isFirstInSidebar(page)).toBe(true);
    await expectOnePanelWith(WORD2VEC_SEGMENTS);
  });

  it('survives a page deleting it every 5 ms for a second', async () => {
    await openWatchPage(WORD2VEC);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const timer = setInterval(() => {
            for (const host of document.querySelectorAll('[data-transcript-search]')) host.remove();
          }, 5);
          setTimeout(() => {
            clearInterval(timer);
            resolve();
          }, 1000);
        }),
    );
    await expect.poll(() => isFirstInSidebar(page)).toBe(true);
    await expectOnePanelWith(WORD2VEC_SEGMENTS);
  });

  it('floats over the page when the whole body is emptied', async () => {
    await openWatchPage(WORD2VEC);
    await page.evaluate(() => {
      document.body.innerHTML = '';
    });
    await expectOnePanelWith(WORD2VEC_SEGMENTS);
    expect(await page.evaluate(() => document.querySelector('[data-transcript-search]')?.hasAttribute('data-floating'))).toBe(true);
  });

  it('seeks the new video when YouTube replaces the video element', async () => {
    await openWatchPage(WORD2VEC);
    await waitForMainVideoMetadata(page);
    await page.evaluate(() => {
      const old = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!;
      const replacement = document.createElement('video');
      replacement.className = old.className;
      replacement.muted = true;
      replacement.preload = 'auto';
      replacement.src = old.src;
      replacement.addEventListener('seeking', () => window.ytStandIn.seeks.push(replacement.currentTime));
      old.replaceWith(replacement);
    });
    await waitForMainVideoMetadata(page);
    await rewindMainVideo(page);
    await segmentButtons(page).filter({ hasText: /^0:51 / }).click();
    await expect.poll(async () => (await readPlayers(page)).seeks).toEqual([51]);
    await expectOnePanelWith(WORD2VEC_SEGMENTS);
  });
});

describe('navigation storm', () => {
  it('ends on the last of ten navigations in two seconds, with one panel', async () => {
    await openWatchPage(WORD2VEC);
    const route = [DETR, DATASET_BIAS, WORD2VEC, DETR, DATASET_BIAS, WORD2VEC, DATASET_BIAS, WORD2VEC, DATASET_BIAS, DETR];
    await page.evaluate(
      async (hrefs) => {
        for (const href of hrefs) {
          window.ytStandIn.navigate(href);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      },
      route.map(watchUrl),
    );
    expect(page.url()).toBe(watchUrl(DETR));
    await expectOnePanelWith(DETR_SEGMENTS);
    expect(await panelRegion(page).locator('.yts-header__source').textContent()).toMatch(/DETR/);
  });
});
