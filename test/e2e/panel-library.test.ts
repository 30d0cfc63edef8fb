/**
 * Issue 8 in the panel: the "All videos" scope searches the library through
 * the background; a hit in another video goes there in-page, through YouTube's
 * router, at the phrase's second; a hit in the video on the page seeks it.
 * The bundled 3-video sample is the library.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  panelRegion,
  readPlayers,
  readSample,
  rewindMainVideo,
  searchBox,
  segmentButtons,
  waitForMainVideoMetadata,
  type ExtensionBrowser,
  type SampleSegment,
} from './extension-browser';
import { watchUrl } from './youtube-stand-in';
import { WORD2VEC, DETR } from '../fixtures/sample-videos';

const POLL = { timeout: 15_000, interval: 100 };

let browser: ExtensionBrowser;
let page: Page;
let sample: SampleSegment[];

beforeAll(async () => {
  sample = await readSample();
  browser = await launchWithExtension();
  await browser.serviceWorker();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
}, 120_000);

afterAll(async () => {
  await browser.close();
  expect(browser.log.blocked.filter((url) => !url.startsWith('https://i.ytimg.com/'))).toEqual([]);
});

/** The second a phrase is said: its segment's start plus its share of the text's length, one second early, whole seconds. */
function phraseSecond(videoId: string, phrase: string): number {
  const segment = sample.find((candidate) => candidate.videoId === videoId && candidate.text.includes(phrase));
  if (!segment) throw new Error(`${videoId} never says "${phrase}"`);
  const share = segment.text.indexOf(phrase) / segment.text.length;
  return Math.floor(segment.start + share * (segment.end - segment.start) - 1);
}

const scopeButton = (name: string) => panelRegion(page).getByRole('group', { name: 'Search in' }).getByRole('button', { name });
const libraryBox = () => panelRegion(page).getByRole('searchbox', { name: 'Search all videos' });
const mainVideoTime = async () => (await readPlayers(page)).main;

describe('the panel\'s "All videos" scope', () => {
  it('finds a phrase in another video and lands there at its second, without reloading the page', async () => {
    await page.goto(watchUrl(WORD2VEC));
    await segmentButtons(page).first().waitFor();
    // Gone after a page load: the navigation must be YouTube's in-page one.
    await page.evaluate(() => ((window as unknown as { ytsSameDocument: boolean }).ytsSameDocument = true));
    const served = browser.log.served.filter((path) => path.startsWith('/watch')).length;

    await searchBox(page).fill('bipartite matching what');
    await scopeButton('All videos').click();
    expect(await scopeButton('All videos').getAttribute('aria-pressed')).toBe('true');
    expect(await scopeButton('This video').getAttribute('aria-pressed')).toBe('false');
    // The query moved to the library's box, which has the focus.
    expect(await libraryBox().inputValue()).toBe('bipartite matching what');
    await expect.poll(() => libraryBox().evaluate((box) => box === (box.getRootNode() as ShadowRoot).activeElement), POLL).toBe(true);
    const detrTitle = sample.find((segment) => segment.videoId === DETR)!.title;
    const videos = panelRegion(page).getByRole('list', { name: 'Videos' });
    await expect.poll(() => videos.getByRole('heading').first().textContent(), POLL).toBe(detrTitle);

    if (process.env.YTS_SCREENSHOTS) await panelRegion(page).screenshot({ path: '.github/screenshots/panel-all-videos.png' });
    const second = phraseSecond(DETR, 'bipartite matching what');
    const hit = panelRegion(page).getByRole('link', { name: /bipartite matching what/ }).first();
    expect(await hit.getAttribute('href')).toBe(`https://www.youtube.com/watch?v=${DETR}&t=${second}s`);
    // Keyboard only: ↓ from the box to the first hit, Enter opens it.
    await libraryBox().press('ArrowDown');
    await page.keyboard.press('Enter');

    await page.waitForURL(`**/watch?v=${DETR}&t=${second}s`, POLL);
    expect(await page.evaluate(() => (window as unknown as { ytsSameDocument?: boolean }).ytsSameDocument)).toBe(true);
    expect(browser.log.served.filter((path) => path.startsWith('/watch')).length).toBe(served);
    expect(await page.evaluate(() => window.ytStandIn.routed)).toEqual([DETR]);
    await waitForMainVideoMetadata(page);
    await expect.poll(mainVideoTime, POLL).toBeGreaterThanOrEqual(second);
    expect(await mainVideoTime()).toBeLessThan(second + 2);
    // The panel follows: the new video's transcript, the scope and the query kept.
    await expect.poll(() => scopeButton('All videos').getAttribute('aria-pressed'), POLL).toBe('true');
    expect(await libraryBox().inputValue()).toBe('bipartite matching what');
  });

  it('seeks when the hit is in the video on the page, and hands the query back to "This video"', async () => {
    await page.goto(watchUrl(DETR));
    await segmentButtons(page).first().waitFor();
    await waitForMainVideoMetadata(page);
    await rewindMainVideo(page);
    await scopeButton('All videos').click();
    await libraryBox().fill('object detection with transformers');
    const hit = panelRegion(page).getByRole('link', { name: /object detection with transformers/ }).first();
    await hit.waitFor(POLL);
    const second = phraseSecond(DETR, 'object detection with transformers');
    expect(await hit.getAttribute('href')).toBe(`https://www.youtube.com/watch?v=${DETR}&t=${second}s`);
    await hit.click();
    await expect.poll(mainVideoTime, POLL).toBeGreaterThanOrEqual(second);
    expect(await mainVideoTime()).toBeLessThan(second + 2);
    expect(new URL(page.url()).searchParams.get('v')).toBe(DETR);
    expect(await page.evaluate(() => window.ytStandIn.routed)).toEqual([]);

    await scopeButton('This video').click();
    expect(await searchBox(page).inputValue()).toBe('object detection with transformers');
    await expect.poll(() => panelRegion(page).getByRole('list', { name: 'Search results' }).getByRole('button').count(), POLL).toBeGreaterThan(0);
  });
});
