/**
 * Debian's Firefox ESR with the built Firefox add-on (.output/firefox-mv3,
 * unmodified) installed as a temporary add-on, the stand-in youtube.com served
 * through request interception, and what the tests read from the page.
 *
 * Two things Firefox's WebDriver BiDi does differently from Playwright's Chromium:
 * - It refuses to navigate to moz-extension:// pages unless started with
 *   `--remote-allow-system-access`, and even then reports no navigation events for
 *   them, so `page.goto` never resolves: `openExtensionPage` sends BiDi's
 *   `browsingContext.navigate` itself and waits for the document instead.
 * - Its accessibility locator (Puppeteer's `aria/` selectors) does not enter shadow
 *   roots, so panel queries pierce the shadow root with `>>>` and select by the
 *   ARIA labels the Chromium tests find by role and name.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { FIREFOX_PATH, OFFLINE_FIREFOX_PREFS } from '../../support/firefox';
import { answerStandInRequest, createStandInLog, type StandInLog } from '../stand-in/responses';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Built by `npm run build:firefox`, which `npm run test:e2e` runs first. */
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3');

/** The moz-extension:// host Firefox gives the add-on, fixed by the `extensions.webextensions.uuids` pref. */
const EXTENSION_UUID = '3f0b6c52-8d5e-4a51-9b7e-6f2d1c0a9e47';

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`: the add-on's pages live under it. */
  extensionOrigin: string;
  /** Where Firefox saves downloads, without asking. */
  downloadDir: string;
  /** Every stand-in request of every page made by `newStandInPage`. */
  log: StandInLog;
  /** A new tab whose http(s) requests the stand-in answers (youtube.com) or blocks (anything else). */
  newStandInPage: () => Promise<Page>;
  /** Opens one of the add-on's pages (`options.html`, `popup.html`) in `page` and waits for it to load. */
  openExtensionPage: (page: Page, path: string) => Promise<void>;
  close: () => Promise<void>;
}

function readGeckoId(): string {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first (npm run test:e2e does).`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (id === undefined) throw new Error('The Firefox build has no browser_specific_settings.gecko.id');
  return id;
}

async function answer(request: HTTPRequest, log: StandInLog): Promise<void> {
  const reply = await answerStandInRequest({ url: request.url(), method: request.method(), body: await request.fetchPostData(), headers: request.headers() }, log);
  if (reply.kind === 'abort') await request.abort('blockedbyclient');
  else await request.respond({ status: reply.status, headers: reply.headers, body: reply.body });
}

/** What this file needs of Puppeteer's BiDi browser beyond its public API: its connection (see the header comment). */
interface BidiInternals {
  connection: { send: (method: 'browsingContext.navigate', params: { context: string; url: string; wait: 'none' }) => Promise<unknown> };
}
interface FrameInternals {
  _id: string;
}

export interface FirefoxLaunchOptions {
  /** More `about:config` prefs, e.g. `javascript.options.wasm: false`. */
  prefs?: Readonly<Record<string, unknown>>;
}

export async function launchFirefoxWithExtension({ prefs = {} }: FirefoxLaunchOptions = {}): Promise<FirefoxWithExtension> {
  const geckoId = readGeckoId();
  const downloadDir = mkdtempSync(join(tmpdir(), 'yts-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    // A desktop window: below 1016 px the stand-in, like YouTube, has no sidebar.
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      ...OFFLINE_FIREFOX_PREFS,
      // The full dataset's host resolves to this machine, where nothing answers: the automatic download (issue 13)
      // fails at once, online or not, and the tests keep the bundled sample.
      'network.dns.localDomains': 'huggingface.co',
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // permissions.request() answers "granted" at once: a headless test cannot click Firefox's prompt.
      'extensions.webextOptionalPermissionPrompts': false,
      // Downloads go straight to `downloadDir`; the page may read the clipboard back.
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'dom.events.testing.asyncClipboard': true,
      ...prefs,
    },
  });
  const installedId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installedId !== geckoId) throw new Error(`Firefox installed the add-on as ${installedId}, not ${geckoId}`);
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
  const log = createStandInLog();

  return {
    browser,
    extensionOrigin,
    downloadDir,
    log,
    async newStandInPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        void answer(request, log).catch((error: unknown) => {
          // The page went away while the answer was on its way.
          if (!page.isClosed()) throw error;
        });
      });
      return page;
    },
    async openExtensionPage(page, path) {
      const url = `${extensionOrigin}/${path}`;
      const { connection } = browser as unknown as BidiInternals;
      const context = (page.mainFrame() as unknown as FrameInternals)._id;
      await connection.send('browsingContext.navigate', { context, url, wait: 'none' });
      await page.waitForFunction((expected) => location.href === expected && document.readyState === 'complete', {}, url);
    },
    async close() {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

/** Pierces the panel's shadow root: `css` is matched inside it. */
export const inPanel = (css: string): string => `[data-transcript-search] >>> ${css}`;

export const PANEL = {
  region: inPanel('section[aria-label="Transcript"]'),
  searchBox: inPanel('input[type="search"][aria-label="Search transcript"]'),
  segmentButtons: inPanel('ul[aria-label="Transcript segments"] button'),
  hitButtons: inPanel('ul[aria-label="Search results"] button'),
  marks: inPanel('ul[aria-label="Search results"] mark'),
  menuButton: inPanel('button[aria-label="Copy or download transcript"]'),
  /** A menu item by its text, e.g. `menuItem('Copy transcript')`. */
  menuItem: (text: string) => inPanel(`[role="menuitem"]::-p-text(${text})`),
} as const;

/** The text of each element `selector` matches, whitespace collapsed (what a button's accessible name is built from). */
export const textsOf = (page: Page, selector: string): Promise<string[]> =>
  page.$$eval(selector, (elements) => elements.map((element) => element.textContent.replace(/\s+/g, ' ').trim()));

/**
 * Waits for an element inside the panel. Puppeteer's default re-checks on
 * mutations of the document, which do not include those inside the panel's
 * shadow root: a panel that renders after the page's last mutation would never
 * be seen. `visible` makes it re-check every frame instead.
 */
export const waitInPanel = (page: Page, selector: string, { timeout }: { timeout?: number } = {}) =>
  page.waitForSelector(selector, { visible: true, ...(timeout === undefined ? {} : { timeout }) });

/** The first element `selector` matches, or a clear failure. */
export async function findOne(page: Page, selector: string): Promise<ElementHandle> {
  const handle = await waitInPanel(page, selector);
  if (!handle) throw new Error(`nothing matches ${selector}`);
  return handle;
}
