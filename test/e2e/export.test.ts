/**
 * Copy and download from the panel's header menu, in Debian's Chromium with the
 * built extension: what reaches the clipboard and the file the browser saves.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../fixtures/sample';
import { parseSrtStrictly } from '../lib/export/srt-parser';
import { countHits, hitButtons, launchWithExtension, panelRegion, searchBox, segmentButtons, type ExtensionBrowser } from './extension-browser';
import { ORIGIN, watchUrl } from './youtube-stand-in';
import { WORD2VEC } from '../fixtures/sample-videos';

const rows = SAMPLE_ROWS.filter((row) => row.video_id === WORD2VEC).sort((a, b) => a.start_second - b.start_second);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await browser.close();
});

const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());

async function choose(item: string): Promise<void> {
  await panelRegion(page).getByRole('button', { name: 'Copy or download transcript' }).click();
  await panelRegion(page).getByRole('menuitem', { name: item }).click();
}

describe('copy and download from the panel', () => {
  it('copies the transcript with timestamps to the clipboard', async () => {
    await page.goto(watchUrl(WORD2VEC));
    await segmentButtons(page).first().waitFor();
    await choose('Copy with timestamps');
    await panelRegion(page).getByRole('status').filter({ hasText: 'Transcript with timestamps copied' }).waitFor();
    const lines = (await readClipboard()).split('\n');
    expect(lines).toHaveLength(rows.length);
    expect(lines[0]).toBe(`0:00 ${oneLine(rows[0]!.text)}`);
  });

  it('copies only the search matches, each with a link', async () => {
    await page.goto(watchUrl(WORD2VEC));
    await searchBox(page).fill('negative sampling');
    await hitButtons(page).first().waitFor();
    const count = await countHits(page);
    expect(count).toBeGreaterThanOrEqual(await hitButtons(page).count()); // the rows drawn are those near the view
    await choose('Copy matches');
    await panelRegion(page).getByRole('status').filter({ hasText: `${count} matches copied` }).waitFor();
    const copied = await readClipboard();
    expect(copied.split('\n')[0]).toBe(`${count} matches for "negative sampling" in ${rows[0]!.title}`);
    expect(copied.match(/^https:\/\/www\.youtube\.com\/watch\?v=yexR53My2O4&t=\d+s$/gm)).toHaveLength(count);
  });

  it('downloads SubRip as a file named after the title', async () => {
    await page.goto(watchUrl(WORD2VEC));
    await segmentButtons(page).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), choose('Download subtitles (.srt)')]);
    expect(download.suggestedFilename()).toBe('[Classic] Word2Vec Distributed Representations of Words and Phrases and their Compositionality.srt');
    const cues = parseSrtStrictly(await readFile(await download.path(), 'utf8'));
    expect(cues.map((cue) => [cue.start, cue.end])).toEqual(rows.map((row) => [row.start_second, row.end_second]));
    expect(cues[0]!.text).toBe(oneLine(rows[0]!.text));
  });
});
