/**
 * How the panel looks, state by state (issue 9): each state at 1280×800 and
 * 800×600, light and dark, on the stand-in youtube.com (sidebar at 1280, under
 * the player at 800), YouTube Music and mobile YouTube (floating). Each is
 * saved as test/e2e/screenshots/panel-<state>-<theme>-<size>.png and checked
 * by axe-core inside the panel's shadow root: no serious or critical finding.
 * Layout facts a user would notice are asserted in look-layout.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExtensionPage, panelRegion, searchBox, segmentButtons, type ExtensionBrowser } from './extension-browser';
import { findSeriousAxeViolations, saveScreenshot, setYouTubeTheme, SIZES, THEMES, type Theme } from './look-support';
import { MOBILE_ORIGIN, MUSIC_ORIGIN } from './stand-in/app-hosts';
import { CAPTIONED, CAPTIONED_UNSEEN } from './stand-in/captions';
import { watchUrl } from './youtube-stand-in';
import { WORD2VEC, NOT_IN_DATASET } from '../fixtures/sample-videos';

const PANEL_HOST = '[data-transcript-search]';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openExtensionPage());
});

afterAll(() => browser.close());

interface PanelState {
  name: string;
  /** YouTube Music has one theme. */
  themes?: readonly Theme[];
  /** Opens the page and brings the panel into the state. */
  show: (target: Page) => Promise<void>;
  /** Puts back what the state changed that outlives the page (stored preferences, stand-in switches). */
  undo?: (target: Page) => Promise<void>;
}

async function openWatchPage(target: Page, url: string): Promise<void> {
  await target.goto(url);
  await segmentButtons(target).first().waitFor();
}

/** Plays from `seconds` for a moment and pauses: a segment is marked as being spoken. */
async function playFrom(target: Page, seconds: number): Promise<void> {
  await target.evaluate(async (at) => {
    const video = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!;
    if (video.readyState < 1) await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }));
    video.currentTime = at;
    await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
  }, seconds);
  await panelRegion(target).locator('[aria-current="time"]').waitFor();
}

const toggleCollapsed = (target: Page) => panelRegion(target).getByRole('button', { name: /^(Collapse|Expand) transcript$/ }).click();

const STATES: readonly PanelState[] = [
  {
    name: 'playing',
    show: async (target) => {
      await openWatchPage(target, watchUrl(WORD2VEC));
      await playFrom(target, 400);
    },
  },
  {
    name: 'search',
    show: async (target) => {
      await openWatchPage(target, watchUrl(WORD2VEC));
      await searchBox(target).fill('negatve sampling');
      await panelRegion(target).getByRole('list', { name: 'Search results' }).getByRole('button').first().waitFor();
    },
  },
  {
    name: 'all-videos',
    show: async (target) => {
      await openWatchPage(target, watchUrl(WORD2VEC));
      await searchBox(target).fill('bipartite matching');
      await panelRegion(target).getByRole('group', { name: 'Search in' }).getByRole('button', { name: 'All videos' }).click();
      await panelRegion(target).getByRole('list', { name: 'Videos' }).getByRole('heading').first().waitFor();
    },
  },
  {
    name: 'no-matches',
    show: async (target) => {
      await openWatchPage(target, watchUrl(WORD2VEC));
      await searchBox(target).fill('zebra quokka');
      await panelRegion(target).getByText('No matches', { exact: false }).first().waitFor();
    },
  },
  {
    name: 'menu',
    show: async (target) => {
      await openWatchPage(target, watchUrl(WORD2VEC));
      await panelRegion(target).getByRole('button', { name: 'Copy or download transcript' }).click();
      await panelRegion(target).getByRole('menu').waitFor();
    },
  },
  {
    name: 'collapsed',
    show: async (target) => {
      await openWatchPage(target, watchUrl(WORD2VEC));
      await toggleCollapsed(target);
      await panelRegion(target).getByRole('button', { name: 'Expand transcript' }).waitFor();
    },
    undo: toggleCollapsed,
  },
  {
    name: 'captions',
    show: async (target) => {
      await openWatchPage(target, watchUrl(CAPTIONED));
      await panelRegion(target).getByRole('combobox', { name: 'Captions track' }).waitFor();
    },
  },
  {
    name: 'no-data',
    show: async (target) => {
      await target.goto(watchUrl(NOT_IN_DATASET));
      await panelRegion(target).getByText(/^No (captions|transcript)/).first().waitFor();
    },
  },
  {
    // Opened, the one line shows its reason and, under it, every other video to search.
    name: 'no-data-all-videos',
    show: async (target) => {
      await target.goto(watchUrl(NOT_IN_DATASET));
      await panelRegion(target).getByRole('button', { name: 'Show why, or search all videos' }).click();
      await panelRegion(target).getByRole('group', { name: 'Search in' }).getByRole('button', { name: 'All videos' }).click();
      await panelRegion(target).getByRole('searchbox', { name: 'Search all videos' }).fill('bipartite matching');
      await panelRegion(target).getByRole('list', { name: 'Videos' }).getByRole('heading').first().waitFor();
    },
    // The notice's opened state and the scope are remembered: put both back for the states after it.
    undo: async (target) => {
      await panelRegion(target).getByRole('group', { name: 'Search in' }).getByRole('button', { name: 'This video' }).click();
      await panelRegion(target).getByRole('button', { name: 'Hide why' }).click();
    },
  },
  {
    name: 'captions-failed',
    show: async (target) => {
      browser.log.captionsUnreachable = true;
      await target.goto(watchUrl(CAPTIONED_UNSEEN));
      await panelRegion(target).getByText('YouTube did not return captions').waitFor();
    },
    undo: () => {
      browser.log.captionsUnreachable = false;
      return Promise.resolve();
    },
  },
  {
    name: 'music',
    themes: ['dark'],
    show: (target) => openWatchPage(target, `${MUSIC_ORIGIN}/watch?v=${WORD2VEC}`),
  },
  {
    name: 'music-no-data',
    themes: ['dark'],
    show: async (target) => {
      await target.goto(`${MUSIC_ORIGIN}/watch?v=${NOT_IN_DATASET}`);
      await panelRegion(target).waitFor();
      await target.waitForTimeout(500);
    },
  },
  {
    name: 'mobile',
    show: (target) => openWatchPage(target, `${MOBILE_ORIGIN}/watch?v=${WORD2VEC}`),
  },
];

describe.each(SIZES)('the panel at $name', (size) => {
  const cases = STATES.flatMap((state) => (state.themes ?? THEMES).map((theme) => ({ state, theme, label: `${state.name}, ${theme}` })));

  it.each(cases)('$label: screenshot, and no serious axe finding', async ({ state, theme }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    // The theme is YouTube's before the panel draws (on Music the page's own).
    await page.goto('about:blank');
    try {
      await state.show(page);
      if (!state.themes) await setYouTubeTheme(page, theme);
      await page.waitForTimeout(200); // the panel follows the theme on the next frame
      await saveScreenshot(page, `panel-${state.name}-${theme}-${size.name}`);
      const findings = await findSeriousAxeViolations(page, { include: PANEL_HOST });
      expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
    } finally {
      await state.undo?.(page);
    }
  });
});
