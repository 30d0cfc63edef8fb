/**
 * `npm run icons`: renders .ci/store/icon.svg (and .ci/store/icon-16.svg for the
 * smallest size) to public/icon/<size>.png with Debian's Chromium, the sizes
 * the stores and toolbars use. WXT lists them in the manifest. The PNGs are
 * committed, so a build needs no browser; rerun this after editing the SVGs.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, HEADLESS_CHROMIUM_ARGS } from '../support/chromium';

const ROOT = resolve(import.meta.dirname, '../..');
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
/** Sizes drawn from the small-size cut, whose strokes are placed on the pixel grid. */
const SMALL_CUT_MAX = 16;
/**
 * Transparent margin per side: Chrome's 128 px icon is 96 px of artwork with 16 px
 * around it (developer.chrome.com, "Supply images": icon size), as the store shows it.
 */
const MARGIN: Partial<Record<number, number>> = { 128: 16 };

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...HEADLESS_CHROMIUM_ARGS] });
try {
  const large = await readFile(join(ROOT, '.ci/store/icon.svg'), 'utf8');
  const small = await readFile(join(ROOT, '.ci/store/icon-16.svg'), 'utf8');
  await mkdir(join(ROOT, 'public/icon'), { recursive: true });
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const margin = MARGIN[size] ?? 0;
    const art = size - 2 * margin;
    const svg = (size <= SMALL_CUT_MAX ? small : large).replace(/width="\d+" height="\d+"/, `width="${art}" height="${art}"`);
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;margin:${margin}px}</style>${svg}`,
    );
    const path = join(ROOT, 'public/icon', `${size}.png`);
    await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`wrote ${path}`);
  }
} finally {
  await browser.close();
}
