import { Blob as NodeBlob } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { RunningJob } from '../../../lib/imports/job';
import { MAX_RESTARTS } from '../../../lib/imports/restart-policy';
import { getActiveDataset, getTranscript } from '../../../lib/store/reads';
import { getUpload, stageUpload } from '../../../lib/store/uploads';
import type { VideoId } from '../../../lib/youtube/url';
import { gzip, SAMPLE, toJsonLinesText } from '../../fixtures/dataset-files';
import { SAMPLE_JSONL } from '../../fixtures/sample';
import { failureOf, useImportHarness } from '../../support/import-harness';

const URL_A = 'https://data.example/train.jsonl';
// happy-dom's Blob does not survive fake-indexeddb's structured clone; Node's does, as Chrome's does.
const stagedFile = (text: string) => new NodeBlob([text]) as unknown as Blob;

const h = useImportHarness();

describe('URL import', () => {
  it('downloads, imports, remembers the URL with its validators', async () => {
    const controller = h.controllerWith(
      () => new Response(SAMPLE_JSONL, { headers: { ETag: '"v1"', 'Last-Modified': 'Tue, 01 Sep 2026 10:00:00 GMT' } }),
    );
    expect(await controller.start({ kind: 'url', url: URL_A })).toMatchObject({ status: 'started' });
    expect(await controller.start({ kind: 'url', url: URL_A })).toMatchObject({ status: 'busy' });
    await controller.whenIdle();
    expect(h.jobStore.value).toMatchObject({ status: 'succeeded', rows: 100, report: { acceptedRows: 100 } });
    expect((await getActiveDataset(h.db))?.source).toEqual({ kind: 'url', url: URL_A });
    expect((await getTranscript(h.db, 'yexR53My2O4' as VideoId))?.segments).toHaveLength(66);
    expect(h.urlStore.value).toMatchObject({ url: URL_A, etag: '"v1"', lastModified: 'Tue, 01 Sep 2026 10:00:00 GMT', lastCheck: 'imported' });
  });

  it('reports reading the file, then writing its videos, while it runs (the progress the options page shows)', async () => {
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL));
    const phases: string[] = [];
    const setValue = h.jobStore.setValue.bind(h.jobStore);
    h.jobStore.setValue = (job) => {
      if (job?.status === 'running' && phases.at(-1) !== job.phase) phases.push(job.phase);
      return setValue(job);
    };
    await controller.start({ kind: 'url', url: URL_A });
    await controller.whenIdle();
    expect(phases).toEqual(['reading', 'writing']);
  });

  it('reads a gzip file served as is', async () => {
    const body = await gzip(toJsonLinesText(SAMPLE));
    const controller = h.controllerWith(() => new Response(body, { headers: { 'Content-Length': String(body.length) } }));
    await controller.start({ kind: 'url', url: 'https://data.example/train.jsonl.gz' });
    await controller.whenIdle();
    expect(h.jobStore.value).toMatchObject({ status: 'succeeded', totalBytes: body.length, bytesRead: body.length });
  });

  it.each([
    ['an HTTP error', () => new Response('gone', { status: 404, statusText: 'Not Found' }), 'The server answered 404 Not Found.'],
    ['a file with no usable rows', () => new Response('{"video_id": "bad"}\n{"text": ""}\n'), 'all 2 rows were rejected'],
    ['a file of no known shape', () => new Response('[{"video_id": '), 'not valid JSON'],
  ])('reports %s in words and keeps the dataset in use', async (_label, serve, message) => {
    const controller = h.controllerWith(serve);
    await controller.start({ kind: 'url', url: URL_A });
    await controller.whenIdle();
    expect(h.jobStore.value?.status).toBe('failed');
    expect(failureOf(h.jobStore.value)?.message).toContain(message);
    expect(failureOf(h.jobStore.value)?.message).toContain('The dataset you had is still in use.');
    await h.expectOldDatasetKept();
    expect(h.urlStore.value).toBeNull();
  });

  it('offers host access when the server cannot be read (offline or no CORS)', async () => {
    const controller = h.controllerWith(() => Promise.reject(new TypeError('Failed to fetch')));
    await controller.start({ kind: 'url', url: URL_A });
    await controller.whenIdle();
    expect(failureOf(h.jobStore.value)).toMatchObject({ accessPattern: 'https://data.example/*' });
    expect(failureOf(h.jobStore.value)?.message).toContain('allow access to data.example');
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
    const controller = h.controllerWith(() => new Response(endless));
    await controller.start({ kind: 'url', url: URL_A });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await controller.cancel()).toEqual({ cancelled: true });
    expect(sent).toBeGreaterThan(1);
    expect(h.jobStore.value?.status).toBe('cancelled');
    await h.expectOldDatasetKept();
  });
});

describe('file import', () => {
  it('imports a staged file and then drops it', async () => {
    const uploadId = await stageUpload(h.db, stagedFile(SAMPLE_JSONL), 'train.jsonl');
    const controller = h.controllerWith(() => new Response(null, { status: 500 }));
    await controller.start({ kind: 'file', uploadId, name: 'train.jsonl' });
    await controller.whenIdle();
    expect(failureOf(h.jobStore.value)).toBeUndefined();
    expect(h.jobStore.value?.status).toBe('succeeded');
    expect((await getActiveDataset(h.db))?.source).toEqual({ kind: 'file', name: 'train.jsonl' });
    expect(await getUpload(h.db, uploadId)).toBeUndefined();
    expect(h.requests).toHaveLength(0);
  });
});

describe('after the browser stopped the worker mid-import', () => {
  it('starts the import over and finishes it', async () => {
    const uploadId = await stageUpload(h.db, stagedFile(SAMPLE_JSONL), 'train.jsonl');
    h.jobStore.value = {
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
    const controller = h.controllerWith(() => new Response(null, { status: 500 }));
    expect(await controller.resumeInterrupted()).toBe(true);
    await controller.whenIdle();
    expect(h.jobStore.value).toMatchObject({ id: 'job-1', status: 'succeeded', restarts: 1 });
    expect((await getTranscript(h.db, 'yexR53My2O4' as VideoId))?.segments).toHaveLength(66);
  });

  it('gives up after repeated interruptions, keeping the dataset in use', async () => {
    h.jobStore.value = {
      ...({} as RunningJob),
      id: 'job-2',
      source: { kind: 'url', url: URL_A },
      status: 'running',
      restarts: MAX_RESTARTS,
    };
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL));
    expect(await controller.resumeInterrupted()).toBe(false);
    expect(h.jobStore.value.status).toBe('failed');
    expect(h.requests).toHaveLength(0);
    await h.expectOldDatasetKept();
  });

  it('does nothing when no import was running', async () => {
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL));
    expect(await controller.resumeInterrupted()).toBe(false);
  });
});

describe('one import at a time, whoever starts it', () => {
  it('refuses a new import while the daily check is still asking the server, and vice versa', async () => {
    h.urlStore.value = { url: URL_A, etag: '"v1"' };
    let answer: (response: Response) => void = () => undefined;
    const controller = h.controllerWith(
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
    expect(h.requests.map((r) => r.url)).toEqual([URL_A]);
    expect(h.urlStore.value).toMatchObject({ url: URL_A, etag: '"v2"' });
  });

  it('cancels an import the daily check started, even while the server stalls', async () => {
    h.urlStore.value = { url: URL_A, etag: '"v1"' };
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(toJsonLinesText(SAMPLE.slice(0, 5))));
        // …and then nothing, ever.
      },
    });
    const controller = h.controllerWith(() => new Response(stalled, { headers: { ETag: '"v2"' } }));
    expect(await controller.refreshFromUrl()).toEqual({ status: 'started' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const cancelled = await Promise.race([
      controller.cancel(),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1000)),
    ]);
    expect(cancelled).toEqual({ cancelled: true });
    expect(h.jobStore.value?.status).toBe('cancelled');
    await h.expectOldDatasetKept();
  });

  it('a cancelled reset to the bundled sample changes nothing', async () => {
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL));
    await controller.start({ kind: 'bundled' });
    await controller.cancel();
    expect(h.jobStore.value?.status).toBe('cancelled');
    await h.expectOldDatasetKept();
  });

  it('does not claim a total it cannot count (compressed transfer)', async () => {
    const controller = h.controllerWith(
      () => new Response(SAMPLE_JSONL, { headers: { 'Content-Length': '1000', 'Content-Encoding': 'gzip' } }),
    );
    await controller.start({ kind: 'url', url: URL_A });
    await controller.whenIdle();
    expect(h.jobStore.value).toMatchObject({ status: 'succeeded', totalBytes: null });
  });
});

describe('when the cache cannot be opened', () => {
  it('reports the failure and does not stay busy', async () => {
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL), {
      database: () => Promise.reject(new DOMException('The database is blocked.', 'UnknownError')),
    });
    await controller.start({ kind: 'url', url: URL_A });
    await controller.whenIdle();
    expect(h.jobStore.value).toMatchObject({ status: 'failed', error: { message: expect.stringContaining('database is blocked') as string } });
    expect(await controller.start({ kind: 'url', url: URL_A })).toMatchObject({ status: 'started' });
  });
});

