/**
 * What the look tests share: the window sizes and themes every state is shot
 * in, YouTube's theme on the stand-in page, saving a screenshot under
 * test/e2e/screenshots/ (git-ignored; the README's picture,
 * .github/screenshots/panel.png, is a copy of panel-search-light-1280x800.png),
 * and axe-core's serious and critical findings.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots', import.meta.url));

export const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '800x600', width: 800, height: 600 },
] as const;
export type Size = (typeof SIZES)[number];

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * YouTube's own theme, as its pages set it: the `dark` attribute on `<html>`
 * and the `--yt-spec-*` variables (which reach into the panel's shadow root),
 * with the page's background. Values from youtube.com's stylesheets.
 */
const YOUTUBE_THEME_CSS = `
  html {
    --yt-spec-base-background: #fff; --yt-spec-text-primary: #0f0f0f; --yt-spec-text-secondary: #606060;
    --yt-spec-10-percent-layer: rgba(0, 0, 0, 0.1); --yt-spec-badge-chip-background: rgba(0, 0, 0, 0.05);
    --yt-spec-call-to-action: #065fd4;
    color: #0f0f0f;
  }
  html[dark] {
    --yt-spec-base-background: #0f0f0f; --yt-spec-text-primary: #f1f1f1; --yt-spec-text-secondary: #aaa;
    --yt-spec-10-percent-layer: rgba(255, 255, 255, 0.2); --yt-spec-badge-chip-background: rgba(255, 255, 255, 0.1);
    --yt-spec-call-to-action: #3ea6ff;
    color: #f1f1f1;
  }
  html[dark], html[dark] body, html[dark] ytm-mobile-topbar-renderer, html[dark] ytm-pivot-bar-renderer { background: #0f0f0f; color: #f1f1f1; }
  html[dark] .related p { background: #272727; }
`;

/** Puts a YouTube page (desktop or mobile) in `theme`, as YouTube's theme switch does. */
export async function setYouTubeTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate(
    ({ dark, css }) => {
      if (!document.getElementById('yts-e2e-theme')) {
        const style = document.createElement('style');
        style.id = 'yts-e2e-theme';
        style.textContent = css;
        document.head.append(style);
      }
      document.documentElement.toggleAttribute('dark', dark);
    },
    { dark: theme === 'dark', css: YOUTUBE_THEME_CSS },
  );
}

/** Saves the page's viewport as test/e2e/screenshots/`name`.png, with the pointer out of the way. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await page.mouse.move(0, 0);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await writeFile(file, await page.screenshot());
  return file;
}

export interface AxeFinding {
  id: string;
  impact: string;
  targets: string[];
  summary: string;
}

/**
 * axe-core's serious and critical violations on `page`, limited to `include`
 * (a CSS selector; axe enters open shadow roots) when given.
 */
export async function findSeriousAxeViolations(page: Page, { include }: { include?: string } = {}): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page });
  if (include !== undefined) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
      summary: violation.nodes[0]?.failureSummary ?? '',
    }));
}
