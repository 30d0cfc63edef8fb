import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/dataset/rows';
import { switchToDataset, writeDatasetVideos } from '../../../lib/store/datasets';
import { openTranscriptDb, type TranscriptDb } from '../../../lib/store/schema';
import { createTranscriptService } from '../../../lib/lookup/dataset-lookup';
import type { VideoId } from '../../../lib/youtube/url';
import { SAMPLE_JSONL } from '../../fixtures/sample';
import { importJsonLines } from '../../support/import-text';

let db: TranscriptDb;
beforeEach(async () => {
  db = await openTranscriptDb(`service-${Math.random()}`);
});
afterEach(() => db.close());

describe('getTranscript', () => {
  it('answers a covered video with its info and sorted segments, after the import settles', async () => {
    const pendingImport = importJsonLines(db, SAMPLE_JSONL, { kind: 'bundled', path: '/sample.jsonl' });
    const service = createTranscriptService({ database: () => Promise.resolve(db), ready: () => pendingImport });
    const response = await service.getTranscript({ type: 'getTranscript', videoId: 'n1SXlK5rhR8' as VideoId });
    expect(response.status).toBe('found');
    if (response.status !== 'found') return;
    expect(response.transcript.video.title).toBe('[Drama] Yann LeCun against Twitter on Dataset Bias');
    expect(response.transcript.segments.map((s) => s.start)).toEqual([673, 695, 718, 741, 763, 787, 808, 830]);
  });

  it('says plainly when the dataset lacks the video', async () => {
    const imported = importJsonLines(db, SAMPLE_JSONL, { kind: 'bundled', path: '/sample.jsonl' });
    const service = createTranscriptService({ database: () => Promise.resolve(db), ready: () => imported });
    expect(await service.getTranscript({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' as VideoId })).toEqual({
      status: 'not-found',
    });
  });

  it('reports a failed import when nothing is cached, instead of claiming the video is missing', async () => {
    const service = createTranscriptService({
      database: () => Promise.resolve(db),
      ready: () => Promise.reject(new Error('the bundled file could not be read (HTTP 404)')),
    });
    const response = await service.getTranscript({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' as VideoId });
    expect(response).toEqual({
      status: 'error',
      message: 'The transcript dataset could not be loaded: the bundled file could not be read (HTTP 404)',
    });
  });

  it('turns a database failure into an error answer', async () => {
    const service = createTranscriptService({
      database: () => Promise.reject(new Error('QuotaExceededError')),
      ready: () => Promise.resolve(),
    });
    const response = await service.getTranscript({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' as VideoId });
    expect(response).toMatchObject({ status: 'error', message: expect.stringContaining('could not be read') as string });
  });
});

describe('after an import switches datasets', () => {
  it('answers from the new dataset, though the old id was cached', async () => {
    const source = { kind: 'bundled', path: '/sample.jsonl' } as const;
    const service = createTranscriptService({ database: () => Promise.resolve(db), ready: () => Promise.resolve() });
    await importJsonLines(db, SAMPLE_JSONL, source);
    const before = await service.getTranscript({ type: 'getTranscript', videoId: 'n1SXlK5rhR8' as VideoId });
    expect(before.status).toBe('found');
    const other = SAMPLE_JSONL.split('\n').filter((line) => line.includes('T35ba_VXkMY')).join('\n');
    await importJsonLines(db, other, { kind: 'file', name: 'detr.jsonl' });
    expect((await service.getTranscript({ type: 'getTranscript', videoId: 'n1SXlK5rhR8' as VideoId })).status).toBe('not-found');
    expect(await service.getVideoInfo({ type: 'getVideoInfo', videoId: 'T35ba_VXkMY' as VideoId })).toMatchObject({
      status: 'found',
      video: { segmentCount: 26 },
    });
  });
});

describe('a dataset switched in while the old one is still stored (its deletion pending or failed)', () => {
  const BIAS = 'n1SXlK5rhR8' as VideoId;
  const firstTextOf = async (service: ReturnType<typeof createTranscriptService>) => {
    const response = await service.getTranscript({ type: 'getTranscript', videoId: BIAS });
    return response.status === 'found' ? response.transcript.segments[0]?.text : response.status;
  };

  it('is what lookups answer from once the switch is announced', async () => {
    const service = createTranscriptService({ database: () => Promise.resolve(db), ready: () => Promise.resolve() });
    await importJsonLines(db, SAMPLE_JSONL, { kind: 'bundled', path: '/sample.jsonl' });
    const oldText = await firstTextOf(service);
    expect(oldText).toMatch(/\w/);

    // The same video with other words, written beside the old dataset and switched in; the old one stays stored.
    const marked = SAMPLE_JSONL.split('\n')
      .filter((line) => line.includes(BIAS))
      .map((line) => {
        const row = JSON.parse(line) as { text: string };
        return JSON.stringify({ ...row, text: `switched ${row.text}` });
      })
      .join('\n');
    const { transcripts, report } = parseJsonLines(marked);
    await writeDatasetVideos(db, 'new-dataset', transcripts);
    await switchToDataset(db, { id: 'new-dataset', source: { kind: 'file', name: 'new.jsonl' }, report, segmentCount: 8, importedAt: 1 });
    service.forgetActiveDataset();

    expect(await firstTextOf(service)).toBe(`switched ${oldText ?? ''}`);
  });
});

describe('the worker\'s recent transcripts', () => {
  it('answers a video asked for again with the same transcript, and never one of a dataset switched out', async () => {
    const service = createTranscriptService({ database: () => Promise.resolve(db), ready: () => Promise.resolve() });
    await importJsonLines(db, SAMPLE_JSONL, { kind: 'bundled', path: '/sample.jsonl' });
    const ask = () => service.getTranscript({ type: 'getTranscript', videoId: 'n1SXlK5rhR8' as VideoId });
    const first = await ask();
    const second = await ask();
    expect(second.status).toBe('found');
    expect(second).toEqual(first);
    const other = SAMPLE_JSONL.split('\n').filter((line) => line.includes('T35ba_VXkMY')).join('\n');
    await importJsonLines(db, other, { kind: 'file', name: 'detr.jsonl' });
    expect((await ask()).status).toBe('not-found');
  });
});

describe('a transcript longer than one message', () => {
  /** A dataset video of 12,001 one-second lines, written as the import would. */
  const LONG = 'L0ngVide0aa' as VideoId;
  const rows = Array.from({ length: 12_001 }, (_, index) =>
    JSON.stringify({ video_id: LONG, text: `line ${index}`, start_second: index, end_second: index + 1, url: `https://www.youtube.com/watch?v=${LONG}`, title: 'Long', thumbnail: '' }),
  ).join('\n');

  it('comes in parts of 5,000 segments from the dataset it was read from', async () => {
    const imported = importJsonLines(db, rows, { kind: 'bundled', path: '/long.jsonl' });
    const service = createTranscriptService({ database: () => Promise.resolve(db), ready: () => imported });
    const first = await service.getTranscript({ type: 'getTranscript', videoId: LONG });
    if (first.status !== 'found') throw new Error(`not found: ${JSON.stringify(first)}`);
    expect(first.transcript.segments).toHaveLength(5_000);
    expect(first.rest?.total).toBe(12_001);
    const rest = first.rest!;
    const part = await service.getTranscriptSegments({ type: 'getTranscriptSegments', videoId: LONG, datasetId: rest.datasetId, from: 10_000, to: 12_001 });
    expect(part.status === 'found' && part.segments.map((segment) => segment.text)).toEqual(
      Array.from({ length: 2_001 }, (_, index) => `line ${10_000 + index}`),
    );
    // Another dataset's parts, or parts past the end, are not this video's.
    const elsewhere = await service.getTranscriptSegments({ type: 'getTranscriptSegments', videoId: LONG, datasetId: 'another', from: 0, to: 10 });
    expect(elsewhere.status).toBe('not-found');
    const past = await service.getTranscriptSegments({ type: 'getTranscriptSegments', videoId: LONG, datasetId: rest.datasetId, from: 12_000, to: 12_005 });
    expect(past.status).toBe('not-found');
  });

  it('comes whole when it fits one message', async () => {
    const imported = importJsonLines(db, SAMPLE_JSONL, { kind: 'bundled', path: '/sample.jsonl' });
    const service = createTranscriptService({ database: () => Promise.resolve(db), ready: () => imported });
    const whole = await service.getTranscript({ type: 'getTranscript', videoId: 'n1SXlK5rhR8' as VideoId });
    expect(whole.status === 'found' && whole.rest).toBeUndefined();
  });
});
