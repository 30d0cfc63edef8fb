import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImportController, type ImportControllerOptions } from '../../../lib/imports/controller';
import type { ImportError, ImportJob, RunningJob, SavedDatasetUrl } from '../../../lib/imports/job';
import { MAX_RESTARTS } from '../../../lib/imports/restart-policy';
import { getActiveDataset, getTranscript } from '../../../lib/store/reads';
import type { ActiveDataset } from '../../../lib/store/records';
import { openTranscriptDb, type TranscriptDb } from '../../../lib/store/schema';
import { getUpload, stageUpload } from '../../../lib/store/uploads';
import type { VideoId } from '../../../lib/youtube/url';
import { gzip, SAMPLE, toJsonLinesText } from '../../fixtures/dataset-files';
import { makeRow, SAMPLE_JSONL, toJsonLines } from '../../fixtures/sample';
import { importJsonLines } from '../../support/import-text';
import { memoryStore } from '../../support/memory-store';

const URL_A = 'https://data.example/train.jsonl';
// happy-dom's Blob does not survive fake-indexeddb's structured clone; Node's does, as Chrome's does.
const stagedFile = (text: string) => new NodeBlob([text]) as unknown as Blob;
const OLD_ROWS = toJsonLines([makeRow({ video_id: 'aaaaaaaaaaa', url: undefined })]);

/** The error of a failed job; `undefined` for any other. */
const failureOf = (job: ImportJob | null): ImportError | undefined => (job?.status === 'failed' ? job.error : undefined);

let db: TranscriptDb;
let jobStore: ReturnType<typeof memoryStore<ImportJob | null>>;
let urlStore: ReturnType<typeof memoryStore<SavedDatasetUrl | null>>;
let activeStore: ReturnType<typeof memoryStore<ActiveDataset | null>>;
let requests: Request[];

beforeEach(async () => {
  db = await openTranscriptDb(`controller-${Math.random()}`);
  await importJsonLines(db, OLD_ROWS, { kind: 'bundled', path: '/sample.jsonl' });
  jobStore = memoryStore<ImportJob | null>(null);
  urlStore = memoryStore<SavedDatasetUrl | null>(null);
  activeStore = memoryStore<ActiveDataset | null>(null);
  requests = [];
});
afterEach(() => db.close());

function controllerWith(serve: (request: Request) => Response | Promise<Response>, overrides: Partial<ImportControllerOptions> = {}) {
  return createImportController({
    database: () => Promise.resolve(db),
    jobStore,
    urlStore,
    activeStore,
    bundledUrl: 'chrome-extension://id/sample.jsonl',
    bundledPath: '/sample.jsonl',
    fetch: (input, init) => {
      const request = new Request(input, init);
      requests.push(request);
      return Promise.resolve(serve(request));
    },
    progressIntervalMs: 0,
    ...overrides,
  });
}

async function expectOldDatasetKept() {
  expect(await getTranscript(db, 'aaaaaaaaaaa' as VideoId)).toBeDefined();
  expect(await getTranscript(db, 'yexR53My2O4' as VideoId)).toBeUndefined();
}

describe('URL import', () => {
  it('downloads, imports, remembers the URL with its validators', async () => {
    const controller = controllerWith(
      () => new Response(SAMPLE_JSONL, { headers: { ETag: '"v1"', 'Last-Modified': 'Tue, 01 Sep 2026 10:00:00 GMT' } }),
    );
    expect(await controller.start({ kind: 'url', url: URL_A })).toMatchObject({ status: 'started' });
    expect(await controller.start({ kind: 'url', url: URL_A })).toMatchObject({ status: 'busy' });
    await controller.whenIdle();
    expect(jobStore.value).toMatchObject({ status: 'succeeded', rows: 100, report: { acceptedRows: 100 } });
    expect((await getActiveDataset(db))?.source).toEqual({ kind: 'url', url: URL_A });
    expect((await getTranscript(db, 'yexR53My2O4' as VideoId))?.segments).toHaveLength(66);
    expect(urlStore.value).toMatchObject({ url: URL_A, etag: '"v1"', lastModified: 'Tue, 01 Sep 2026 10:00:00 GMT', lastCheck: 'imported' });
  });

  it('reads a gzip file served as is', async () => {
    const body = await gzip(toJsonLinesText(SAMPLE));
    const controller = controllerWith(() => new Response(body, { headers: { 'Content-Length': String(body.length) } }));
    await controller.start({ kind: 'url', url: 'https://data.example/train.jsonl.gz' });
    await controller.whenIdle();
    expect(jobStore.value).toMatchObject({ status: 'succeeded', totalBytes: body.length, bytesRead: body.length });
  });

  it.each([
    ['an HTTP error', () => new Response('gone', { status: 404, statusText: 'Not Found' }), 'The server answered 404 Not Found.'],
    ['a file with no usable rows', () => new Response('{"video_id": "bad"}\n{"text": ""}\n'), 'all 2 rows were rejected'],
    ['a file of no known shape', () => new Response('[{"video_id": '), 'not valid JSON'],
  ])('reports %s in words and keeps the dataset in use', async (_label, serve, message) => {
    const controller = controllerWith(serve);
    await controller.start({ kind: 'url', url: URL_A });
    await controller.whenIdle();
    expect(jobStore.value?.status).toBe('failed');
    expect(failureOf(jobStore.value)?.message).toContain(message);
    expect(failureOf(jobStore.value)?.message).toContain('The dataset you had is still in use.');
    await expectOldDatasetKept();
    expect(urlStore.value).toBeNull();
  });

  it('offers host access when the server cannot be read (offline or no CORS)', async () => {
    const controller = controllerWith(() => Promise.reject(new TypeError('Failed to fetch')));
    await controller.start({ kind: 'url', url: URL_A });
    await controller.whenIdle();
    expect(failureOf(jobStore.value)).toMatchObject({ accessPattern: 'https://data.example/*' });
    expect(failureOf(jobStore.value)?.message).toContain('allow access to data.example');
  });

  it('can be cancelled mid-download; nothing changes', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        controller.enqueue(new TextEncoder().encode(toJsonLinesText(SAMPLE.slice(0, 10))));
        return new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    const controller = controllerWith(() => new Response(endless));
    await controller.start({ kind: 'url', url: URL_A });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await controller.cancel()).toEqual({ cancelled: true });
    expect(sent).toBeGreaterThan(1);
    expect(jobStore.value?.status).toBe('cancelled');
    await expectOldDatasetKept();
  });
});

describe('file import', () => {
  it('imports a staged file and then drops it', async () => {
    const uploadId = await stageUpload(db, stagedFile(SAMPLE_JSONL), 'train.jsonl');
    const controller = controllerWith(() => new Response(null, { status: 500 }));
    await controller.start({ kind: 'file', uploadId, name: 'train.jsonl' });
    await controller.whenIdle();
    expect(failureOf(jobStore.value)).toBeUndefined();
    expect(jobStore.value?.status).toBe('succeeded');
    expect((await getActiveDataset(db))?.source).toEqual({ kind: 'file', name: 'train.jsonl' });
    expect(await getUpload(db, uploadId)).toBeUndefined();
    expect(requests).toHaveLength(0);
  });
});

describe('after the browser stopped the worker mid-import', () => {
  it('starts the import over and finishes it', async () => {
    const uploadId = await stageUpload(db, stagedFile(SAMPLE_JSONL), 'train.jsonl');
    jobStore.value = {
      id: 'job-1',
      source: { kind: 'file', uploadId, name: 'train.jsonl' },
      status: 'running',
      phase: 'reading',
      bytesRead: 1000,
      totalBytes: 68_000,
      rows: 3,
      videosWritten: 0,
      videosTotal: 0,
      startedAt: 1,
      updatedAt: 2,
      restarts: 0,
    };
    const controller = controllerWith(() => new Response(null, { status: 500 }));
    expect(await controller.resumeInterrupted()).toBe(true);
    await controller.whenIdle();
    expect(jobStore.value).toMatchObject({ id: 'job-1', status: 'succeeded', restarts: 1 });
    expect((await getTranscript(db, 'yexR53My2O4' as VideoId))?.segments).toHaveLength(66);
  });

  it('gives up after repeated interruptions, keeping the dataset in use', async () => {
    jobStore.value = {
      ...({} as RunningJob),
      id: 'job-2',
      source: { kind: 'url', url: URL_A },
      status: 'running',
      restarts: MAX_RESTARTS,
    };
    const controller = controllerWith(() => new Response(SAMPLE_JSONL));
    expect(await controller.resumeInterrupted()).toBe(false);
    expect(jobStore.value.status).toBe('failed');
    expect(requests).toHaveLength(0);
    await expectOldDatasetKept();
  });

  it('does nothing when no import was running', async () => {
    const controller = controllerWith(() => new Response(SAMPLE_JSONL));
    expect(await controller.resumeInterrupted()).toBe(false);
  });
});

describe('daily check of the saved URL', () => {
  it('sends the validators and imports nothing when the server says 304', async () => {
    urlStore.value = { url: URL_A, etag: '"v1"', lastModified: 'Tue, 01 Sep 2026 10:00:00 GMT' };
    const controller = controllerWith(() => new Response(null, { status: 304 }));
    expect(await controller.refreshFromUrl()).toEqual({ status: 'unchanged' });
    expect(requests[0]?.headers.get('If-None-Match')).toBe('"v1"');
    expect(requests[0]?.headers.get('If-Modified-Since')).toBe('Tue, 01 Sep 2026 10:00:00 GMT');
    expect(urlStore.value).toMatchObject({ lastCheck: 'unchanged' });
    expect(jobStore.value).toBeNull();
    await expectOldDatasetKept();
  });

  it('treats the same ETag on a 200 as unchanged', async () => {
    urlStore.value = { url: URL_A, etag: '"v1"' };
    const controller = controllerWith(() => new Response(SAMPLE_JSONL, { headers: { ETag: '"v1"' } }));
    expect(await controller.refreshFromUrl()).toEqual({ status: 'unchanged' });
    await expectOldDatasetKept();
  });

  it('imports a changed file', async () => {
    urlStore.value = { url: URL_A, etag: '"v1"' };
    const controller = controllerWith(() => new Response(SAMPLE_JSONL, { headers: { ETag: '"v2"' } }));
    expect(await controller.refreshFromUrl()).toEqual({ status: 'started' });
    await controller.whenIdle();
    expect(urlStore.value).toMatchObject({ etag: '"v2"', lastCheck: 'imported' });
    expect((await getTranscript(db, 'yexR53My2O4' as VideoId))?.segments).toHaveLength(66);
  });

  it('asks again without validators when the server refuses them (no CORS preflight), and compares', async () => {
    urlStore.value = { url: URL_A, etag: '"v1"', lastModified: 'Tue, 01 Sep 2026 10:00:00 GMT' };
    const controller = controllerWith((request) =>
      request.headers.has('If-None-Match')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : new Response(SAMPLE_JSONL, { headers: { 'Last-Modified': 'Tue, 01 Sep 2026 10:00:00 GMT' } }),
    );
    expect(await controller.refreshFromUrl()).toEqual({ status: 'unchanged' });
    expect(requests.map((r) => r.headers.has('If-None-Match'))).toEqual([true, false]);
    await expectOldDatasetKept();
  });

  it('has nothing to check without a saved URL', async () => {
    expect(await controllerWith(() => new Response('')).refreshFromUrl()).toEqual({ status: 'no-url' });
  });
});

describe('reset to the bundled sample', () => {
  it('imports the sample and forgets the saved URL', async () => {
    urlStore.value = { url: URL_A };
    const controller = controllerWith(() => new Response(SAMPLE_JSONL));
    await controller.start({ kind: 'bundled' });
    await controller.whenIdle();
    const dataset = await getActiveDataset(db);
    expect(dataset?.source).toEqual({ kind: 'bundled', path: '/sample.jsonl' });
    expect(dataset?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(urlStore.value).toBeNull();
  });
});

describe('one import at a time, whoever starts it', () => {
  it('refuses a new import while the daily check is still asking the server, and vice versa', async () => {
    urlStore.value = { url: URL_A, etag: '"v1"' };
    let answer: (response: Response) => void = () => undefined;
    const controller = controllerWith(
      (request) =>
        request.url === URL_A
          ? new Promise<Response>((resolve) => (answer = resolve))
          : new Response(SAMPLE_JSONL),
    );
    const check = controller.refreshFromUrl();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await controller.start({ kind: 'url', url: 'https://other.example/b.jsonl' })).toEqual({ status: 'busy' });
    answer(new Response(SAMPLE_JSONL, { headers: { ETag: '"v2"' } }));
    expect(await check).toEqual({ status: 'started' });
    expect(await controller.refreshFromUrl()).toEqual({ status: 'busy' });
    await controller.whenIdle();
    expect(requests.map((r) => r.url)).toEqual([URL_A]);
    expect(urlStore.value).toMatchObject({ url: URL_A, etag: '"v2"' });
  });

  it('cancels an import the daily check started, even while the server stalls', async () => {
    urlStore.value = { url: URL_A, etag: '"v1"' };
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(toJsonLinesText(SAMPLE.slice(0, 5))));
        // …and then nothing, ever.
      },
    });
    const controller = controllerWith(() => new Response(stalled, { headers: { ETag: '"v2"' } }));
    expect(await controller.refreshFromUrl()).toEqual({ status: 'started' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const cancelled = await Promise.race([
      controller.cancel(),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1000)),
    ]);
    expect(cancelled).toEqual({ cancelled: true });
    expect(jobStore.value?.status).toBe('cancelled');
    await expectOldDatasetKept();
  });

  it('a cancelled reset to the bundled sample changes nothing', async () => {
    const controller = controllerWith(() => new Response(SAMPLE_JSONL));
    await controller.start({ kind: 'bundled' });
    await controller.cancel();
    expect(jobStore.value?.status).toBe('cancelled');
    await expectOldDatasetKept();
  });

  it('does not claim a total it cannot count (compressed transfer)', async () => {
    const controller = controllerWith(
      () => new Response(SAMPLE_JSONL, { headers: { 'Content-Length': '1000', 'Content-Encoding': 'gzip' } }),
    );
    await controller.start({ kind: 'url', url: URL_A });
    await controller.whenIdle();
    expect(jobStore.value).toMatchObject({ status: 'succeeded', totalBytes: null });
  });
});

describe('when the cache cannot be opened', () => {
  it('reports the failure and does not stay busy', async () => {
    const controller = controllerWith(() => new Response(SAMPLE_JSONL), {
      database: () => Promise.reject(new DOMException('The database is blocked.', 'UnknownError')),
    });
    await controller.start({ kind: 'url', url: URL_A });
    await controller.whenIdle();
    expect(jobStore.value).toMatchObject({ status: 'failed', error: { message: expect.stringContaining('database is blocked') as string } });
    expect(await controller.start({ kind: 'url', url: URL_A })).toMatchObject({ status: 'started' });
  });
});

describe('the bundled sample at start-up', () => {
  let fresh: TranscriptDb;
  beforeEach(async () => {
    fresh = await openTranscriptDb(`bundled-${Math.random()}`);
  });
  afterEach(() => fresh.close());

  const serveSample = (text: string) =>
    controllerWith((request) => (request.url === 'chrome-extension://id/sample.jsonl' ? new Response(text) : new Response(null, { status: 404 })), {
      database: () => Promise.resolve(fresh),
    });

  it('imports into an empty cache, then leaves a current one alone', async () => {
    expect(await serveSample(SAMPLE_JSONL).ensureBundled()).toEqual({ imported: true });
    const first = await getActiveDataset(fresh);
    expect(first?.source).toEqual({ kind: 'bundled', path: '/sample.jsonl' });
    expect(await serveSample(SAMPLE_JSONL).ensureBundled()).toEqual({ imported: false });
    expect(await getActiveDataset(fresh)).toEqual(first);
  });

  it('replaces an older bundled version (an extension update)', async () => {
    await serveSample(toJsonLines([makeRow()])).ensureBundled();
    expect(await serveSample(SAMPLE_JSONL).ensureBundled()).toEqual({ imported: true });
    expect((await getTranscript(fresh, 'T35ba_VXkMY' as VideoId))?.segments).toHaveLength(26);
  });

  it('never replaces a dataset the user chose', async () => {
    const chosen = await importJsonLines(fresh, toJsonLines([makeRow()]), { kind: 'file', name: 'mine.jsonl' });
    expect(await serveSample(SAMPLE_JSONL).ensureBundled()).toEqual({ imported: false });
    expect(await getActiveDataset(fresh)).toEqual(chosen);
    expect(await getTranscript(fresh, 'T35ba_VXkMY' as VideoId)).toBeUndefined();
  });

  it('survives reopening the database (the cache persists)', async () => {
    const name = fresh.name;
    await serveSample(SAMPLE_JSONL).ensureBundled();
    fresh.close();
    fresh = await openTranscriptDb(name);
    expect(await serveSample(SAMPLE_JSONL).ensureBundled()).toEqual({ imported: false });
    expect((await getTranscript(fresh, 'yexR53My2O4' as VideoId))?.segments).toHaveLength(66);
  });
});

describe('the active dataset, as pages and tabs watch it', () => {
  it('is written once a dataset is switched in, and left alone by a failed import', async () => {
    const controller = controllerWith((request) =>
      request.url === URL_A ? new Response(SAMPLE_JSONL) : new Response('nope', { status: 500 }),
    );
    await controller.start({ kind: 'url', url: URL_A });
    await controller.whenIdle();
    const active = await getActiveDataset(db);
    expect(activeStore.value).toEqual({ id: active?.id, importedAt: active?.importedAt });
    const written = activeStore.value;

    await controller.start({ kind: 'url', url: 'https://data.example/broken.jsonl' });
    await controller.whenIdle();
    expect(jobStore.value?.status).toBe('failed');
    expect(activeStore.value).toBe(written);
  });

  it('is set at start-up to the dataset already cached when it was never written (an update from an older version)', async () => {
    const controller = controllerWith(() => new Response(OLD_ROWS));
    expect(await controller.ensureBundled()).toEqual({ imported: false });
    const active = await getActiveDataset(db);
    expect(activeStore.value).toEqual({ id: active?.id, importedAt: active?.importedAt });
  });
});
