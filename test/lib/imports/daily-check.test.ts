import { describe, expect, it } from 'vitest';
import { getTranscript } from '../../../lib/store/reads';
import { openTranscriptDb } from '../../../lib/store/schema';
import type { VideoId } from '../../../lib/youtube/url';
import { SAMPLE_JSONL } from '../../fixtures/sample';
import { useImportHarness } from '../../support/import-harness';

const URL_A = 'https://data.example/train.jsonl';

const h = useImportHarness();

describe('daily check of the saved URL', () => {
  it('sends the validators and imports nothing when the server says 304', async () => {
    h.urlStore.value = { url: URL_A, etag: '"v1"', lastModified: 'Tue, 01 Sep 2026 10:00:00 GMT' };
    const controller = h.controllerWith(() => new Response(null, { status: 304 }));
    expect(await controller.refreshFromUrl()).toEqual({ status: 'unchanged' });
    expect(h.requests[0]?.headers.get('If-None-Match')).toBe('"v1"');
    expect(h.requests[0]?.headers.get('If-Modified-Since')).toBe('Tue, 01 Sep 2026 10:00:00 GMT');
    expect(h.urlStore.value).toMatchObject({ lastCheck: 'unchanged' });
    expect(h.jobStore.value).toBeNull();
    await h.expectOldDatasetKept();
  });

  it('treats the same ETag on a 200 as unchanged', async () => {
    h.urlStore.value = { url: URL_A, etag: '"v1"' };
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL, { headers: { ETag: '"v1"' } }));
    expect(await controller.refreshFromUrl()).toEqual({ status: 'unchanged' });
    await h.expectOldDatasetKept();
  });

  it('imports a changed file', async () => {
    h.urlStore.value = { url: URL_A, etag: '"v1"' };
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL, { headers: { ETag: '"v2"' } }));
    expect(await controller.refreshFromUrl()).toEqual({ status: 'started' });
    await controller.whenIdle();
    expect(h.urlStore.value).toMatchObject({ etag: '"v2"', lastCheck: 'imported' });
    expect((await getTranscript(h.db, 'yexR53My2O4' as VideoId))?.segments).toHaveLength(66);
  });

  it('asks again without validators when the server refuses them (no CORS preflight), and compares', async () => {
    h.urlStore.value = { url: URL_A, etag: '"v1"', lastModified: 'Tue, 01 Sep 2026 10:00:00 GMT' };
    const controller = h.controllerWith((request) =>
      request.headers.has('If-None-Match')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : new Response(SAMPLE_JSONL, { headers: { 'Last-Modified': 'Tue, 01 Sep 2026 10:00:00 GMT' } }),
    );
    expect(await controller.refreshFromUrl()).toEqual({ status: 'unchanged' });
    expect(h.requests.map((r) => r.headers.has('If-None-Match'))).toEqual([true, false]);
    await h.expectOldDatasetKept();
  });

  it('has nothing to check without a saved URL', async () => {
    expect(await h.controllerWith(() => new Response('')).refreshFromUrl()).toEqual({ status: 'no-url' });
  });
});


describe('daily check that fails, and the status it leaves', () => {
  it('reports a server it cannot reach, notes the failed check, and keeps the dataset', async () => {
    h.urlStore.value = { url: URL_A, etag: '"v1"' };
    const controller = h.controllerWith(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await controller.refreshFromUrl()).toEqual({
      status: 'failed',
      message:
        'Could not download from data.example: it could not be reached, or it does not let browser extensions read it. If the address is right, allow access to data.example and try again. The dataset you had is still in use.',
    });
    expect(h.urlStore.value).toMatchObject({ url: URL_A, etag: '"v1"', lastCheck: 'failed' });
    await h.expectOldDatasetKept();
    // The slot is free again: the next check runs.
    expect(await controller.refreshFromUrl()).toMatchObject({ status: 'failed' });
  });

  it('status: the dataset in use, no job, and the saved URL after an unchanged check', async () => {
    h.urlStore.value = { url: URL_A, etag: '"v1"' };
    const controller = h.controllerWith(() => new Response(null, { status: 304 }));
    await controller.refreshFromUrl();
    expect(await controller.status()).toEqual({
      dataset: expect.objectContaining({ source: { kind: 'bundled', path: '/sample.jsonl' } }) as unknown,
      job: null,
      savedUrl: expect.objectContaining({ url: URL_A, lastCheck: 'unchanged' }) as unknown,
    });
  });

  it('status: a cache without a dataset reads as null', async () => {
    const empty = await openTranscriptDb(`empty-${Math.random()}`);
    const controller = h.controllerWith(() => new Response(null, { status: 304 }), { database: () => Promise.resolve(empty) });
    expect(await controller.status()).toEqual({ dataset: null, job: null, savedUrl: null });
    empty.close();
  });
});
