/**
 * A 3-hour talk of 4,000 caption lines in 16 chapters (issue 11) in Debian's
 * Chromium with the built extension: only rows near the view are drawn, and
 * yet the keys reach the last line, the list follows playback anywhere in
 * the talk, "Back to current" brings the playing line back, and a search hit
 * far down is one Enter away.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibleName,
  launchWithExtension,
  panelRegion,
  searchBox,
  segmentButtons,
  waitForMainVideoMetadata,
  type ExtensionBrowser,
} from './extension-browser';
import { LONG_CAPTIONED, STAND_IN_CAPTIONS } from './stand-in/captions';
import { watchUrl } from './youtube-stand-in';

const LINES = STAND_IN_CAPTIONS[LONG_CAPTIONED]!.lines.en!;
const POLL = { timeout: 15_000, interval: 100 };

let browser: ExtensionBrowser;
let page: Page;

/** "2:59:57", as the panel prints a time (here from the stand-in's own line data). */
function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = String(Math.floor((whole % 3600) / 60)).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${m}:${String(whole % 60).padStart(2, '0')}`;
}
const nameOf = (line: { start: number; text: string }): string => `${clock(line.start)} ${line.text}`;
const focusedName = (): Promise<string> => page.evaluate(() => {
  const host = document.querySelector('[data-transcript-search]');
  return host?.shadowRoot?.activeElement?.textContent ?? '';
});
/** Whether the playing line's button lies inside the list's visible box. */
const isPlayingLineInView = (): Promise<boolean> =>
  page.evaluate(() => {
    const root = document.querySelector('[data-transcript-search]')?.shadowRoot;
    const list = root?.querySelector('[aria-label="Transcript segments"]');
    const playing = root?.querySelector('[aria-current="time"]');
    if (!list || !playing) return false;
    const outer = list.getBoundingClientRect();
    const inner = playing.getBoundingClientRect();
    return inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
  });

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.serviceWorker();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(watchUrl(LONG_CAPTIONED));
  await segmentButtons(page).first().waitFor();
});

afterAll(async () => {
  await browser.close();
});

describe('a 4,000-line caption transcript', () => {
  it('draws a window of it, the first line first, each row knowing its place in the whole list', async () => {
    expect(await accessibleName(segmentButtons(page).first())).toBe(nameOf(LINES[0]!));
    const drawn = await segmentButtons(page).count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(200);
    const list = panelRegion(page).getByRole('list', { name: 'Transcript segments' });
    expect(await list.getByRole('listitem').first().getAttribute('aria-setsize')).toBe(String(LINES.length + 16));
  });

  it('reaches the last line with End and comes back with Home', async () => {
    await segmentButtons(page).first().focus();
    await page.keyboard.press('End');
    await expect.poll(focusedName, POLL).toBe(nameOf(LINES.at(-1)!));
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedName, POLL).toBe(nameOf(LINES.at(-2)!));
    await page.keyboard.press('Home');
    await expect.poll(focusedName, POLL).toBe(nameOf(LINES[0]!));
  });

  it('follows playback deep into the talk, and "Back to current" brings the playing line back after a scroll', async () => {
    await panelRegion(page).getByRole('button', { name: 'Back to current' }).click();
    await waitForMainVideoMetadata(page);
    await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!;
      video.currentTime = 3_000;
    });
    const expected = LINES.filter((line) => line.start <= 3_000).at(-1)!;
    const playing = panelRegion(page).getByRole('list', { name: 'Transcript segments' }).locator('[aria-current="time"]');
    await expect.poll(() => playing.textContent(), POLL).toBe(nameOf(expected));
    await expect.poll(isPlayingLineInView, POLL).toBe(true);

    await page.evaluate(() => {
      const list = document.querySelector('[data-transcript-search]')!.shadowRoot!.querySelector('[aria-label="Transcript segments"]')!;
      list.scrollTop = 0;
    });
    const back = panelRegion(page).getByRole('button', { name: 'Back to current' });
    await back.waitFor();
    expect(await isPlayingLineInView()).toBe(false);
    await back.click();
    await expect.poll(isPlayingLineInView, POLL).toBe(true);
  });

  it('steps from the first hit back to the last, far down the list, and names it', async () => {
    const withWord = LINES.filter((line) => line.text.split(' ').includes('gradient'));
    expect(withWord.length).toBeGreaterThan(200);
    await searchBox(page).fill('gradient');
    const results = panelRegion(page).getByRole('list', { name: 'Search results' });
    const current = results.locator('[aria-current="true"]');
    await current.waitFor();
    await expect.poll(() => panelRegion(page).getByRole('status').filter({ hasText: / of / }).first().textContent(), POLL).toMatch(
      new RegExp(`^1 of ${withWord.length}`),
    );
    await searchBox(page).press('ArrowUp');
    await expect.poll(() => current.locator('xpath=..').getAttribute('aria-posinset'), POLL).toBe(String(withWord.length));
    expect(await accessibleName(current)).toMatch(/gradient/);
  });
});
