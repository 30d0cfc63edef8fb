/**
 * The panel on a stand-in youtube.com, in Debian's Chromium with the built
 * extension: what it lists, search and seek, keys, in-page navigation.
 * One browser for the file; each test loads its own page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibleName,
  countPanelHosts,
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
  type PlayerSnapshot,
  type SampleSegment,
} from './extension-browser';
import { ORIGIN, watchUrl } from './youtube-stand-in';
import { WORD2VEC, DETR, DATASET_BIAS, NOT_IN_DATASET } from '../fixtures/sample-videos';

let browser: ExtensionBrowser;
let page: Page;
let sample: SampleSegment[];

const segmentsOf = (videoId: string): SampleSegment[] =>
  sample.filter((segment) => segment.videoId === videoId).sort((a, b) => a.start - b.start);
const titleOf = (videoId: string): string => segmentsOf(videoId)[0]!.title;

beforeAll(async () => {
  sample = await readSample();
  browser = await launchWithExtension();
  await browser.serviceWorker();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await browser.close();
  // Everything the pages asked for came from the stand-in.
  expect(browser.log.blocked).toEqual([]);
});

async function openWatchPage(videoId: string): Promise<void> {
  await page.goto(watchUrl(videoId));
  await segmentButtons(page).first().waitFor();
}

/** Search status ("3 of 12", "No matches"). */
/** The search bar's live status: "3 of 12" (what is shown), then, for screen readers, the hit's time and words. */
const searchStatusRegion = (target: Page) =>
  panelRegion(target)
    .getByRole('status')
    .filter({ hasText: /^(\d+ of \d+|No matches)/ });
/** Just the visible count. */
const searchCount = async (target: Page): Promise<string | undefined> =>
  (await searchStatusRegion(target).textContent())?.split(',')[0];

/**
 * Polls until the main video is at the time a hit shows (its name's `m:ss`, the
 * floor of the seek target), allowing for playback having moved on a little.
 */
async function waitForMainVideoAt(target: Page, shownSeconds: number): Promise<PlayerSnapshot> {
  const deadline = Date.now() + 5_000;
  let players = await readPlayers(target);
  while (!(players.main >= shownSeconds - 0.5 && players.main < shownSeconds + 1.5)) {
    if (Date.now() > deadline) {
      throw new Error(`the main video is at ${players.main} s, not at the hit's ${shownSeconds} s (seeks: ${players.seeks.join(', ')})`);
    }
    await target.waitForTimeout(50);
    players = await readPlayers(target);
  }
  return players;
}

/** The sample segment a hit or segment button shows, found by its text. */
function segmentForName(videoId: string, name: string): SampleSegment {
  const text = name.replace(/^\S+\s/, '');
  const segment = segmentsOf(videoId).find((candidate) => candidate.text.replace(/\s+/g, ' ') === text);
  if (!segment) throw new Error(`no ${videoId} segment reads "${text}"`);
  return segment;
}

describe('transcript panel on a watch page', () => {
  it('lists every segment of the video, first at 0:00', async () => {
    await openWatchPage(WORD2VEC);
    const region = panelRegion(page);
    await expect.poll(() => segmentButtons(page).count()).toBe(segmentsOf(WORD2VEC).length);
    expect(segmentsOf(WORD2VEC)).toHaveLength(66);

    const firstName = await accessibleName(segmentButtons(page).first());
    expect(firstName).toMatch(/^0:00 /);
    expect(firstName).toBe(`0:00 ${segmentsOf(WORD2VEC)[0]!.text}`);
    expect(await page.getByRole('button', { name: /^0:00 hi there today we'll look at distributed/ }).count()).toBe(1);
    expect(await region.getByText('distributed representations of words and phrases', { exact: false }).first().isVisible()).toBe(
      true,
    );
    expect(await region.getByRole('heading', { name: 'Transcript' }).isVisible()).toBe(true);
    expect(await region.getByText(titleOf(WORD2VEC), { exact: true }).isVisible()).toBe(true);

    // Where YouTube extensions sit: first in the sidebar, once.
    expect(await countPanelHosts(page)).toBe(1);
    expect(
      await page.evaluate(
        () => document.querySelector('ytd-watch-flexy #secondary-inner')?.firstElementChild?.hasAttribute('data-transcript-search') ?? false,
      ),
    ).toBe(true);
  });

  it('finds a misspelled word, marks it, and a click seeks the main video to the phrase', async () => {
    await openWatchPage(WORD2VEC);
    await waitForMainVideoMetadata(page);
    await rewindMainVideo(page);

    // "hierarchical", one letter dropped.
    await searchBox(page).fill('hierarhical');
    const firstHit = hitButtons(page).first();
    await firstHit.waitFor();
    const hitCount = await hitButtons(page).count();
    expect(hitCount).toBeGreaterThan(0);
    await expect.poll(() => searchCount(page)).toBe(`1 of ${hitCount}`);
    expect((await firstHit.locator('mark').first().textContent())?.toLowerCase()).toBe('hierarchical');

    const name = await accessibleName(firstHit);
    const shown = parseTimestampPrefix(name);
    const segment = segmentForName(WORD2VEC, name);
    expect(shown).toBeGreaterThanOrEqual(segment.start);
    expect(shown).toBeGreaterThan(5); // far enough from 0 that a missing seek cannot pass

    await firstHit.click();
    const players = await waitForMainVideoAt(page, shown);
    expect(players.main).toBeGreaterThanOrEqual(segment.start);
    expect(players.main).toBeLessThanOrEqual(segment.end);
    expect(players.seeks).toHaveLength(1);
    expect(Math.floor(players.seeks[0]!)).toBe(shown);
    // The hover preview, also an html5-main-video and earlier in the document, was left alone.
    expect(players.decoy).toBe(0);
  });

  it('Enter in the search box seeks to the first hit, the next Enter to the second', async () => {
    await openWatchPage(WORD2VEC);
    await waitForMainVideoMetadata(page);
    await rewindMainVideo(page);

    // "subsampling", one letter dropped.
    await searchBox(page).fill('subsamplng');
    await hitButtons(page).first().waitFor();
    const hitCount = await hitButtons(page).count();
    expect(hitCount).toBeGreaterThan(1);
    const firstName = await accessibleName(hitButtons(page).nth(0));
    const secondName = await accessibleName(hitButtons(page).nth(1));

    const first = parseTimestampPrefix(firstName);
    const second = parseTimestampPrefix(secondName);
    // Far enough apart (and from 0) that landing on one cannot pass for the other.
    expect(Math.min(first, second)).toBeGreaterThan(5);
    expect(Math.abs(second - first)).toBeGreaterThan(3);

    await searchBox(page).press('Enter');
    let players = await waitForMainVideoAt(page, first);
    const firstSegment = segmentForName(WORD2VEC, firstName);
    expect(players.main).toBeGreaterThanOrEqual(firstSegment.start);
    expect(players.main).toBeLessThanOrEqual(firstSegment.end);
    expect(await searchCount(page)).toBe(`1 of ${hitCount}`);

    await searchBox(page).press('Enter');
    await expect.poll(() => searchCount(page)).toBe(`2 of ${hitCount}`);
    players = await waitForMainVideoAt(page, second);
    const secondSegment = segmentForName(WORD2VEC, secondName);
    expect(players.main).toBeGreaterThanOrEqual(secondSegment.start);
    expect(players.main).toBeLessThanOrEqual(secondSegment.end);
    expect(players.decoy).toBe(0);
  });

  it("keeps keys typed in the search box from YouTube's shortcuts", async () => {
    await openWatchPage(WORD2VEC);

    // The page's listeners do hear keys typed outside the panel.
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    });
    await page.keyboard.press('k');
    expect(await page.evaluate(() => window.ytStandIn.keys)).toContain('document:keydown:k');
    await page.evaluate(() => {
      window.ytStandIn.keys.length = 0;
    });

    await searchBox(page).click();
    await page.keyboard.type('k j l');
    expect(await searchBox(page).inputValue()).toBe('k j l');
    expect(await page.evaluate(() => window.ytStandIn.keys)).toEqual([]);
  });

  it('says so when the video is neither in the dataset nor captioned on YouTube', async () => {
    await page.goto(watchUrl(NOT_IN_DATASET));
    const region = panelRegion(page);
    await region.getByRole('heading', { name: 'No captions for this video' }).waitFor();
    expect(await segmentButtons(page).count()).toBe(0);
    expect(await region.getByRole('searchbox').count()).toBe(0);
    expect(await countPanelHosts(page)).toBe(1);
  });
});

describe('YouTube in-page navigation', () => {
  it('swaps the transcript when another video opens, and puts the panel back when YouTube drops it', async () => {
    await openWatchPage(WORD2VEC);
    await expect.poll(() => segmentButtons(page).count()).toBe(66);
    // Survives only if the document is not reloaded.
    await page.evaluate(() => document.documentElement.setAttribute('data-e2e-same-document', ''));

    // A related video in the sidebar, opened by YouTube's router (which rebuilds the sidebar).
    await page.locator(`#related a[href="/watch?v=${DETR}"]`).click();
    expect(page.url()).toBe(watchUrl(DETR));
    const region = panelRegion(page);
    await region.getByText(titleOf(DETR), { exact: true }).waitFor();
    await expect.poll(() => segmentButtons(page).count()).toBe(26);
    expect(await countPanelHosts(page)).toBe(1);
    expect(await region.getByText(titleOf(WORD2VEC)).count()).toBe(0);
    expect(await accessibleName(segmentButtons(page).first())).toBe(`0:00 ${segmentsOf(DETR)[0]!.text}`);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-e2e-same-document'))).toBe(true);

    // YouTube rebuilds the sidebar later too (related videos arriving): the panel comes back, once.
    await page.evaluate(() => window.ytStandIn.rerenderSidebar());
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelector('ytd-watch-flexy #secondary-inner')?.firstElementChild?.hasAttribute('data-transcript-search') ??
            false,
        ),
      )
      .toBe(true);
    expect(await countPanelHosts(page)).toBe(1);
    expect(await segmentButtons(page).count()).toBe(26);
  });

  it('removes the panel on pages without a video and brings it back on the next one', async () => {
    await openWatchPage(DETR);

    await page.evaluate((href) => window.ytStandIn.navigate(href), `${ORIGIN}/results?search_query=transformers`);
    await expect.poll(() => countPanelHosts(page)).toBe(0);
    expect(await panelRegion(page).count()).toBe(0);

    // From the results page to a video whose transcript starts at 11:13.
    await page.evaluate((href) => window.ytStandIn.navigate(href), watchUrl(DATASET_BIAS));
    await expect.poll(() => segmentButtons(page).count()).toBe(8);
    expect(await accessibleName(segmentButtons(page).first())).toMatch(/^11:13 Jeff Dean says/);
    expect(await countPanelHosts(page)).toBe(1);

    // Back to the results page with the browser's back button.
    await page.goBack();
    expect(page.url()).toBe(`${ORIGIN}/results?search_query=transformers`);
    await expect.poll(() => countPanelHosts(page)).toBe(0);
  });

  it('shows no panel on the home page, then one after opening a video from it', async () => {
    await page.goto(`${ORIGIN}/`);
    await page.getByRole('link', { name: 'Word2Vec explained' }).waitFor();
    // Give the content script time to have drawn a panel, were it going to.
    await page.waitForTimeout(750);
    expect(await countPanelHosts(page)).toBe(0);

    // The content script was there all along: it follows the in-page navigation.
    await page.getByRole('link', { name: 'Word2Vec explained' }).click();
    await expect.poll(() => segmentButtons(page).count()).toBe(66);
    expect(await countPanelHosts(page)).toBe(1);
  });
});
