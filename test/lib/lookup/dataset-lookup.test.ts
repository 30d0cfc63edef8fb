import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importJsonLines } from '../../../lib/imports/import-dataset';
import { openTranscriptDb, type TranscriptDb } from '../../../lib/store/database';
import { createTranscriptService } from '../../../lib/lookup/dataset-lookup';
import type { VideoId } from '../../../lib/youtube/url';
import { SAMPLE_JSONL } from '../../fixtures/sample';

let db: TranscriptDb;
beforeEach(async () => {
  db = await openTranscriptDb(`service-${Math.random()}`);
});
afterEach(() => db.close());

describe('getTranscript', () => {
  it('answers a covered video with its info and sorted segments, after the import settles', async () => {
    const pendingImport = importJsonLines(db, SAMPLE_JSONL, { kind: 'bundled', path: '/sample.jsonl' });
    const service = createTranscriptService({ database: Promise.resolve(db), pendingImport });
    const response = await service.getTranscript({ type: 'getTranscript', videoId: 'n1SXlK5rhR8' as VideoId });
    expect(response.status).toBe('found');
    if (response.status !== 'found') return;
    expect(response.transcript.video.title).toBe('[Drama] Yann LeCun against Twitter on Dataset Bias');
    expect(response.transcript.segments.map((s) => s.start)).toEqual([673, 695, 718, 741, 763, 787, 808, 830]);
  });

  it('says plainly when the dataset lacks the video', async () => {
    const service = createTranscriptService({
      database: Promise.resolve(db),
      pendingImport: importJsonLines(db, SAMPLE_JSONL, { kind: 'bundled', path: '/sample.jsonl' }),
    });
    expect(await service.getTranscript({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' as VideoId })).toEqual({
      status: 'not-in-dataset',
      videoId: 'dQw4w9WgXcQ',
    });
  });

  it('reports a failed import when nothing is cached, instead of claiming the video is missing', async () => {
    const service = createTranscriptService({
      database: Promise.resolve(db),
      pendingImport: Promise.reject(new Error('the bundled file could not be read (HTTP 404)')),
    });
    const response = await service.getTranscript({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' as VideoId });
    expect(response).toEqual({
      status: 'error',
      message: 'The transcript dataset could not be loaded: the bundled file could not be read (HTTP 404)',
    });
  });

  it('turns a database failure into an error answer', async () => {
    const service = createTranscriptService({
      database: Promise.reject(new Error('QuotaExceededError')),
      pendingImport: Promise.resolve(),
    });
    const response = await service.getTranscript({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' as VideoId });
    expect(response).toMatchObject({ status: 'error', message: expect.stringContaining('could not be read') as string });
  });
});

describe('after an import switches datasets', () => {
  it('answers from the new dataset, though the old id was cached', async () => {
    const source = { kind: 'bundled', path: '/sample.jsonl' } as const;
    const service = createTranscriptService({ database: Promise.resolve(db), pendingImport: Promise.resolve() });
    await importJsonLines(db, SAMPLE_JSONL, source);
    const before = await service.getTranscript({ type: 'getTranscript', videoId: 'n1SXlK5rhR8' as VideoId });
    expect(before.status).toBe('found');
    const other = SAMPLE_JSONL.split('\n').filter((line) => line.includes('T35ba_VXkMY')).join('\n');
    await importJsonLines(db, other, { kind: 'file', name: 'detr.jsonl' });
    expect((await service.getTranscript({ type: 'getTranscript', videoId: 'n1SXlK5rhR8' as VideoId })).status).toBe('not-in-dataset');
    expect(await service.getVideoInfo({ type: 'getVideoInfo', videoId: 'T35ba_VXkMY' as VideoId })).toMatchObject({
      status: 'found',
      video: { segmentCount: 26 },
    });
  });
});
