/**
 * `npm run screenshots`: the store's 1280×800 screenshots (.ci/store/screenshots/),
 * taken in Debian's Chromium with the built extension (.output/chrome-mv3, run
 * `npm run build` first) on the browser tests' stand-in youtube.com. The
 * extension is the real build; the page is the stand-in (black player, plain
 * sidebar), given the video's real title. Not part of `npm test`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, panelRegion, searchBox, segmentButtons } from '../e2e/extension-browser';
import { extensionIdOf, optionsUrl, popupUrl } from '../e2e/extension-pages';
import { watchUrl } from '../e2e/youtube-stand-in';
import { SAMPLE_JSONL, SAMPLE_ROWS } from '../fixtures/sample';

const OUT = resolve(import.meta.dirname, '../../.ci/store/screenshots');
const SIZE = { width: 1280, height: 800 };
const WORD2VEC = 'yexR53My2O4';
const TITLE = SAMPLE_ROWS.find((row) => row.video_id === WORD2VEC)!.title;

/**
 * Closer to YouTube's look than the stand-in needs for tests: a 402 px sidebar
 * (YouTube sets its width; the stand-in only a flex basis), a masthead, the
 * video's real title, and the theme YouTube would be in.
 */
const DRESSING = `
  ytd-masthead { border-bottom: 1px solid var(--line); font-size: 20px; font-weight: 700; }
  ytd-masthead a { color: inherit; text-decoration: none; }
  ytd-masthead input { width: 480px; height: 36px; margin-left: 120px; border: 1px solid var(--line); border-radius: 18px; background: transparent; }
  #secondary { flex: 0 0 402px; width: 402px; min-width: 0; }
  #player { border-radius: 12px; overflow: hidden; }
  #movie_player video { visibility: hidden; }
  #video-title { font-size: 20px; line-height: 28px; margin: 12px 0 4px; }
  #description { color: var(--muted); }
  #related a { color: inherit; text-decoration: none; font-size: 14px; }
  html { --line: #e5e5e5; --muted: #606060; background: #fff; color: #0f0f0f; }
  html[dark] { --line: #3f3f3f; --muted: #aaa; background: #0f0f0f; color: #f1f1f1; }
  html[dark] body { background: #0f0f0f; }
`;

async function dressWatchPage(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(
    ({ title, dark, css }) => {
      document.querySelector('#video-title')!.textContent = title;
      document.querySelector('#logo')!.textContent = '▶ YouTube';
      document.documentElement.toggleAttribute('dark', dark);
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    },
    { title: TITLE, dark: theme === 'dark', css: DRESSING },
  );
}

async function openWatchPage(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.goto(watchUrl(WORD2VEC));
  await segmentButtons(page).first().waitFor();
  await dressWatchPage(page, theme);
  await page.mouse.move(0, 0);
}

async function save(name: string, png: Buffer): Promise<void> {
  await writeFile(join(OUT, name), png);
  console.log(`wrote .ci/store/screenshots/${name}`);
}

/** The popup's own pixels, shown over a watch page where a browser would open it. */
async function composePopup(background: Buffer, popup: Buffer, page: Page): Promise<Buffer> {
  const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await page.setViewportSize(SIZE);
  await page.setContent(
    `<body style="margin:0;position:relative;width:${SIZE.width}px;height:${SIZE.height}px;overflow:hidden">` +
      `<img src="${dataUrl(background)}" style="display:block">` +
      `<img src="${dataUrl(popup)}" style="position:absolute;top:8px;right:16px;border-radius:8px;box-shadow:0 6px 24px rgb(0 0 0 / 35%)">` +
      '</body>',
  );
  return page.screenshot();
}

await mkdir(OUT, { recursive: true });
const dir = await mkdtemp(join(tmpdir(), 'yts-screenshots-'));
const browser = await launchWithExtension();
try {
  const worker = await browser.serviceWorker();
  const extensionId = extensionIdOf(worker);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.setViewportSize(SIZE);

  await openWatchPage(page, 'light');
  await save('1-panel-light.png', await page.screenshot());

  await searchBox(page).fill('negatve sampling');
  await panelRegion(page).getByRole('list', { name: 'Search results' }).getByRole('button').first().waitFor();
  await save('2-search.png', await page.screenshot());

  await openWatchPage(page, 'dark');
  await panelRegion(page).getByRole('button', { name: 'Copy or download transcript' }).click();
  await panelRegion(page).getByRole('menu').waitFor();
  await save('3-panel-dark.png', await page.screenshot());

  // The popup, loaded while the watch page is the active tab (it asks that tab which video it shows).
  await openWatchPage(page, 'light');
  const watchShot = await page.screenshot();
  const popup = await browser.context.newPage();
  await page.bringToFront();
  await popup.setViewportSize({ width: 360, height: 220 });
  await popup.goto(popupUrl(extensionId));
  await popup.getByText(/This video is covered/).waitFor();
  const popupShot = await popup.locator('body').screenshot();
  await save('5-popup.png', await composePopup(watchShot, popupShot, popup));
  await popup.close();

  // A file import, as a user would choose it (the sample, under the public dataset's file name).
  const file = join(dir, 'yt-transcriptions.jsonl');
  await writeFile(file, SAMPLE_JSONL);
  await page.goto(optionsUrl(extensionId));
  await page.getByLabel('Import dataset file', { exact: true }).setInputFiles(file);
  await page.locator('dl.yts-facts > dt:text-is("Source") + dd').filter({ hasText: 'yt-transcriptions.jsonl' }).waitFor();
  await save('4-options-import.png', await page.screenshot());
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
