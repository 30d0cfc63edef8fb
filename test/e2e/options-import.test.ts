/**
 * Dataset imports through the options page, end to end: Debian's Chromium with
 * the built extension, files chosen or dropped on the page, URLs served by a
 * local server (127.0.0.1, slow when a test needs to watch), the panel on the
 * stand-in youtube.com answering from whatever dataset is active.
 *
 * One browser and one server for the file. Every test starts from a dataset
 * it sets itself through the options page, so each stands on its own.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gzip,
  toAliasedRows,
  toDelimitedText,
  toJsonArrayText,
  toJsonLinesText,
  toParquetBytes,
  toWhisperRows,
} from '../fixtures/dataset-files';
import { SAMPLE_ROWS, type SampleRow } from '../fixtures/sample';
import { startDatasetServer, type DatasetServer, type ServedFile } from './dataset-server';
import {
  hitButtons,
  launchWithExtension,
  panelRegion,
  searchBox,
  segmentButtons,
  type ExtensionBrowser,
} from './extension-browser';
import { extensionIdOf, optionsUrl, popupUrl, readCache, readStoredJob, stopServiceWorker, type CacheSnapshot } from './extension-pages';
import { watchUrl } from './youtube-stand-in';
import { WORD2VEC, DETR, DATASET_BIAS } from '../fixtures/sample-videos';

/** On the stand-in's sidebar; not in the bundled sample. */
const NEW_VIDEO = 'dQw4w9WgXcQ';
const SAMPLE_IDS = [WORD2VEC, DETR, DATASET_BIAS];
const SEGMENTS_OF: Record<string, number> = { [WORD2VEC]: 66, [DETR]: 26, [DATASET_BIAS]: 8 };
const POLL = { timeout: 15_000, interval: 100 };

let browser: ExtensionBrowser;
let server: DatasetServer;
/** The tab the options page (and the popup) run in. */
let page: Page;
/** The tab with the stand-in watch page. */
let watch: Page;
let extensionId: string;
let workerUrl: string;
let dir: string;

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const count = (n: number): string => n.toLocaleString('en-US');
const rowsOf = (...videoIds: string[]): SampleRow[] => SAMPLE_ROWS.filter((row) => videoIds.includes(row.video_id));
const withMarker = (rows: readonly SampleRow[], marker: string): SampleRow[] => rows.map((row) => ({ ...row, text: `${marker} ${row.text}` }));

/** Text of whatever `locator` matches right now (no waiting), joined. */
const textOf = async (locator: Locator): Promise<string> => (await locator.allTextContents()).join('\n').trim();

/** One fact of the "Current dataset" list (Source, Format, Videos, Segments, Rejected rows…). */
const fact = (name: string): Locator => page.locator(`dl.yts-facts > dt:text-is("${name}") + dd`);

/** The section about the running or last import. */
const importSection = (): Locator => page.getByRole('region', { name: /^(Importing|Last import)$/ });

interface Facts {
  source: string;
  videos: number;
  segments: number;
}

async function readFacts(): Promise<{ source: string; videos: string; segments: string }> {
  return { source: await textOf(fact('Source')), videos: await textOf(fact('Videos')), segments: await textOf(fact('Segments')) };
}

async function expectFacts({ source, videos, segments }: Facts): Promise<void> {
  await expect.poll(readFacts, POLL).toEqual({ source, videos: count(videos), segments: count(segments) });
}

const BUNDLED: Facts = { source: 'Bundled sample', videos: 3, segments: 100 };

/** Opens the options page; cancels an import a failed test may have left running. */
async function openOptions(): Promise<void> {
  // In front: a background tab gets few animation frames, and clicks wait for them.
  await page.bringToFront();
  await page.goto(optionsUrl(extensionId));
  await expect.poll(() => textOf(fact('Source')), POLL).not.toBe('');
  const cancel = page.getByRole('button', { name: 'Cancel import' });
  if (await cancel.isVisible()) {
    await cancel.click();
    await expect.poll(() => cancel.isVisible(), POLL).toBe(false);
  }
}

/** Opens the options page with the bundled sample active (resetting to it if another dataset is). */
async function startFromBundled(): Promise<CacheSnapshot> {
  await openOptions();
  if ((await textOf(fact('Source'))) !== BUNDLED.source) {
    await page.getByRole('button', { name: 'Reset to bundled sample' }).click();
  }
  await expectFacts(BUNDLED);
  const cache = await readCache(page);
  expect(cache.active?.source.kind).toBe('bundled');
  return cache;
}

async function chooseFile(path: string): Promise<void> {
  await page.bringToFront();
  await page.getByLabel('Import dataset file', { exact: true }).setInputFiles(path);
}

async function loadUrl(url: string): Promise<void> {
  await page.bringToFront();
  await page.getByLabel('Dataset URL').fill(url);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
}

async function waitForImportText(expected: string | RegExp): Promise<void> {
  await expect.poll(() => textOf(importSection()), POLL).toMatch(expected);
}

/** The failure alert of the import section. */
const importAlert = (): Locator => importSection().getByRole('alert');
/** Its message, without the button text. */
const importAlertMessage = (): Locator => importAlert().locator('p');

/** The dataset in use is the same record as `before`, whole: same id, time, videos and segments. */
async function expectUnchanged(before: CacheSnapshot): Promise<void> {
  const now = await readCache(page);
  expect(now.activeDatasetId).toBe(before.activeDatasetId);
  expect(now.active).toEqual(before.active);
  expect(now.videos).toEqual(before.videos);
  expect(now.transcriptDatasetIds).toEqual([before.activeDatasetId]);
}

/** Loads the stand-in watch page and waits for the panel to list `segments` segments. */
async function expectPanelLists(videoId: string, segments: number): Promise<void> {
  await watch.bringToFront();
  await watch.goto(watchUrl(videoId));
  await segmentButtons(watch).first().waitFor();
  await expect.poll(() => segmentButtons(watch).count(), POLL).toBe(segments);
}

async function expectPanelHasNoTranscript(videoId: string): Promise<void> {
  await watch.bringToFront();
  await watch.goto(watchUrl(videoId));
  // Not in the dataset, and the stand-in YouTube has no captions for it either.
  await panelRegion(watch).getByText('No captions for this video').waitFor();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yts-e2e-datasets-'));
  server = await startDatasetServer();
  browser = await launchWithExtension();
  const worker = await browser.serviceWorker();
  workerUrl = worker.url();
  extensionId = extensionIdOf(worker);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  watch = await browser.context.newPage();
});

afterAll(async () => {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
  // Nothing any page asked for left the machine or missed the stand-in.
  expect(browser.log.blocked).toEqual([]);
});

/** How the options page names each format: words, not the stored id. */
const FORMAT_SHOWN: Record<string, string> = {
  jsonl: 'JSON Lines',
  'json-array': 'JSON array',
  csv: 'CSV',
  tsv: 'TSV',
  parquet: 'Parquet',
};

interface FormatCase {
  file: string;
  /** As the dataset record stores it (the Format fact names it: FORMAT_SHOWN). */
  format: string;
  videoIds: string[];
  marker: string;
  /** Rows the file has, as the import report counts them. */
  rows: (rows: readonly SampleRow[]) => number;
  write: (rows: readonly SampleRow[]) => Promise<Uint8Array | string> | Uint8Array | string;
}

// Each file holds a different set of videos, and texts marked with its own
// words, so each import can be told from the one before.
const FORMATS: FormatCase[] = [
  { file: 'all-videos.jsonl', format: 'jsonl', videoIds: SAMPLE_IDS, marker: 'jsonl-marker', rows: (r) => r.length, write: toJsonLinesText },
  { file: 'two-videos.json', format: 'json-array', videoIds: [WORD2VEC, DETR], marker: 'array-marker', rows: (r) => r.length, write: toJsonArrayText },
  {
    file: 'quoted.csv',
    format: 'csv',
    videoIds: [WORD2VEC, DATASET_BIAS],
    // Quotes, a comma and a line break: the fields are quoted over two lines.
    marker: 'csv "quoted", marker\nover two lines',
    rows: (r) => r.length,
    write: (r) => toDelimitedText(r as unknown as Record<string, unknown>[], ','),
  },
  {
    file: 'one-video.tsv',
    format: 'tsv',
    videoIds: [WORD2VEC],
    marker: 'tsv-marker',
    rows: (r) => r.length,
    write: (r) => toDelimitedText(r as unknown as Record<string, unknown>[], '\t'),
  },
  { file: 'two-videos.parquet', format: 'parquet', videoIds: [DETR, DATASET_BIAS], marker: 'parquet-marker', rows: (r) => r.length, write: toParquetBytes },
  { file: 'gzipped.jsonl.gz', format: 'jsonl', videoIds: [DATASET_BIAS], marker: 'gzip-marker', rows: (r) => r.length, write: (r) => gzip(toJsonLinesText(r)) },
  {
    file: 'whisper.jsonl',
    format: 'jsonl',
    videoIds: SAMPLE_IDS,
    marker: 'whisper-marker',
    // One line per video with its segments nested; the report counts each segment as a row.
    rows: (r) => r.length,
    write: (r) => toJsonLinesText(toWhisperRows(r)),
  },
  {
    file: 'aliased.csv',
    format: 'csv',
    videoIds: [DETR],
    marker: 'aliased-marker',
    rows: (r) => r.length,
    write: (r) => toDelimitedText(toAliasedRows(r), ','),
  },
];

async function writeDataset(name: string, content: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** After a file import: the page and the cache show exactly that file's videos and texts. */
async function expectFileDataset(file: string, format: string, videoIds: readonly string[], marker: string, rows: number): Promise<void> {
  const segments = videoIds.reduce((sum, id) => sum + SEGMENTS_OF[id]!, 0);
  await expectFacts({ source: `File: ${file}`, videos: videoIds.length, segments });
  expect(await textOf(fact('Format'))).toMatch(new RegExp(`^${FORMAT_SHOWN[format]!}, \\d`));
  expect(await textOf(fact('Rejected rows'))).toBe('0');
  await waitForImportText(`Imported ${file}.`);
  expect(await textOf(importSection().getByRole('group', { name: 'Import report' }))).toBe(
    `${count(rows)} ${rows === 1 ? 'row' : 'rows'} read: ${count(segments)} segments kept in ${videoIds.length} ${
      videoIds.length === 1 ? 'video' : 'videos'
    }, 0 rows rejected.`,
  );

  // The staged file is removed once the import ends.
  await expect.poll(async () => (await readCache(page)).uploads, POLL).toBe(0);
  const cache = await readCache(page, videoIds);
  expect(cache.active?.source).toEqual({ kind: 'file', name: file });
  expect(cache.active?.format).toBe(format);
  expect(Object.keys(cache.videos).sort()).toEqual([...videoIds].sort());
  for (const id of videoIds) {
    expect(cache.videos[id]?.segments).toBe(SEGMENTS_OF[id]);
    for (const text of cache.videos[id]?.texts ?? []) expect(text.startsWith(`${marker} `), text).toBe(true);
  }
  // The dataset it replaced is gone, records and all.
  expect(cache.datasetIds).toEqual([cache.activeDatasetId]);
  expect(cache.transcriptDatasetIds).toEqual([cache.activeDatasetId]);
  expect(cache.videoDatasetIds).toEqual([cache.activeDatasetId]);
}

describe('file imports on the options page', () => {
  for (const { file, format, videoIds, marker, rows, write } of FORMATS) {
    it(`imports ${file} (${format}) chosen in the file field, replacing the dataset`, async () => {
      const data = withMarker(rowsOf(...videoIds), marker);
      const path = await writeDataset(file, await write(data));
      await openOptions();
      const before = await readCache(page);

      await chooseFile(path);

      await expectFileDataset(file, format, videoIds, marker, rows(data));
      expect((await readCache(page)).activeDatasetId).not.toBe(before.activeDatasetId);
    });
  }

  it('imports a file dropped on the drop zone', async () => {
    const data = withMarker(rowsOf(DETR), 'dropped-marker');
    await openOptions();
    const input = page.getByLabel('Import dataset file', { exact: true });
    const dropZone = input.locator('xpath=..');
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.jsonl'));
      return transfer;
    }, toJsonLinesText(data));

    await dropZone.dispatchEvent('dragover', { dataTransfer });
    await dropZone.dispatchEvent('drop', { dataTransfer });

    await expectFileDataset('dropped.jsonl', 'jsonl', [DETR], 'dropped-marker', data.length);
  });
});

describe('URL imports on the options page', () => {
  it('downloads a URL with visible progress, then the panel answers from the new data', async () => {
    const before = await startFromBundled();
    await expectPanelHasNoTranscript(NEW_VIDEO);

    // The sample, plus a video only this dataset has, with a word no other text has.
    const newRows = rowsOf(DETR).map((row, i) => ({
      ...row,
      video_id: NEW_VIDEO,
      url: `https://www.youtube.com/watch?v=${NEW_VIDEO}&t=${row.start_second}s`,
      title: 'Only in the downloaded dataset',
      text: i === 5 ? `a quokka walks in ${row.text}` : row.text,
    }));
    const body = encode(toJsonLinesText([...SAMPLE_ROWS, ...newRows]));
    // Slow, and held at 32 KB until the test has seen the progress.
    const served = server.serve('/update.jsonl', { body, contentType: 'application/jsonl', chunkBytes: 1024, delayMs: 40, holdAt: 32 * 1024 });
    const url = server.url('/update.jsonl');

    await loadUrl(url);

    // The visible line under the bar (the live region only announces the phase).
    const status = importSection().getByText(/^Reading /);
    const progressPattern = new RegExp(
      `^Reading ${url.replaceAll('.', '\\.')}: [\\d.]+ (?:B|KB) of ${Math.round(body.length / 1024)} KB, ([\\d,]+) rows · [\\d,]+ rows/s$`,
    );
    await expect.poll(() => textOf(status), POLL).toMatch(progressPattern);
    const rowsSoFar = Number(progressPattern.exec(await textOf(status))?.[1]?.replaceAll(',', ''));
    expect(rowsSoFar).toBeGreaterThan(0);
    expect(rowsSoFar).toBeLessThan(SAMPLE_ROWS.length + newRows.length);
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    const bar = await progress.evaluate((element: HTMLProgressElement) => ({ value: element.value, max: element.max }));
    expect(bar.max).toBe(body.length);
    expect(bar.value).toBeGreaterThan(0);
    expect(bar.value).toBeLessThanOrEqual(32 * 1024);
    // Until the download is complete, the panel keeps the dataset it had.
    await expectUnchanged(before);
    await expectPanelHasNoTranscript(NEW_VIDEO);

    served.chunkBytes = 16 * 1024;
    served.holdAt = null;

    await waitForImportText(`Imported ${url}.`);
    await expectFacts({ source: url, videos: 4, segments: 126 });
    const cache = await readCache(page);
    expect(cache.active?.source).toEqual({ kind: 'url', url });
    expect(cache.transcriptDatasetIds).toEqual([cache.activeDatasetId]);
    expect(server.downloads('/update.jsonl').map((request) => request.finished)).toEqual([true]);

    await expectPanelLists(NEW_VIDEO, 26);
    await expect.poll(() => textOf(panelRegion(watch)), POLL).toContain('Only in the downloaded dataset');
    await searchBox(watch).fill('quokka');
    await expect.poll(() => hitButtons(watch).count(), POLL).toBe(1);
    expect(await textOf(hitButtons(watch).first())).toContain('quokka');
    await expectPanelLists(WORD2VEC, 66);
  });

  it('"Check now" sends a conditional request and imports nothing on 304, a new version on 200', async () => {
    await openOptions();
    const lastModified = new Date(Date.now() - 3_600_000).toUTCString();
    const served = server.serve('/checked.jsonl', { body: encode(toJsonLinesText(SAMPLE_ROWS)), contentType: 'application/jsonl', etag: '"v1"', lastModified });
    const url = server.url('/checked.jsonl');
    await loadUrl(url);
    await waitForImportText(`Imported ${url}.`);
    await expectFacts({ source: url, videos: 3, segments: 100 });
    // "Last checked <when>: imported." and the "Check now" button, in one paragraph.
    const lastCheck = page.locator('p', { hasText: /^Last checked / });
    await expect.poll(() => textOf(lastCheck), POLL).toMatch(/: imported\. Check now$/);
    const imported = await readCache(page);

    await page.getByRole('button', { name: 'Check now' }).click();

    await expect.poll(() => textOf(lastCheck), POLL).toMatch(/: unchanged\. Check now$/);
    const [first, check] = server.downloads('/checked.jsonl');
    expect(first?.status).toBe(200);
    expect(check?.headers['if-none-match']).toBe('"v1"');
    expect(check?.headers['if-modified-since']).toBe(lastModified);
    expect(check?.status).toBe(304);
    // Conditional headers are not CORS-safelisted: the browser asked first.
    const preflight = server.requests.find((request) => request.method === 'OPTIONS' && request.path === '/checked.jsonl');
    expect(preflight?.headers['access-control-request-headers']).toMatch(/if-none-match/);
    expect(preflight?.status).toBe(204);
    await expectUnchanged(imported);
    expect((await readCache(page)).active?.importedAt).toBe(imported.active?.importedAt);

    // The server has a new version: the check imports it.
    served.body = encode(toJsonLinesText(rowsOf(WORD2VEC)));
    served.etag = '"v2"';
    served.lastModified = new Date().toUTCString();
    await page.getByRole('button', { name: 'Check now' }).click();

    await expectFacts({ source: url, videos: 1, segments: 66 });
    await expect.poll(() => textOf(lastCheck), POLL).toMatch(/: imported\. Check now$/);
    const recheck = server.downloads('/checked.jsonl')[2];
    expect(recheck?.headers['if-none-match']).toBe('"v1"');
    expect(recheck?.status).toBe(200);
    expect((await readCache(page)).activeDatasetId).not.toBe(imported.activeDatasetId);
  });
  it('"Check now" still works on a server that does not answer CORS preflights', async () => {
    await openOptions();
    const lastModified = new Date(Date.now() - 7_200_000).toUTCString();
    server.serve('/static.jsonl', {
      body: encode(toJsonLinesText(SAMPLE_ROWS)),
      contentType: 'application/jsonl',
      etag: '"s1"',
      lastModified,
      preflight: false,
    });
    const url = server.url('/static.jsonl');
    await loadUrl(url);
    await waitForImportText(`Imported ${url}.`);
    const imported = await readCache(page);
    const lastCheck = page.locator('p', { hasText: /^Last checked / });

    await page.getByRole('button', { name: 'Check now' }).click();

    await expect.poll(() => textOf(lastCheck), POLL).toMatch(/: unchanged\. Check now$/);
    // The conditional request could not be sent; the plain one was, and its ETag matched.
    const plain = server.downloads('/static.jsonl').at(-1);
    expect(plain?.headers['if-none-match']).toBeUndefined();
    expect(plain?.status).toBe(200);
    expect((await readCache(page)).active?.importedAt).toBe(imported.active?.importedAt);
  });
});

describe('imports that fail keep the dataset in use', () => {
  it('reports a file with no valid rows and a truncated JSON array; the dataset stays', async () => {
    const before = await startFromBundled();
    const invalid = [
      'video_id,start_second,end_second,text',
      'not-an-id,1,2,a row without a real video id',
      `${WORD2VEC},-5,2,a negative start`,
      `${WORD2VEC},30,10,ends before it starts`,
      `${WORD2VEC},1,2,`,
    ].join('\n');
    await chooseFile(await writeDataset('all-invalid.csv', invalid));

    await expect.poll(() => textOf(importAlertMessage()), POLL).toBe(
      'Import of all-invalid.csv failed. The file has no usable rows: all 4 rows were rejected. The dataset you had is still in use.',
    );
    await expectFacts(BUNDLED);
    await expectUnchanged(before);

    const truncated = toJsonArrayText(SAMPLE_ROWS).slice(0, 5_000);
    await chooseFile(await writeDataset('truncated.json', truncated));

    await expect.poll(() => textOf(importAlertMessage()), POLL).toMatch(
      /^Import of truncated\.json failed\. The file starts like JSON but is not valid JSON \(.+\)\. The dataset you had is still in use\.$/,
    );
    await expectFacts(BUNDLED);
    await expectUnchanged(before);
    expect((await readCache(page)).uploads).toBe(0);
    await expectPanelLists(WORD2VEC, 66);
  });

  it('offers "Allow access and retry" when a server does not allow CORS, or cannot be reached', async () => {
    const before = await startFromBundled();
    server.serve('/no-cors.jsonl', { body: encode(toJsonLinesText(SAMPLE_ROWS)), contentType: 'application/jsonl', cors: false });
    const url = server.url('/no-cors.jsonl');
    const host = new URL(url).host;

    await loadUrl(url);

    await expect.poll(() => textOf(importAlertMessage()), POLL).toBe(
      `Import of ${url} failed. Could not download from ${host}: it could not be reached, or it does not let browser extensions read it. ` +
        `If the address is right, allow access to ${host} and try again. The dataset you had is still in use.`,
    );
    await importAlert().getByRole('button', { name: 'Allow access and retry' }).waitFor();
    // The server did answer: what failed is reading the answer.
    expect(server.downloads('/no-cors.jsonl').map((request) => request.status)).toEqual([200]);
    await expectFacts(BUNDLED);
    await expectUnchanged(before);

    // Nothing listens on this port any more.
    const closed = await startDatasetServer();
    const unreachable = closed.url('/gone.jsonl');
    await closed.close();
    await loadUrl(unreachable);

    await expect.poll(() => textOf(importAlertMessage()), POLL).toMatch(new RegExp(`^Import of ${unreachable.replaceAll('.', '\\.')} failed\\. Could not download`));
    await importAlert().getByRole('button', { name: 'Allow access and retry' }).waitFor();
    await expectUnchanged(before);
    await expectPanelLists(WORD2VEC, 66);
  });
});

describe('an import interrupted or cancelled', () => {
  /** ~4 MB of JSON Lines: the sample's rows over 60 synthetic videos. */
  const SYNTHETIC_VIDEOS = 60;
  /** Segments per synthetic video: rows of one video with the same start time replace each other. */
  const SYNTHETIC_SEGMENTS = new Set(SAMPLE_ROWS.map((row) => row.start_second)).size;
  function syntheticRows(): SampleRow[] {
    const rows: SampleRow[] = [];
    for (let v = 0; v < SYNTHETIC_VIDEOS; v += 1) {
      const id = `e2eVid${String(v).padStart(5, '0')}`;
      for (const row of SAMPLE_ROWS) {
        rows.push({ ...row, video_id: id, url: `https://www.youtube.com/watch?v=${id}&t=${row.start_second}s`, title: `Synthetic video ${v}` });
      }
    }
    return rows;
  }

  async function waitForStoredProgress(): Promise<void> {
    await expect
      .poll(async () => {
        const job = await readStoredJob(page);
        return job?.status === 'running' && job.rows > 0;
      }, POLL)
      .toBe(true);
  }

  it('survives the worker being stopped mid-download: old dataset kept, import restarts by itself and completes', async () => {
    const before = await startFromBundled();
    const rows = syntheticRows();
    const body = encode(toJsonLinesText(rows));
    expect(body.length).toBeGreaterThan(3_000_000);
    const served: ServedFile = server.serve('/large.jsonl', {
      body,
      contentType: 'application/jsonl',
      chunkBytes: 16 * 1024,
      delayMs: 10,
      holdAt: 1024 * 1024,
    });
    const url = server.url('/large.jsonl');
    // No YouTube tab: nothing else may wake the worker.
    await watch.goto('about:blank');

    await loadUrl(url);
    await waitForStoredProgress();
    await stopServiceWorker(browser, page, workerUrl);

    // The download died with the worker.
    await expect.poll(() => server.downloads('/large.jsonl')[0]?.aborted, POLL).toBe(true);
    await expectUnchanged(before);
    const interrupted = await readStoredJob(page);
    expect(interrupted?.status).toBe('running');
    expect(interrupted?.restarts).toBe(0);

    // The next download runs fast up to 2 MB, then waits for the test.
    served.delayMs = 0;
    served.chunkBytes = 256 * 1024;
    served.holdAt = 2 * 1024 * 1024;
    // Any message starts the worker again; the page asks for the status as it loads.
    await page.reload();

    await expect
      .poll(() => textOf(importSection().getByText(/^Reading /)), POLL)
      .toMatch(/^Reading .* · restarted after the browser stopped it \(1×\)$/);
    const restarted = await readStoredJob(page);
    expect(restarted?.id).toBe(interrupted?.id);
    expect(restarted?.restarts).toBe(1);
    // While the restarted import runs, the panel answers from the dataset it had.
    await expectPanelLists(WORD2VEC, 66);
    await expectPanelHasNoTranscript('e2eVid00001');
    await expectUnchanged(before);

    served.holdAt = null;

    await waitForImportText(`Imported ${url}.`);
    await expectFacts({ source: url, videos: SYNTHETIC_VIDEOS, segments: SYNTHETIC_VIDEOS * SYNTHETIC_SEGMENTS });
    const done = await readStoredJob(page);
    expect(done?.status).toBe('succeeded');
    expect(done?.restarts).toBe(1);
    const cache = await readCache(page);
    expect(cache.activeDatasetId).toBe(done?.status === 'succeeded' ? done.datasetId : undefined);
    expect(cache.activeDatasetId).not.toBe(before.activeDatasetId);
    expect(Object.keys(cache.videos)).toHaveLength(SYNTHETIC_VIDEOS);
    // Nothing of a partial or replaced dataset is left.
    expect(cache.datasetIds).toEqual([cache.activeDatasetId]);
    expect(cache.transcriptDatasetIds).toEqual([cache.activeDatasetId]);
    expect(cache.videoDatasetIds).toEqual([cache.activeDatasetId]);
    expect(server.downloads('/large.jsonl').map((request) => request.finished)).toEqual([false, true]);
    await expectPanelLists('e2eVid00001', SYNTHETIC_SEGMENTS);
  });

  it('cancels a running import; the dataset in use stays', async () => {
    const before = await startFromBundled();
    server.serve('/cancelled.jsonl', {
      body: encode(toJsonLinesText(SAMPLE_ROWS)),
      contentType: 'application/jsonl',
      chunkBytes: 1024,
      delayMs: 40,
      holdAt: 24 * 1024,
    });
    const url = server.url('/cancelled.jsonl');
    await loadUrl(url);
    await waitForStoredProgress();

    await page.getByRole('button', { name: 'Cancel import' }).click();

    await waitForImportText(`Import of ${url} cancelled. The dataset you had is still in use.`);
    expect((await readStoredJob(page))?.status).toBe('cancelled');
    await expect.poll(() => server.downloads('/cancelled.jsonl')[0]?.aborted, POLL).toBe(true);
    await expectFacts(BUNDLED);
    await expectUnchanged(before);
    await expectPanelLists(WORD2VEC, 66);
  });
});

describe('bundled sample and popup', () => {
  it('shows the bundled sample once the worker has re-created a lost cache at start-up (as at install)', async () => {
    await startFromBundled();
    await watch.goto('about:blank');
    await stopServiceWorker(browser, page, workerUrl);
    // The cache is gone (as on a fresh install, or site data cleared); no connection is open while the worker is stopped.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('transcript-search');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
          request.onblocked = () => reject(new Error('the database is still open somewhere'));
        }),
    );

    // The page's status request starts the worker, which imports the bundled sample first.
    await page.reload();

    await expectFacts(BUNDLED);
    const cache = await readCache(page);
    expect(cache.active?.source.kind).toBe('bundled');
    expect(cache.transcriptDatasetIds).toEqual([cache.activeDatasetId]);
    await expectPanelLists(WORD2VEC, 66);
  });

  it('"Reset to bundled sample" brings back the 3-video sample', async () => {
    await openOptions();
    await chooseFile(await writeDataset('before-reset.jsonl', toJsonLinesText(rowsOf(DATASET_BIAS))));
    await expectFacts({ source: 'File: before-reset.jsonl', videos: 1, segments: 8 });
    await expectPanelHasNoTranscript(WORD2VEC);
    await page.bringToFront();

    await page.getByRole('button', { name: 'Reset to bundled sample' }).click();

    await expectFacts(BUNDLED);
    await waitForImportText('Imported the bundled sample.');
    expect(await page.getByRole('button', { name: 'Reset to bundled sample' }).isDisabled()).toBe(true);
    const cache = await readCache(page);
    expect(cache.active?.source.kind).toBe('bundled');
    expect(Object.fromEntries(Object.entries(cache.videos).map(([id, video]) => [id, video.segments]))).toEqual(SEGMENTS_OF);
    expect(cache.transcriptDatasetIds).toEqual([cache.activeDatasetId]);
    await expectPanelLists(WORD2VEC, 66);
  });

  it('the popup shows the dataset status and opens the options page', async () => {
    await startFromBundled();
    // No options page and no YouTube page open: the popup's button must open the options, and no tab shows a video.
    await page.goto('about:blank');
    await watch.goto('about:blank');
    const popup = await browser.context.newPage();
    try {
      await popup.goto(popupUrl(extensionId));

      await expect.poll(() => textOf(popup.locator('main')), POLL).toContain('3 videos, 100 segments (bundled sample).');
      await expect.poll(() => textOf(popup.locator('main')), POLL).toContain('Open a YouTube video to search its transcript.');
      const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
      await popup.getByRole('button', { name: 'Dataset options' }).click();
      const options = await opened;
      await options.waitForURL(optionsUrl(extensionId));
      await options.close();
    } finally {
      if (!popup.isClosed()) await popup.close();
    }
  });
});
