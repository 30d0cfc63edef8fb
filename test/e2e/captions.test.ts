/**
 * YouTube's own captions on videos the dataset lacks, in Debian's Chromium
 * with the built extension, on the stand-in youtube.com (./stand-in/captions.ts):
 * get_panel answers, get_transcript is dead (400), /api/timedtext gives an
 * empty 200 without the player's token, and #movie_player.getPlayerResponse()
 * follows in-page navigation. One browser (one profile, so one captions cache)
 * for the file; the tests run in order.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibleName,
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
} from './extension-browser';
import { CAPTIONED, CAPTIONED_AUTO_ONLY, CAPTIONED_CHOICE, CAPTIONED_UNSEEN, MARKUP_LINE, pageParamsFor, STAND_IN_CAPTIONS } from './stand-in/captions';
import { watchUrl } from './youtube-stand-in';
import { DETR, NOT_IN_DATASET } from '../fixtures/sample-videos';

const DATASET_VIDEO = DETR;
const NO_CAPTIONS = NOT_IN_DATASET;
const POLL = { timeout: 15_000, interval: 100 };

let browser: ExtensionBrowser;
let page: Page;

const linesOf = (videoId: string, track: string): string[] => STAND_IN_CAPTIONS[videoId]!.lines[track]!.map((line) => line.text);
const heading = (target: Page, name: string) => panelRegion(target).getByRole('heading', { name, exact: true });
/** What the panel's transcript is of, under its "Transcript" title. */
const source = (target: Page, name: string) => panelRegion(target).getByText(name, { exact: true });
const trackSelect = (target: Page) => panelRegion(target).getByRole('combobox', { name: 'Captions track' });
const lineTexts = async (target: Page): Promise<string[]> =>
  (await segmentButtons(target).allTextContents()).map((text) => text.replace(/^\S+\s/, ''));
const panelRequests = () => browser.log.served.filter((path) => path.startsWith('/youtubei/v1/get_panel'));
const lastPanelRequest = () => JSON.parse(browser.log.panelBodies.at(-1) ?? '{}') as { params?: string; context?: { client?: Record<string, string> } };

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.serviceWorker();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await browser.close();
});

describe("YouTube's captions for videos the dataset lacks", () => {
  it('lists every line of a captioned video on a full page load, with chapters, search, jump and follow-along', async () => {
    await page.goto(watchUrl(CAPTIONED));
    await source(page, 'YouTube captions · English').waitFor();
    await expect.poll(() => lineTexts(page), POLL).toEqual(linesOf(CAPTIONED, 'en'));
    expect(await segmentButtons(page).first().textContent()).toMatch(/^0:00 welcome back/);
    // Chapters are headings between the lines, not buttons.
    expect(await panelRegion(page).getByRole('list', { name: 'Transcript segments' }).getByRole('heading').allTextContents()).toEqual([
      'Intro',
      'Sampling words',
    ]);
    expect(await trackSelect(page).inputValue()).toBe('.en');
    // Asked as the watch page asks: its own params, ytcfg's client, the track's language.
    expect(lastPanelRequest()).toMatchObject({
      params: pageParamsFor(CAPTIONED),
      context: { client: { clientName: 'WEB', clientVersion: '2.20261120.01.00', hl: 'en', gl: 'US' } },
    });
    // The old transcript endpoint is dead: never asked.
    expect(browser.log.served.filter((path) => path.startsWith('/youtubei/v1/get_transcript'))).toEqual([]);

    await waitForMainVideoMetadata(page);
    await rewindMainVideo(page);
    await searchBox(page).fill('vocabulray'); // typo
    await hitButtons(page).first().waitFor();
    expect((await hitButtons(page).first().locator('mark').first().textContent())?.toLowerCase()).toBe('vocabulary');
    await expect.poll(() => panelRegion(page).getByRole('status').filter({ hasText: /^\d+ of \d+/ }).textContent(), POLL).toMatch(/^1 of 1/);
    const shown = parseTimestampPrefix(await accessibleName(hitButtons(page).first()));
    expect(shown).toBeGreaterThanOrEqual(1200); // the line at 20:00
    await hitButtons(page).first().click();
    await expect.poll(async () => (await readPlayers(page)).main, POLL).toBeGreaterThanOrEqual(shown - 0.5);

    // Follow-along: the line being spoken is marked.
    await searchBox(page).fill('');
    await expect.poll(() => panelRegion(page).locator('[aria-current="time"]').textContent(), POLL).toMatch(/^20:00 the softmax/);
  });

  it('shows markup in a caption line as text, and never runs it', async () => {
    await page.goto(watchUrl(CAPTIONED));
    const line = segmentButtons(page).filter({ hasText: 'is not a picture' });
    await line.waitFor();
    expect(await accessibleName(line)).toBe(`30:00 ${MARKUP_LINE}`);
    expect(await panelRegion(page).locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __captionsPwned?: boolean }).__captionsPwned)).toBeUndefined();
  });

  it('follows in-page navigation between two captioned videos, never showing the previous one', async () => {
    await page.goto(watchUrl(CAPTIONED));
    await source(page, 'YouTube captions · English').waitFor();
    await page.evaluate((id) => window.ytStandIn.navigate(`/watch?v=${id}`), CAPTIONED_AUTO_ONLY);
    await source(page, 'YouTube captions · English (auto-generated)').waitFor();
    await expect.poll(() => lineTexts(page), POLL).toEqual(linesOf(CAPTIONED_AUTO_ONLY, 'a.en'));
    // The page data of that navigation, not the first page's stale ytInitialData.
    expect(lastPanelRequest().params).toBe(pageParamsFor(CAPTIONED_AUTO_ONLY));

    // A slow answer for a video the page has already left is never shown.
    browser.log.panelDelayMs = 1_500;
    try {
      const asked = browser.log.panelBodies.length;
      await page.evaluate((id) => window.ytStandIn.navigate(`/watch?v=${id}`), CAPTIONED_UNSEEN);
      await expect.poll(() => browser.log.panelBodies.length, POLL).toBe(asked + 1);
      await page.evaluate((id) => window.ytStandIn.navigate(`/watch?v=${id}`), NO_CAPTIONS);
      await heading(page, 'No captions for this video').waitFor();
      await page.waitForTimeout(2_500); // the slow answer has come by now
      expect(await heading(page, 'No captions for this video').count()).toBe(1);
      expect(await segmentButtons(page).count()).toBe(0);
    } finally {
      browser.log.panelDelayMs = 0;
    }
  });

  it('says in one line when a video has no captions', async () => {
    await page.goto(watchUrl(NO_CAPTIONS));
    await heading(page, 'No captions for this video').waitFor();
    expect(await segmentButtons(page).count()).toBe(0);
    expect(await panelRegion(page).getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });

  it('shows the dataset for a video the dataset has, even when YouTube has captions for it', async () => {
    const detr = (await readSample()).filter((segment) => segment.videoId === DATASET_VIDEO);
    await page.goto(watchUrl(DATASET_VIDEO));
    await source(page, detr[0]!.title).waitFor();
    await expect.poll(() => segmentButtons(page).count(), POLL).toBe(detr.length);
    expect(await trackSelect(page).count()).toBe(0);
    expect(await panelRegion(page).getByText('captions the panel must not show', { exact: false }).count()).toBe(0);
  });

  it('switches to the auto-generated track: blocked without the token, then read from the player once its captions are on', async () => {
    await page.goto(watchUrl(CAPTIONED));
    await source(page, 'YouTube captions · English').waitFor();

    await trackSelect(page).selectOption({ label: 'English (auto-generated)' });
    await heading(page, 'YouTube did not return captions').waitFor();
    expect(await panelRegion(page).getByText(/^Details: /).textContent()).toBe(
      "Details: player: the player has not loaded this track; timedtext: not asked (the track needs the player's proof-of-origin token)",
    );
    // The track's address needs the player's token (exp=xpe): never asked without it.
    expect(browser.log.served.filter((path) => path.startsWith('/api/timedtext') && !path.includes('pot='))).toEqual([]);

    // The viewer turns YouTube's captions on for that track: the player fetches it with its token.
    const servedBefore = browser.log.served.length;
    expect(await page.evaluate(() => window.ytStandIn.turnOnCaptions('en', 'asr'))).toBe(200);
    await source(page, 'YouTube captions · English (auto-generated)').waitFor();
    await expect.poll(() => lineTexts(page), POLL).toEqual(linesOf(CAPTIONED, 'a.en'));
    // Read from the player's answer: the panel itself asked YouTube nothing more.
    const captionRequests = browser.log.served.slice(servedBefore).filter((path) => /^\/(youtubei|api\/timedtext)/.test(path));
    expect(captionRequests).toHaveLength(1);
    expect(captionRequests[0]).toContain('pot=');
    expect(await trackSelect(page).inputValue()).toBe('a.en');

    // The choice is remembered for the video.
    await page.reload();
    await source(page, 'YouTube captions · English (auto-generated)').waitFor();
    expect(await trackSelect(page).inputValue()).toBe('a.en');
  });

  it('shows the remembered track after a reload, fetching it rather than showing another track it has cached', async () => {
    // YouTube out of reach at first: nothing of this video gets cached by the default (English) fetch.
    browser.log.captionsUnreachable = true;
    try {
      await page.goto(watchUrl(CAPTIONED_CHOICE));
      await heading(page, 'YouTube did not return captions').waitFor();
      await trackSelect(page).selectOption({ label: 'English (auto-generated)' });
      // The automatic track's own failure (the panel is never asked for it beside a manual one).
      await expect.poll(() => panelRegion(page).getByText(/^Details: /).textContent(), POLL).toMatch(/^Details: player: /);
      // The player loads the automatic track with its token: the panel reads it, and caches it.
      browser.log.captionsUnreachable = false;
      expect(await page.evaluate(() => window.ytStandIn.turnOnCaptions('en', 'asr'))).toBe(200);
      await source(page, 'YouTube captions · English (auto-generated)').waitFor();
      await expect.poll(() => lineTexts(page), POLL).toEqual(linesOf(CAPTIONED_CHOICE, 'a.en'));

      // The viewer chooses English while YouTube is out of reach: remembered, not fetched.
      browser.log.captionsUnreachable = true;
      await trackSelect(page).selectOption({ label: 'English' });
      await heading(page, 'YouTube did not return captions').waitFor();
    } finally {
      browser.log.captionsUnreachable = false;
    }

    await page.reload();
    await source(page, 'YouTube captions · English').waitFor();
    await expect.poll(() => lineTexts(page), POLL).toEqual(linesOf(CAPTIONED_CHOICE, 'en'));
    expect(await trackSelect(page).inputValue()).toBe('.en');
  });

  it('opens a video seen before from the captions cache when YouTube cannot be reached', async () => {
    browser.log.captionsUnreachable = true;
    try {
      const before = panelRequests().length;
      const blockedBefore = browser.log.blocked.length;
      await page.goto(watchUrl(CAPTIONED_AUTO_ONLY));
      await source(page, 'YouTube captions · English (auto-generated)').waitFor();
      await expect.poll(() => lineTexts(page), POLL).toEqual(linesOf(CAPTIONED_AUTO_ONLY, 'a.en'));
      expect(panelRequests().length).toBe(before);
      expect(browser.log.blocked.slice(blockedBefore).filter((entry) => entry.startsWith('unreachable'))).toEqual([]);
    } finally {
      browser.log.captionsUnreachable = false;
    }
  });
});
