import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getActiveDataset, getTranscript } from '../../../lib/store/reads';
import { openTranscriptDb, type TranscriptDb } from '../../../lib/store/schema';
import type { VideoId } from '../../../lib/youtube/url';
import { makeRow, SAMPLE_JSONL, toJsonLines } from '../../fixtures/sample';
import { OLD_ROWS, useImportHarness } from '../../support/import-harness';
import { importJsonLines } from '../../support/import-text';

const URL_A = 'https://data.example/train.jsonl';

const h = useImportHarness();

describe('reset to the bundled sample', () => {
  it('imports the sample and forgets the saved URL', async () => {
    h.urlStore.value = { url: URL_A };
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL));
    await controller.start({ kind: 'bundled' });
    await controller.whenIdle();
    const dataset = await getActiveDataset(h.db);
    expect(dataset?.source).toEqual({ kind: 'bundled', path: '/sample.jsonl' });
    expect(dataset?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(h.urlStore.value).toBeNull();
  });
});

describe('the bundled sample at start-up', () => {
  let fresh: TranscriptDb;
  beforeEach(async () => {
    fresh = await openTranscriptDb(`bundled-${Math.random()}`);
  });
  afterEach(() => fresh.close());

  const serveSample = (text: string) =>
    h.controllerWith((request) => (request.url === 'chrome-extension://id/sample.jsonl' ? new Response(text) : new Response(null, { status: 404 })), {
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
    const controller = h.controllerWith((request) =>
      request.url === URL_A ? new Response(SAMPLE_JSONL) : new Response('nope', { status: 500 }),
    );
    await controller.start({ kind: 'url', url: URL_A });
    await controller.whenIdle();
    const active = await getActiveDataset(h.db);
    expect(h.activeStore.value).toEqual({ id: active?.id, importedAt: active?.importedAt });
    const written = h.activeStore.value;

    await controller.start({ kind: 'url', url: 'https://data.example/broken.jsonl' });
    await controller.whenIdle();
    expect(h.jobStore.value?.status).toBe('failed');
    expect(h.activeStore.value).toBe(written);
  });

  it('is set at start-up to the dataset already cached when it was never written (an update from an older version)', async () => {
    const controller = h.controllerWith(() => new Response(OLD_ROWS));
    expect(await controller.ensureBundled()).toEqual({ imported: false });
    const active = await getActiveDataset(h.db);
    expect(h.activeStore.value).toEqual({ id: active?.id, importedAt: active?.importedAt });
  });
});
