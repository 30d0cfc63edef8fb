/**
 * The extension's own pages (options, popup) in the browser tests, and what a
 * test reads through them: the IndexedDB cache and `chrome.storage.local`.
 * Reading from an extension page (same origin as the worker) works while the
 * service worker is stopped, and does not wake it.
 */
import type { Page, Worker } from 'playwright-core';
import type { FullDatasetState, ImportJob } from '../../lib/imports/job';
import type { ExtensionBrowser } from './extension-browser';

export const extensionIdOf = (worker: Worker): string => new URL(worker.url()).host;
export const optionsUrl = (extensionId: string): string => `chrome-extension://${extensionId}/options.html`;
export const popupUrl = (extensionId: string): string => `chrome-extension://${extensionId}/popup.html`;

/**
 * What "Search all videos" says in a browser that runs no WebAssembly (the popup, the
 * search page and the panel's "All videos" scope alike; lib/library/numbering-instance.ts).
 */
export const NEEDS_WEBASSEMBLY =
  'The library could not be searched: This browser has WebAssembly turned off, which searching all videos needs. The transcript panel works without it.';
/** Said beside the library's results where cached YouTube captions cannot be searched (no WebAssembly). */
export const CAPTIONS_NEED_WEBASSEMBLY = 'Videos known only from YouTube captions cannot be searched in this browser: it has WebAssembly turned off.';

export interface VideoSnapshot {
  title: string;
  segments: number;
  /** Segment texts in order; only for the videos asked for. */
  texts?: string[];
}

export interface CacheSnapshot {
  activeDatasetId: string | null;
  /** The active dataset's record. */
  active: {
    id: string;
    source: { kind: string; name?: string; url?: string };
    format: string | null;
    segmentCount: number;
    videoCount: number;
    importedAt: number;
  } | null;
  /** Keys of the `datasets` store. */
  datasetIds: string[];
  /** Distinct `datasetId`s of the `transcripts` and `videos` stores. */
  transcriptDatasetIds: string[];
  videoDatasetIds: string[];
  /** Files staged for import. */
  uploads: number;
  /** The active dataset's videos. */
  videos: Record<string, VideoSnapshot>;
}

/**
 * The cache as IndexedDB holds it ('transcript-search'), read in an extension
 * page. Segment texts only for `textsOf`. Never creates the database.
 */
export function readCache(page: Page, textsOf: readonly string[] = []): Promise<CacheSnapshot> {
  return page.evaluate(async (wanted) => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });
    const distinctKeys = (store: IDBObjectStore) =>
      new Promise<string[]>((resolve, reject) => {
        const keys: string[] = [];
        const cursor = store.index('by-dataset').openKeyCursor(null, 'nextunique');
        cursor.onsuccess = () => {
          if (!cursor.result) {
            resolve(keys);
            return;
          }
          keys.push(cursor.result.key as string);
          cursor.result.continue();
        };
        cursor.onerror = () => reject(cursor.error ?? new Error('cursor failed'));
      });
    const empty: CacheSnapshot = {
      activeDatasetId: null,
      active: null,
      datasetIds: [],
      transcriptDatasetIds: [],
      videoDatasetIds: [],
      uploads: 0,
      videos: {},
    };
    if (!(await indexedDB.databases()).some((info) => info.name === 'transcript-search')) return empty;
    const db = await request(indexedDB.open('transcript-search'));
    try {
      const tx = db.transaction(['meta', 'datasets', 'videos', 'transcripts', 'uploads'], 'readonly');
      const activeId: unknown = await request(tx.objectStore('meta').get('activeDatasetId'));
      const activeDatasetId = typeof activeId === 'string' ? activeId : null;
      const record =
        activeDatasetId === null
          ? undefined
          : ((await request(tx.objectStore('datasets').get(activeDatasetId))) as
              | {
                  id: string;
                  source: { kind: string; name?: string; url?: string };
                  format?: string;
                  segmentCount: number;
                  importedAt: number;
                  report: { videoCount: number };
                }
              | undefined);
      const videos: Record<string, VideoSnapshot> = {};
      if (activeDatasetId !== null) {
        const infos = (await request(tx.objectStore('videos').index('by-dataset').getAll(activeDatasetId))) as Array<{
          videoId: string;
          title: string;
        }>;
        const transcripts = (await request(tx.objectStore('transcripts').index('by-dataset').getAll(activeDatasetId))) as Array<{
          videoId: string;
          segments: Array<{ text: string }>;
        }>;
        for (const { videoId, segments } of transcripts) {
          const title = infos.find((info) => info.videoId === videoId)?.title ?? '';
          videos[videoId] = wanted.includes(videoId)
            ? { title, segments: segments.length, texts: segments.map((segment) => segment.text) }
            : { title, segments: segments.length };
        }
      }
      return {
        activeDatasetId,
        active: record
          ? {
              id: record.id,
              source: record.source,
              format: record.format ?? null,
              segmentCount: record.segmentCount,
              videoCount: record.report.videoCount,
              importedAt: record.importedAt,
            }
          : null,
        datasetIds: (await request(tx.objectStore('datasets').getAllKeys())).map(String),
        transcriptDatasetIds: await distinctKeys(tx.objectStore('transcripts')),
        videoDatasetIds: await distinctKeys(tx.objectStore('videos')),
        uploads: await request(tx.objectStore('uploads').count()),
        videos,
      };
    } finally {
      db.close();
    }
  }, [...textsOf]);
}

/** A value the extension keeps in `chrome.storage.local`, read in an extension page (`null` when unset). */
function readStoredItem<T>(page: Page, key: string): Promise<T | null> {
  return page.evaluate(async (name) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get: (key: string) => Promise<Record<string, unknown>> } } };
    };
    return ((await chrome.storage.local.get(name))[name] ?? null) as T | null;
  }, key);
}

/** The import job the background saved (`chrome.storage.local` key `importJob`), read in an extension page. */
export function readStoredJob(page: Page): Promise<ImportJob | null> {
  return readStoredItem<ImportJob>(page, 'importJob');
}

/**
 * Resolves once the install's own imports have ended: the bundled sample is in
 * use, and the first try at the full dataset (which the tests' resolver makes
 * fail at once) is over. Until then the import slot may be held, and a file
 * chosen on the options page is declined as "busy".
 */
export async function waitForInstallImports(page: Page, { timeout = 30_000, interval = 200 } = {}): Promise<void> {
  for (const started = Date.now(); ; ) {
    const [cache, job, fullDataset] = await Promise.all([
      readCache(page),
      readStoredJob(page),
      readStoredItem<Pick<FullDatasetState, 'lastTryAt' | 'jobId'>>(page, 'fullDatasetState'),
    ]);
    const isFullDatasetTried = fullDataset !== null && fullDataset.lastTryAt !== null && !fullDataset.jobId;
    if (cache.active?.source.kind === 'bundled' && job?.status !== 'running' && isFullDatasetTried) return;
    if (Date.now() - started > timeout) throw new Error(`the install's imports did not end in ${timeout / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Stops the extension's service worker the way Chrome stops an idle one (CDP
 * `ServiceWorker.stopAllWorkers`), and resolves once DevTools reports it stopped.
 * `page` only hosts the CDP session.
 */
export async function stopServiceWorker(browser: ExtensionBrowser, page: Page, workerUrl: string): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the service worker did not stop within 10 s')), 10_000);
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((version) => version.scriptURL === workerUrl && version.runningStatus === 'stopped')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await cdp.detach();
  }
}
