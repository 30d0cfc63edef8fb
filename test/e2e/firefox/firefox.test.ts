/**
 * The Firefox build in Debian's Firefox ESR: installed unmodified as a temporary
 * add-on (MV3, background scripts, its fixed add-on id), the panel on the stand-in
 * youtube.com, search, seeking the main video, and an import from the options page.
 * One browser and one dataset server for the file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonLinesText } from '../../fixtures/dataset-files';
import { SAMPLE_ROWS } from '../../fixtures/sample';
import { startDatasetServer, type DatasetServer } from '../dataset-server';
import { parseSrtStrictly } from '../../lib/export/srt-parser';
import { parseTimestampPrefix } from '../extension-browser';
import { hasMainVideoMetadataInPage, readPlayersInPage, rewindMainVideoInPage, type PlayerSnapshot } from '../stand-in/players';
import { watchUrl } from '../stand-in/page';
import { findOne, inPanel, launchFirefoxWithExtension, PANEL, textsOf, waitInPanel, type FirefoxWithExtension } from './firefox-browser';
import { WORD2VEC } from '../../fixtures/sample-videos';

const POLL = { timeout: 15_000, interval: 100 };

let firefox: FirefoxWithExtension;
let server: DatasetServer;
let watch: Page;

/** Firefox's `browser` global, as an extension page has it. */
interface WithBrowserApi {
  browser: {
    permissions: { remove: (p: { origins: string[] }) => Promise<boolean>; contains: (p: { origins: string[] }) => Promise<boolean> };
  };
}

const word2vecRows = () => SAMPLE_ROWS.filter((row) => row.video_id === WORD2VEC).sort((a, b) => a.start_second - b.start_second);

beforeAll(async () => {
  server = await startDatasetServer();
  firefox = await launchFirefoxWithExtension();
  watch = await firefox.newStandInPage();
});

afterAll(async () => {
  await firefox.close();
  await server.close();
  // Everything the pages asked for came from the stand-in.
  expect(firefox.log.blocked).toEqual([]);
});

async function openWatchPage(videoId: string): Promise<void> {
  await watch.goto(watchUrl(videoId));
  await waitInPanel(watch, PANEL.segmentButtons);
}

/** Polls until the main video is at `shownSeconds` (a hit's `m:ss`), allowing for playback moving on a little. */
async function waitForMainVideoAt(shownSeconds: number): Promise<PlayerSnapshot> {
  await watch.waitForFunction(
    (shown) => {
      const video = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video');
      return video !== null && video.currentTime >= shown - 0.5 && video.currentTime < shown + 1.5;
    },
    { timeout: 5_000 },
    shownSeconds,
  );
  return watch.evaluate(readPlayersInPage);
}

describe('the Firefox add-on', () => {
  it('lists every segment of a dataset video in the panel, first at 0:00', async () => {
    await openWatchPage(WORD2VEC);
    const rows = word2vecRows();
    await expect.poll(async () => (await textsOf(watch, PANEL.segmentButtons)).length, POLL).toBe(rows.length);
    const texts = await textsOf(watch, PANEL.segmentButtons);
    expect(texts[0]).toBe(`0:00 ${rows[0]!.text.trim().replace(/\s+/g, ' ')}`);
    expect(texts.at(-1)).toMatch(/^30:30 /);
    // First in the sidebar, once.
    expect(
      await watch.evaluate(() => [
        document.querySelectorAll('[data-transcript-search]').length,
        document.querySelector('ytd-watch-flexy #secondary-inner')?.firstElementChild?.hasAttribute('data-transcript-search'),
      ]),
    ).toEqual([1, true]);
  });

  it('marks a misspelled search hit, and a click seeks the main video to it over HTTP ranges', async () => {
    await openWatchPage(WORD2VEC);
    await watch.waitForFunction(hasMainVideoMetadataInPage);
    await watch.evaluate(rewindMainVideoInPage);

    // "hierarchical", one letter dropped.
    await (await findOne(watch, PANEL.searchBox)).type('hierarhical');
    await waitInPanel(watch, PANEL.hitButtons);
    const marks = await textsOf(watch, PANEL.marks);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.map((mark) => mark.toLowerCase())).toContain('hierarchical');

    const [firstHit] = await watch.$$(PANEL.hitButtons);
    const name = (await textsOf(watch, PANEL.hitButtons))[0]!;
    const shown = parseTimestampPrefix(name);
    const segment = word2vecRows().find((row) => name.endsWith(row.text.trim().replace(/\s+/g, ' ')));
    expect(segment).toBeDefined();
    expect(shown).toBeGreaterThanOrEqual(segment!.start_second);
    expect(shown).toBeGreaterThan(5); // far enough from 0 that a missing seek cannot pass

    await firstHit!.click();
    const players = await waitForMainVideoAt(shown);
    expect(players.main).toBeGreaterThanOrEqual(segment!.start_second);
    expect(players.main).toBeLessThanOrEqual(segment!.end_second);
    expect(players.seeks).toHaveLength(1);
    expect(Math.floor(players.seeks[0]!)).toBe(shown);
    // The hover preview, also an html5-main-video and earlier in the document, was left alone.
    expect(players.decoy).toBe(0);
    // Firefox fetched the video in byte ranges, answered with 206.
    expect(firefox.log.videoRanges.some((range) => range.startsWith('bytes='))).toBe(true);
  });

  it('copies the transcript with timestamps, and downloads SubRip named after the title', async () => {
    await openWatchPage(WORD2VEC);
    const rows = word2vecRows();
    await (await findOne(watch, PANEL.menuButton)).click();
    await (await findOne(watch, PANEL.menuItem('Copy with timestamps'))).click();
    await waitInPanel(watch, inPanel('[role="status"]::-p-text(Transcript with timestamps copied)'));
    const lines = (await watch.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(lines).toHaveLength(rows.length);
    expect(lines[0]).toBe(`0:00 ${rows[0]!.text.trim().replace(/\s+/g, ' ')}`);

    await (await findOne(watch, PANEL.menuButton)).click();
    await (await findOne(watch, PANEL.menuItem('Download subtitles (.srt)'))).click();
    const fileName = '[Classic] Word2Vec Distributed Representations of Words and Phrases and their Compositionality.srt';
    await expect.poll(() => readdir(firefox.downloadDir), POLL).toContain(fileName);
    // Firefox writes a .part file first and renames it when done.
    await expect.poll(async () => parseSrtStrictly(await readFile(join(firefox.downloadDir, fileName), 'utf8')).length, POLL).toBe(rows.length);
    const cues = parseSrtStrictly(await readFile(join(firefox.downloadDir, fileName), 'utf8'));
    expect(cues.map((cue) => [cue.start, cue.end])).toEqual(rows.map((row) => [row.start_second, row.end_second]));
  });

  it('imports a dataset from a URL on the options page, and the panel shows it', async () => {
    const marker = 'firefoxmarker';
    const rows = SAMPLE_ROWS.filter((row) => row.video_id === WORD2VEC).map((row) => ({ ...row, text: `${marker} ${row.text}` }));
    server.serve('/firefox.jsonl', { body: new TextEncoder().encode(toJsonLinesText(rows)), contentType: 'application/jsonl', cors: true });
    const url = server.url('/firefox.jsonl');

    const options = await firefox.browser.newPage();
    await firefox.openExtensionPage(options, 'options.html');
    const field = await findOne(options, 'aria/Dataset URL[role="textbox"]');
    await field.click({ count: 3 });
    await field.type(url);
    await (await findOne(options, 'aria/Load[role="button"]')).click();

    const fact = (name: string) =>
      options.evaluate(
        (term) => [...document.querySelectorAll('dt')].find((dt) => dt.textContent === term)?.nextElementSibling?.textContent ?? '',
        name,
      );
    await expect.poll(() => fact('Source'), POLL).toContain(url);
    await expect.poll(() => fact('Segments'), POLL).toBe(String(rows.length));
    expect(await fact('Videos')).toBe('1');
    expect(server.downloads('/firefox.jsonl').map((request) => request.status)).toEqual([200]);
    await options.close();

    await openWatchPage(WORD2VEC);
    await expect.poll(async () => (await textsOf(watch, PANEL.segmentButtons))[0], POLL).toMatch(new RegExp(`^0:00 ${marker} `));
  });

  it('shows no panel once YouTube access is withdrawn, and the popup asks for it back', async () => {
    const popup = await firefox.browser.newPage();
    await firefox.openExtensionPage(popup, 'popup.html');
    const youtube = ['https://m.youtube.com/*', 'https://music.youtube.com/*', 'https://www.youtube.com/*'];
    // What the add-on's Permissions tab in about:addons does when the user turns YouTube off.
    expect(await popup.evaluate((origins) => (globalThis as unknown as WithBrowserApi).browser.permissions.remove({ origins }), youtube)).toBe(true);

    await watch.goto(watchUrl(WORD2VEC));
    await watch.waitForFunction(() => document.querySelector('ytd-watch-flexy #secondary-inner #related') !== null);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await watch.$$(PANEL.region)).toHaveLength(0);

    await popup.close();
    const popupAgain = await firefox.browser.newPage();
    await firefox.openExtensionPage(popupAgain, 'popup.html');
    await popupAgain.waitForFunction(
      () => document.querySelector('[role="alert"]')?.textContent.startsWith('Transcript Search is not allowed on YouTube, so the panel cannot appear there.') === true,
    );
    await (await findOne(popupAgain, 'aria/Allow on YouTube[role="button"]')).click();
    await popupAgain.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === 'Allowed. Reload the YouTube tab to show the panel.');
    expect(await popupAgain.evaluate((origins) => (globalThis as unknown as WithBrowserApi).browser.permissions.contains({ origins }), youtube)).toBe(true);
    await popupAgain.close();

    // Firefox registers the content scripts again shortly after the grant (slower under load):
    // reload, as the popup tells the user to, until the panel is there.
    const panelAfterReload = async () => {
      await watch.goto(watchUrl(WORD2VEC));
      return (await waitInPanel(watch, PANEL.segmentButtons, { timeout: 3_000 }).catch(() => null)) !== null;
    };
    await expect.poll(panelAfterReload, { timeout: 30_000, interval: 500 }).toBe(true);
    expect((await textsOf(watch, PANEL.segmentButtons)).length).toBe(word2vecRows().length);
  });
});
