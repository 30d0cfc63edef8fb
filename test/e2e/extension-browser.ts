/**
 * Debian's Chromium with the built extension loaded, in a throwaway profile,
 * and what the tests read from the page and the extension's service worker.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_PATH, HEADLESS_CHROMIUM_ARGS } from '../support/chromium';
import { hasMainVideoMetadataInPage, readPlayersInPage, rewindMainVideoInPage, type PlayerSnapshot } from './stand-in/players';
import { installYouTubeStandIn, type StandInLog } from './youtube-stand-in';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built by `wxt build`, which `npm run test:e2e` runs first. */
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  log: StandInLog;
  userDataDir: string;
  /** The extension's background service worker (waits for it to start). */
  serviceWorker: () => Promise<Worker>;
  /** Closes the browser; `keepProfile` leaves the profile on disk for a relaunch. */
  close: (options?: { keepProfile?: boolean }) => Promise<void>;
}

/**
 * Hosts the worker's own requests can reach, as Chromium's resolver sees them.
 * By default the full dataset's host resolves to nothing: the automatic
 * download (issue 13) then fails at once, whether or not the machine is
 * online, and the tests that expect the 3-video sample keep it.
 */
export interface LaunchOptions {
  /** Hostname → `127.0.0.1:<port>` of a local stand-in; served with any certificate. */
  hosts?: Readonly<Record<string, string>>;
  /** Another build of the extension (the bench compares builds); `EXTENSION_DIR` by default. */
  extensionDir?: string;
  /** More Chromium flags, e.g. `--js-flags=--jitless` (no WebAssembly anywhere). */
  args?: readonly string[];
}

const UNREACHABLE_DATASET_HOSTS = ['huggingface.co', '*.huggingface.co', '*.hf.co'];

function resolverRules(hosts: Readonly<Record<string, string>>): string {
  const mapped = Object.entries(hosts).map(([host, target]) => `MAP ${host} ${target}`);
  const unreachable = UNREACHABLE_DATASET_HOSTS.filter((host) => !(host in hosts)).map((host) => `MAP ${host} ~NOTFOUND`);
  return [...mapped, ...unreachable].join(', ');
}

/** Launches Chromium with the extension. Pass `userDataDir` to reopen a profile kept by `close`. */
export async function launchWithExtension(
  userDataDir?: string,
  { hosts = {}, extensionDir = EXTENSION_DIR, args = [] }: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`wxt build\` first (npm run test:e2e does).`);
  }
  const profile = userDataDir ?? (await mkdtemp(join(tmpdir(), 'yts-e2e-')));
  // The stand-in routes every request Playwright sees, and Playwright answers CORS
  // preflights itself for routed requests: leave the worker's requests out of it, so
  // the dataset servers get them (preflights included) as Chromium sends them, and the
  // resolver rules below decide where they go. Only the worker downloads datasets.
  // Read each time Playwright attaches to a (re)started worker, so it stays set.
  process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    // --headless=new (below) is the headless mode that runs extensions; Playwright's own flag would pick the old one.
    headless: false,
    args: [
      ...HEADLESS_CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${resolverRules(hosts)}`,
      // The stand-ins of https hosts present a test certificate (test/fixtures/tls).
      ...(Object.keys(hosts).length > 0 ? ['--ignore-certificate-errors'] : []),
      ...args,
    ],
    viewport: { width: 1280, height: 800 },
  });
  const log = await installYouTubeStandIn(context);

  const serviceWorker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
    if (running) return running;
    return context.waitForEvent('serviceworker', {
      predicate: (worker) => worker.url().startsWith('chrome-extension://'),
      timeout: 20_000,
    });
  };

  return {
    context,
    log,
    userDataDir: profile,
    serviceWorker,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh profile with the extension installed (its worker has run, so the first
 * visit starts right after) and the tab to drive: what most browser tests start from.
 */
export async function openExtensionPage(): Promise<{ browser: ExtensionBrowser; page: Page }> {
  const browser = await launchWithExtension();
  await browser.serviceWorker();
  return { browser, page: browser.context.pages()[0] ?? (await browser.context.newPage()) };
}

/** The panel: a region named "Transcript" inside the extension's open shadow root. */
export const panelRegion = (page: Page): Locator => page.getByRole('region', { name: 'Transcript' });

/** The list of all segments (shown while the search box is empty). */
export const segmentButtons = (page: Page): Locator =>
  panelRegion(page).getByRole('list', { name: 'Transcript segments' }).getByRole('button');

/** The ranked search hits (shown while searching). */
export const hitButtons = (page: Page): Locator =>
  panelRegion(page).getByRole('list', { name: 'Search results' }).getByRole('button');

/** How many hits the search found: every row says (`aria-setsize`), drawn or not (only those near the view are). */
export async function countHits(page: Page): Promise<number> {
  const rows = panelRegion(page).getByRole('list', { name: 'Search results' }).getByRole('listitem');
  return Number(await rows.first().getAttribute('aria-setsize'));
}

export const searchBox = (page: Page): Locator => panelRegion(page).getByRole('searchbox', { name: 'Search transcript' });

/** How many panel hosts the document holds (there must never be two). */
export const countPanelHosts = (page: Page): Promise<number> =>
  page.evaluate(() => document.querySelectorAll('[data-transcript-search]').length);

/** `m:ss` or `h:mm:ss` at the start of an accessible name, in seconds. */
export function parseTimestampPrefix(name: string): number {
  const match = /^(?:(\d+):)?(\d+):(\d\d)\s/.exec(name);
  if (!match) throw new Error(`"${name}" does not start with a timestamp`);
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export interface SampleSegment {
  videoId: string;
  text: string;
  start: number;
  end: number;
  title: string;
}

/** The bundled dataset, read straight from the file the extension imports. */
export async function readSample(): Promise<SampleSegment[]> {
  const text = await readFile(join(ROOT, 'public', 'sample.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { video_id: string; text: string; start_second: number; end_second: number; title: string };
      return { videoId: row.video_id, text: row.text.trim(), start: row.start_second, end: row.end_second, title: row.title };
    });
}

export interface DatasetSnapshot {
  activeDatasetId: string;
  importedAt: number;
  segmentCount: number;
}

/**
 * The active dataset's record, read in the service worker from the extension's
 * IndexedDB ('transcript-search': meta.activeDatasetId, then datasets[id]).
 * `null` while there is none. Never creates the database.
 */
export async function readActiveDataset(worker: Worker): Promise<DatasetSnapshot | null> {
  return worker.evaluate(async () => {
    const names = await indexedDB.databases();
    if (!names.some((info) => info.name === 'transcript-search')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('transcript-search');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      if (!db.objectStoreNames.contains('meta') || !db.objectStoreNames.contains('datasets')) return null;
      const tx = db.transaction(['meta', 'datasets'], 'readonly');
      const activeId = await new Promise<unknown>((resolve, reject) => {
        const request = tx.objectStore('meta').get('activeDatasetId');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      if (typeof activeId !== 'string') return null;
      const record = await new Promise<unknown>((resolve, reject) => {
        const request = tx.objectStore('datasets').get(activeId);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      if (typeof record !== 'object' || record === null) return null;
      const { importedAt, segmentCount } = record as { importedAt: unknown; segmentCount: unknown };
      if (typeof importedAt !== 'number' || typeof segmentCount !== 'number') return null;
      return { activeDatasetId: activeId, importedAt, segmentCount };
    } finally {
      db.close();
    }
  });
}

export type { PlayerSnapshot } from './stand-in/players';

export const readPlayers = (page: Page): Promise<PlayerSnapshot> => page.evaluate(readPlayersInPage);

/** Waits until the main video knows its length, so a seek is a real seek (HTTP ranges), not a stored start position. */
export async function waitForMainVideoMetadata(page: Page): Promise<void> {
  await page.waitForFunction(hasMainVideoMetadataInPage);
}

/** Stops the main video at 0 s, so the next seek is unmistakable. */
export const rewindMainVideo = (page: Page): Promise<void> => page.evaluate(rewindMainVideoInPage);

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The accessible name of the one element `locator` matches, as Chromium's
 * accessibility tree has it (read from Playwright's ARIA snapshot).
 */
export async function accessibleName(locator: Locator): Promise<string> {
  let line = (await locator.ariaSnapshot()).split('\n')[0] ?? '';
  line = line.replace(/^- /, '');
  // YAML single-quotes a line holding ": "; undo that first.
  if (line.startsWith("'") && line.endsWith("'")) line = line.slice(1, -1).replaceAll("''", "'");
  const match = /^[\w-]+ ("(?:[^"\\]|\\.)*")/.exec(line);
  if (!match) throw new Error(`no accessible name in the ARIA snapshot line: ${line}`);
  return JSON.parse(match[1]!) as string;
}
