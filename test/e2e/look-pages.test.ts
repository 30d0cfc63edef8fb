/**
 * How the extension's own pages look (issue 9): the options page and the
 * popup, in the browser's light and dark schemes, as they are and after an
 * import failed; the popup's search with its cards drawn while their text is
 * read (issue 8), and with their hits. Each is saved under test/e2e/screenshots/ and checked by
 * axe-core: no serious or critical finding, contrast included (a dark page
 * must set its own background for that to be judged).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FailedJob } from '../../lib/imports/job';
import { launchWithExtension, type ExtensionBrowser } from './extension-browser';
import { extensionIdOf, optionsUrl, popupUrl } from './extension-pages';
import { holdTranscriptReads } from './hold-reads';
import { findSeriousAxeViolations, saveScreenshot, SIZES, THEMES, type Theme } from './look-support';

let browser: ExtensionBrowser;
let extensionId: string;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  extensionId = extensionIdOf(await browser.serviceWorker());
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await browser.close();
});

/** An import that failed where host access would help: the options page offers "Allow access and retry". */
const FAILED_IMPORT: FailedJob = {
  id: 'look-failed',
  source: { kind: 'url', url: 'https://data.example/transcripts.jsonl' },
  startedAt: 1_700_000_000_000,
  updatedAt: 1_700_000_001_000,
  restarts: 0,
  status: 'failed',
  error: { message: 'Could not download from data.example: access was refused.', accessPattern: 'https://data.example/*' },
};

/** Writes (or clears) the stored import job, as the background would, from an extension page. */
async function storeImportJob(target: Page, job: FailedJob | null): Promise<void> {
  await target.evaluate(async (value) => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set: (items: object) => Promise<void> } } } };
    await chrome.storage.local.set({ importJob: value });
  }, job);
}

const STATES = ['as-is', 'import-failed'] as const;

async function expectNoSeriousFindings(target: Page): Promise<void> {
  const findings = await findSeriousAxeViolations(target);
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
}

describe.each(SIZES)('the options page at $name', (size) => {
  const cases = STATES.flatMap((state) => THEMES.map((theme: Theme) => ({ state, theme, label: `${state}, ${theme}` })));

  it.each(cases)('$label: screenshot, and no serious axe finding', async ({ state, theme }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(optionsUrl(extensionId));
    await storeImportJob(page, state === 'import-failed' ? FAILED_IMPORT : null);
    await page.reload();
    await page.locator('dl.yts-facts').waitFor();
    if (state === 'import-failed') await page.getByRole('button', { name: 'Allow access and retry' }).waitFor();
    await saveScreenshot(page, `options-${state}-${theme}-${size.name}`);
    await expectNoSeriousFindings(page);
  });
});

describe('the popup', () => {
  const cases = STATES.flatMap((state) => THEMES.map((theme: Theme) => ({ state, theme, label: `${state}, ${theme}` })));

  it.each(cases)('$label: screenshot, and no serious axe finding', async ({ state, theme }) => {
    // The toolbar popup's size.
    await page.setViewportSize({ width: 400, height: 600 });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(popupUrl(extensionId));
    await storeImportJob(page, state === 'import-failed' ? FAILED_IMPORT : null);
    await page.reload();
    await page.getByRole('heading', { name: 'YouTube Transcript Search' }).waitFor();
    if (state === 'import-failed') {
      await page.getByText(`The last import failed: ${FAILED_IMPORT.error.message}`).waitFor();
    } else {
      await page.getByText(/videos, .* segments/).waitFor();
    }
    await saveScreenshot(page, `popup-${state}-${theme}`);
    await expectNoSeriousFindings(page);
  });
});

describe('the popup\'s search', () => {
  it.each(THEMES)('%s: the cards while their text is read, then their hits in the same place; no serious axe finding', async (theme) => {
    await page.setViewportSize({ width: 400, height: 600 });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(popupUrl(extensionId));
    await storeImportJob(page, null);
    await page.reload();
    await page.getByText(/videos, .* segments/).waitFor();
    const box = page.getByRole('searchbox', { name: 'Search all videos' });
    // A query that finds nothing loads the index, and reads no text.
    await box.fill('qqqqzzzz');
    await page.getByText('No video says “qqqqzzzz”.').waitFor();
    const release = await holdTranscriptReads(page);
    await box.fill('negative sampling');
    await page.locator('[aria-busy="true"]').first().waitFor();
    await saveScreenshot(page, `popup-search-pending-${theme}`);
    await expectNoSeriousFindings(page);
    await release();
    await page.getByRole('link', { name: /negative sampling/ }).first().waitFor();
    await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    await saveScreenshot(page, `popup-search-filled-${theme}`);
    await expectNoSeriousFindings(page);
  });
});
