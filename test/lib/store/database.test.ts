import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EmptyDatasetError, importDatasetStream, type ImportProgress } from '../../../lib/imports/import-dataset';
import { collectGarbage, saveDataset } from '../../../lib/store/datasets';
import { getActiveDataset, getTranscript, getVideoInfo } from '../../../lib/store/reads';
import { openTranscriptDb, type TranscriptDb } from '../../../lib/store/schema';
import { pruneUploads, stageUpload } from '../../../lib/store/uploads';
import { parseJsonLines } from '../../../lib/dataset/rows';
import type { VideoId } from '../../../lib/youtube/url';
import { makeRow, SAMPLE_JSONL, toJsonLines } from '../../fixtures/sample';
import { importJsonLines } from '../../support/import-text';

const WORD2VEC = 'yexR53My2O4' as VideoId;
const BUNDLED = { kind: 'bundled', path: '/sample.jsonl' } as const;

let db: TranscriptDb;
let dbName: string;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  dbName = `test-${counter}`;
  db = await openTranscriptDb(dbName);
});

afterEach(() => {
  db.close();
  indexedDB.deleteDatabase(dbName);
});

describe('importJsonLines', () => {
  it('caches every video with its facts and sorted segments', async () => {
    const dataset = await importJsonLines(db, SAMPLE_JSONL, BUNDLED, () => 1_700_000_000_000);
    expect(dataset).toMatchObject({ source: BUNDLED, segmentCount: 100, importedAt: 1_700_000_000_000 });
    expect(dataset.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(dataset.report).toMatchObject({ totalRows: 100, rejectedRows: 0, videoCount: 3 });

    const transcript = await getTranscript(db, WORD2VEC);
    expect(transcript?.video).toEqual({
      videoId: WORD2VEC,
      title: '[Classic] Word2Vec: Distributed Representations of Words and Phrases and their Compositionality',
      thumbnail: 'https://i.ytimg.com/vi/yexR53My2O4/maxresdefault.jpg',
      segmentCount: 66,
      duration: 1858,
    });
    expect(transcript?.segments).toHaveLength(66);
    expect(transcript?.segments[0]).toMatchObject({ start: 0 });
    const starts = transcript?.segments.map((s) => s.start) ?? [];
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const id of ['T35ba_VXkMY', 'n1SXlK5rhR8']) expect((await getVideoInfo(db, id as VideoId))?.videoId).toBe(id);
    expect(await db.count('videos')).toBe(3);
  });

  it('answers undefined for a video the dataset lacks', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    expect(await getTranscript(db, 'dQw4w9WgXcQ' as VideoId)).toBeUndefined();
  });

  it('is idempotent: the same file again gives the same data and no extra records', async () => {
    const first = await importJsonLines(db, SAMPLE_JSONL, BUNDLED, () => 1);
    const second = await importJsonLines(db, SAMPLE_JSONL, BUNDLED, () => 2);
    expect(second.contentHash).toBe(first.contentHash);
    expect((await getActiveDataset(db))?.id).toBe(second.id);
    expect(await db.count('transcripts')).toBe(3);
    expect(await db.count('videos')).toBe(3);
    expect(await db.count('datasets')).toBe(1);
    expect((await getTranscript(db, WORD2VEC))?.segments).toHaveLength(66);
  });

  it('counts bad rows, keeps them out of the cache, and never crashes', async () => {
    const text = toJsonLines([
      makeRow(),
      makeRow({ start_second: 'ten' }),
      makeRow({ video_id: '<script>', url: undefined }),
      makeRow({ start_second: 40, end_second: 40 }),
    ]);
    const dataset = await importJsonLines(db, `${text}\n{oops`, BUNDLED);
    expect(dataset.report).toMatchObject({
      totalRows: 5,
      acceptedRows: 1,
      rejectedRows: 4,
      rejectedByReason: { 'bad-start': 1, 'bad-video-id': 1, 'start-not-before-end': 1, 'invalid-json': 1 },
    });
    expect(dataset.segmentCount).toBe(1);
    expect((await getTranscript(db, WORD2VEC))?.segments).toEqual([{ start: 10, end: 35, text: 'word vectors capture meaning' }]);
  });

  it('refuses a file with no usable rows and keeps the dataset already cached', async () => {
    const cached = await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    const attempt = importJsonLines(db, toJsonLines([makeRow({ video_id: 'bad', url: undefined }), makeRow({ text: '' })]), BUNDLED);
    await expect(attempt).rejects.toThrow(EmptyDatasetError);
    await expect(attempt).rejects.toThrow('all 2 rows were rejected');
    expect((await getActiveDataset(db))?.id).toBe(cached.id);
    expect((await getTranscript(db, WORD2VEC))?.segments).toHaveLength(66);
  });

  it('replaces the previous dataset completely when a different one is imported', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    const other = await importJsonLines(db, toJsonLines([makeRow({ video_id: 'aaaaaaaaaaa' })]), { kind: 'file', name: 'mine.jsonl' });
    expect((await getActiveDataset(db))?.id).toBe(other.id);
    expect(await getTranscript(db, WORD2VEC)).toBeUndefined();
    expect(await db.count('transcripts')).toBe(1);
    expect(await db.count('datasets')).toBe(1);
  });
});

describe('a failed write', () => {
  it('leaves the cached dataset whole when the disk is full mid-import', async () => {
    const cached = await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
    const realPut = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      puts += 1;
      if (puts === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const other = toJsonLines([makeRow({ video_id: 'aaaaaaaaaaa' }), makeRow({ video_id: 'bbbbbbbbbbb' })]);
    await expect(importJsonLines(db, other, { kind: 'file', name: 'big.jsonl' })).rejects.toThrow('quota');
    vi.restoreAllMocks();

    expect((await getActiveDataset(db))?.id).toBe(cached.id);
    expect((await getTranscript(db, WORD2VEC))?.segments).toHaveLength(66);
    expect(await getTranscript(db, 'aaaaaaaaaaa' as VideoId)).toBeUndefined();
    expect(await db.count('transcripts')).toBe(3);
  });
});

describe('a write the browser aborts later (quota is reported at commit)', () => {
  it('leaves the cached dataset whole and removes what was written', async () => {
    const cached = await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
    const realPut = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      puts += 1;
      const request = realPut.apply(this, args);
      // Chrome reports a full disk as the transaction aborting after its puts were
      // accepted: here, the second batch's last put (4 videos × 2 records a batch).
      if (puts === 16) this.transaction.abort();
      return request;
    });
    const rows = Array.from({ length: 12 }, (_, i) => makeRow({ video_id: `video${String(i).padStart(6, '0')}`, url: undefined }));
    const { transcripts, report } = parseJsonLines(toJsonLines(rows));
    await expect(
      saveDataset(db, { id: 'too-big', source: BUNDLED, report, importedAt: 0 }, transcripts, { batchSegments: 4 }),
    ).rejects.toThrow();
    vi.restoreAllMocks();
    expect((await getActiveDataset(db))?.id).toBe(cached.id);
    expect(await db.count('transcripts')).toBe(3);
    expect((await getTranscript(db, WORD2VEC))?.segments).toHaveLength(66);
  });
});

describe('importDatasetStream', () => {
  const streamOf = (text: string) => new Blob([text]).stream();

  it('reads, reports progress in both phases, and switches to the new dataset', async () => {
    await importJsonLines(db, toJsonLines([makeRow({ video_id: 'aaaaaaaaaaa', url: undefined })]), BUNDLED);
    const phases = new Set<string>();
    const dataset = await importDatasetStream(db, streamOf(SAMPLE_JSONL), {
      source: { kind: 'url', url: 'https://example.com/train.jsonl' },
      onProgress: (progress: ImportProgress) => phases.add(progress.phase),
    });
    expect([...phases]).toEqual(['reading', 'writing']);
    expect(dataset).toMatchObject({ format: 'jsonl', segmentCount: 100, source: { kind: 'url' } });
    expect((await getActiveDataset(db))?.id).toBe(dataset.id);
    expect(await getTranscript(db, 'aaaaaaaaaaa' as VideoId)).toBeUndefined();
    expect(await db.count('transcripts')).toBe(3);
  });

  it('cancelled while writing: the previous dataset stays active and the partial one is removed', async () => {
    const cached = await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    const controller = new AbortController();
    const rows = Array.from({ length: 30 }, (_, i) => makeRow({ video_id: `video${String(i).padStart(6, '0')}`, url: undefined }));
    const attempt = importDatasetStream(db, streamOf(toJsonLines(rows)), {
      source: { kind: 'file', name: 'mine.jsonl' },
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'writing') controller.abort();
      },
    });
    await expect(attempt).rejects.toThrow();
    expect((await getActiveDataset(db))?.id).toBe(cached.id);
    expect(await db.count('transcripts')).toBe(3);
  });
});

describe('an import interrupted by the browser (worker stopped mid-write)', () => {
  it('leaves the old dataset active; collectGarbage removes the half-written one', async () => {
    const cached = await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    const { transcripts, report } = parseJsonLines(toJsonLines([makeRow({ video_id: 'aaaaaaaaaaa', url: undefined }), makeRow({ video_id: 'bbbbbbbbbbb', url: undefined })]));
    // The worker dies after the first batch: simulate by failing the second batch's write for good.
    let batches = 0;
    await expect(
      saveDataset(db, { id: 'half-written', source: BUNDLED, report, importedAt: 0 }, transcripts, {
        batchSegments: 1,
        onProgress: () => {
          batches += 1;
          if (batches === 1) {
            db.close(); // no further transaction can run, like a stopped worker
          }
        },
      }),
    ).rejects.toThrow();
    db = await openTranscriptDb(dbName);
    expect((await getActiveDataset(db))?.id).toBe(cached.id);
    expect(await db.count('transcripts')).toBe(4); // 3 + the orphan batch
    expect(await collectGarbage(db)).toEqual(['half-written']);
    expect(await db.count('transcripts')).toBe(3);
    expect((await getTranscript(db, WORD2VEC))?.segments).toHaveLength(66);
  });
});

describe('staged uploads', () => {
  it('pruneUploads drops every staged file but the one a resumable import needs', async () => {
    const { Blob: NodeBlob } = await import('node:buffer');
    const keep = await stageUpload(db, new NodeBlob(['a']) as unknown as Blob, 'keep.jsonl');
    await stageUpload(db, new NodeBlob(['b']) as unknown as Blob, 'orphan.jsonl');
    expect(await pruneUploads(db, keep)).toBe(1);
    expect(await db.getAllKeys('uploads')).toEqual([keep]);
    expect(await pruneUploads(db)).toBe(1);
    expect(await db.count('uploads')).toBe(0);
  });
});
