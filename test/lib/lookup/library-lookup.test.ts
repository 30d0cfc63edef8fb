import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importDatasetStream } from '../../../lib/imports/import-dataset';
import { buildLibraryIndex, splitLibraryIndex } from '../../../lib/library/library-index';
import { createLibraryService } from '../../../lib/lookup/library-lookup';
import { WORKER_TEXT_MEMORY } from '../../../lib/library/text-memory';
import type { LibrarySearchResponse } from '../../../lib/messaging/protocol';
import { getActiveDataset, getTranscript } from '../../../lib/store/reads';
import type { DatasetSource } from '../../../lib/store/records';
import { openTranscriptDb, type TranscriptDb } from '../../../lib/store/schema';
import type { VideoId } from '../../../lib/youtube/url';
import { makeRow, SAMPLE_JSONL, toJsonLines } from '../../fixtures/sample';

const WORD2VEC = 'yexR53My2O4';
const DETR = 'T35ba_VXkMY';
const BUNDLED = { kind: 'bundled', path: '/sample.jsonl' } as const;
const PAGE = { videoLimit: 10, hitsPerVideo: 3 };

function importJsonLines(into: TranscriptDb, text: string, source: DatasetSource) {
  return importDatasetStream(into, new Blob([text]).stream(), { source });
}

let db: TranscriptDb;
let dbName: string;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  dbName = `library-${counter}`;
  db = await openTranscriptDb(dbName);
});

afterEach(() => {
  db.close();
  indexedDB.deleteDatabase(dbName);
});

function videoIds(response: LibrarySearchResponse): string[] {
  return response.status === 'found' ? response.videos.map((video) => video.videoId) : [];
}

/** Counts full reads of the transcripts store: what rebuilding an index costs. */
function spyOnFullReads(): { count: () => number } {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
  const realGetAll = IDBObjectStore.prototype.getAll;
  let reads = 0;
  vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === 'transcripts') reads += 1;
    return realGetAll.apply(this, args);
  });
  return { count: () => reads };
}

/** Names the object stores of every IndexedDB request made from now on. */
function spyOnRequests(): { names: () => string[] } {
  const names: string[] = [];
  for (const method of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor'] as const) {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
    const real = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      names.push(`${this.name}.${method}`);
      return real.apply(this, args);
    } as never);
  }
  return { names: () => names };
}

const OTHER_DATASET = toJsonLines([
  makeRow({ video_id: 'aaaaaaaaaaa', text: 'zebras graze on the savanna', url: undefined }),
  makeRow({ video_id: 'bbbbbbbbbbb', text: 'a herd of zebras', url: undefined }),
]);

describe('createLibraryService', () => {
  it('answers from the index built during the import, without rebuilding it', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    expect(await db.count('libraryIndex')).toBe(1);
    const reads = spyOnFullReads();
    const response = await createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY }).searchLibrary({ query: 'negative sampling', page: PAGE });
    expect(videoIds(response)[0]).toBe(WORD2VEC);
    const firstHit = response.status === 'found' ? response.videos[0]?.hits[0] : undefined;
    expect(firstHit?.isExactPhrase).toBe(true);
    expect(firstHit?.text).toContain('negative sampling');
    expect(reads.count()).toBe(0);
  });

  it('a restarted worker (a new service) loads the stored index instead of rebuilding it', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    await createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY }).searchLibrary({ query: 'softmax', page: PAGE });
    const reads = spyOnFullReads();
    const restarted = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    expect(videoIds(await restarted.searchLibrary({ query: 'softmax', page: PAGE }))).toEqual([WORD2VEC]);
    expect(reads.count()).toBe(0);
  });

  it('follows a dataset switch it is told of, and the old index leaves with the old dataset', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    expect(videoIds(await service.searchLibrary({ query: 'softmax', page: PAGE }))).toEqual([WORD2VEC]);
    await importJsonLines(db, OTHER_DATASET, { kind: 'file', name: 'zebras.jsonl' });
    // As the pages and the worker do when the activeDataset storage item changes.
    service.forgetActiveDataset();
    expect(videoIds(await service.searchLibrary({ query: 'zebras', page: PAGE })).sort()).toEqual(['aaaaaaaaaaa', 'bbbbbbbbbbb']);
    expect(await service.searchLibrary({ query: 'softmax', page: PAGE })).toEqual({ status: 'no-results', query: 'softmax' });
    expect(await db.getAllKeys('libraryIndex')).toEqual([(await getActiveDataset(db))?.id]);
  });

  it('reads nothing but the text of videos not shown lately while typing', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    expect(videoIds(await service.searchLibrary({ query: 'negative sampling', page: PAGE }))[0]).toBe(WORD2VEC);
    const requests = spyOnRequests();
    for (const query of ['negative samplin', 'negative sampling', 'negative sampling!']) {
      expect(videoIds(await service.searchLibrary({ query, page: PAGE }))[0]).toBe(WORD2VEC);
    }
    expect(requests.names()).toEqual([]);
  });

  it('answers in steps without a captions cache, and in one step once the shown text is in memory', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    const first = await service.searchInSteps({ query: 'negative sampling', page: PAGE });
    expect(first.complete).toBeDefined();
    expect(videoIds((await first.complete)!)[0]).toBe(WORD2VEC);
    const again = await service.searchInSteps({ query: 'negative sampling', page: PAGE });
    expect(again.complete).toBeUndefined();
    expect(again.result.status === 'found' && again.result.videos.every((video) => video.hitsState === 'described')).toBe(true);
    expect(videoIds(again.result)[0]).toBe(WORD2VEC);
  });

  it('notices a switch it was not told of yet once the old dataset\'s text is gone', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    expect(videoIds(await service.searchLibrary({ query: 'softmax', page: PAGE }))).toEqual([WORD2VEC]);
    await importJsonLines(db, OTHER_DATASET, { kind: 'file', name: 'zebras.jsonl' });
    // Before the notice: the old index still answers, but the text of a video not shown yet is gone.
    const stale = await service.searchLibrary({ query: 'negative sampling', page: PAGE });
    expect(stale.status === 'found' && stale.videos.map((video) => [video.videoId, video.hits.length > 0])).toEqual([
      [WORD2VEC, true],
      [DETR, false],
    ]);
    expect(videoIds(await service.searchLibrary({ query: 'zebras', page: PAGE })).sort()).toEqual(['aaaaaaaaaaa', 'bbbbbbbbbbb']);
  });

  it('reads the active dataset again from a new connection (the browser took the old one away)', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    let connection = db;
    const service = createLibraryService({ database: () => Promise.resolve(connection), textMemory: WORKER_TEXT_MEMORY });
    expect(videoIds(await service.searchLibrary({ query: 'softmax', page: PAGE }))).toEqual([WORD2VEC]);
    await importJsonLines(db, OTHER_DATASET, { kind: 'file', name: 'zebras.jsonl' });
    connection = await openTranscriptDb(dbName);
    try {
      expect(videoIds(await service.searchLibrary({ query: 'zebras', page: PAGE })).sort()).toEqual(['aaaaaaaaaaa', 'bbbbbbbbbbb']);
    } finally {
      connection.close();
    }
  });

  it('an import that fails leaves the old index answering', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      // The disk fills up just as the new index is written, after all of the new transcripts.
      if (this.name === 'libraryIndex') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    await expect(importJsonLines(db, OTHER_DATASET, { kind: 'file', name: 'zebras.jsonl' })).rejects.toThrow('quota');
    vi.restoreAllMocks();
    expect(videoIds(await service.searchLibrary({ query: 'softmax', page: PAGE }))).toEqual([WORD2VEC]);
    expect(await service.searchLibrary({ query: 'zebras', page: PAGE })).toEqual({ status: 'no-results', query: 'zebras' });
    expect(await db.count('libraryIndex')).toBe(1);
  });

  it('builds and stores the index of a dataset cached before the library search existed, once', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    await db.clear('libraryIndex');
    const reads = spyOnFullReads();
    const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    expect(videoIds(await service.searchLibrary({ query: 'softmax', page: PAGE }))).toEqual([WORD2VEC]);
    expect(await db.count('libraryIndex')).toBe(1);
    await createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY }).searchLibrary({ query: 'softmax', page: PAGE });
    expect(reads.count()).toBe(1);
  });

  it('in a browser with WebAssembly turned off, imports the dataset for the panel and says why the library cannot be searched, without reading every transcript first', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    try {
      await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
      expect((await getTranscript(db, WORD2VEC as VideoId))?.segments.length).toBeGreaterThan(0);
      expect(await db.count('libraryIndex')).toBe(0);
      const reads = spyOnFullReads();
      const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
      const answer = {
        status: 'error',
        message: 'The library could not be searched: This browser has WebAssembly turned off, which searching all videos needs. The transcript panel works without it.',
      };
      expect(await service.searchLibrary({ query: 'softmax', page: PAGE })).toEqual(answer);
      expect(await service.searchLibrary({ query: 'softmax w', page: PAGE })).toEqual(answer);
      expect(reads.count()).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('rebuilds an index whose stored part can no longer be read back, and answers', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    const [key] = await db.getAllKeys('libraryIndexParts');
    const part = (await db.get('libraryIndexParts', key!))!;
    // The browser lost the part's file: its Blob reads back empty.
    await db.put('libraryIndexParts', { ...part, arrays: new Blob([]) });
    const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    expect(videoIds(await service.searchLibrary({ query: 'softmax', page: PAGE }))).toEqual([WORD2VEC]);
  });

  it('tries to read the index again at the next query after a read that failed', async () => {
    await importJsonLines(db, SAMPLE_JSONL, BUNDLED);
    await db.clear('libraryIndex');
    const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    // No WebAssembly at the first query (turned off, then on again): the index of this old cache cannot be built then.
    vi.stubGlobal('WebAssembly', undefined);
    try {
      expect(await service.searchLibrary({ query: 'softmax', page: PAGE })).toMatchObject({ status: 'error' });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(videoIds(await service.searchLibrary({ query: 'softmax', page: PAGE }))).toEqual([WORD2VEC]);
  });

  it('says the library is empty before any dataset, and reports a broken cache as an error, not a throw', async () => {
    expect(await createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY }).searchLibrary({ query: 'x', page: PAGE })).toEqual({
      status: 'empty-library',
    });
    const broken = createLibraryService({ database: () => Promise.reject(new Error('the disk is gone')), textMemory: WORKER_TEXT_MEMORY });
    expect(await broken.searchLibrary({ query: 'x', page: PAGE })).toEqual({
      status: 'error',
      message: 'The library could not be searched: the disk is gone',
    });
    // The extension pages' search in two steps says so the same way, in its first step.
    expect(await broken.searchInSteps({ query: 'x', page: PAGE })).toEqual({
      result: { status: 'error', message: 'The library could not be searched: the disk is gone' },
    });
  });
});

/** The cache as an older version of the extension left it: its stores, empty. */
function openOldCache(version: 1 | 2 | 3) {
  return openDB(dbName, version, {
    upgrade(old) {
      old.createObjectStore('datasets', { keyPath: 'id' });
      old.createObjectStore('videos', { keyPath: ['datasetId', 'videoId'] }).createIndex('by-dataset', 'datasetId');
      old.createObjectStore('transcripts', { keyPath: ['datasetId', 'videoId'] }).createIndex('by-dataset', 'datasetId');
      old.createObjectStore('meta');
      old.createObjectStore('uploads', { keyPath: 'id' });
      if (version >= 2) old.createObjectStore('libraryIndex', { keyPath: 'sourceId' });
      if (version >= 3) old.createObjectStore('libraryIndexParts', { keyPath: ['sourceId', 'part'] });
    },
  });
}

describe('a cache from version 1', () => {
  it('keeps its dataset when the library index store is added', async () => {
    db.close();
    indexedDB.deleteDatabase(dbName);
    const old = await openOldCache(1);
    await old.put('datasets', { id: 'v1-dataset' });
    await old.put('meta', 'v1-dataset', 'activeDatasetId');
    old.close();
    db = await openTranscriptDb(dbName);
    expect([...db.objectStoreNames]).toContain('libraryIndex');
    expect((await getActiveDataset(db))?.id).toBe('v1-dataset');
  });
});

describe('a cache from version 2', () => {
  it('drops its one-record index, keeps its dataset, and searches it with an index built once', async () => {
    db.close();
    indexedDB.deleteDatabase(dbName);
    const v2 = await openOldCache(2);
    const video = { videoId: 'aaaaaaaaaaa', title: 'Softmax', thumbnail: '', segmentCount: 1, duration: 10 };
    await v2.put('datasets', { id: 'v2-dataset' });
    await v2.put('meta', 'v2-dataset', 'activeDatasetId');
    await v2.put('videos', { ...video, datasetId: 'v2-dataset' });
    await v2.put('transcripts', { datasetId: 'v2-dataset', videoId: 'aaaaaaaaaaa', segments: [{ start: 0, end: 10, text: 'the softmax layer' }] });
    // Version 2's index: one record of another shape, which version 3 cannot read.
    await v2.put('libraryIndex', { version: 1, sourceId: 'v2-dataset', words: ['softmax'], postingDocs: new Uint32Array(1) });
    v2.close();
    db = await openTranscriptDb(dbName);
    expect(await db.count('libraryIndex')).toBe(0);
    expect((await getActiveDataset(db))?.id).toBe('v2-dataset');
    const reads = spyOnFullReads();
    const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    expect(videoIds(await service.searchLibrary({ query: 'softmax', page: PAGE }))).toEqual(['aaaaaaaaaaa']);
    expect(videoIds(await createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY }).searchLibrary({ query: 'softmax', page: PAGE }))).toEqual(['aaaaaaaaaaa']);
    expect(reads.count()).toBe(1);
  });
});

describe('a cache from version 3', () => {
  it('drops its index of typed-array parts, keeps its dataset, and searches it with an index built once', async () => {
    db.close();
    indexedDB.deleteDatabase(dbName);
    const v3 = await openOldCache(3);
    const video = { videoId: 'aaaaaaaaaaa' as VideoId, title: 'Softmax', thumbnail: '', segmentCount: 1, duration: 10 };
    const segments = [{ start: 0, end: 10, text: 'the softmax layer' }];
    await v3.put('datasets', { id: 'v3-dataset' });
    await v3.put('meta', 'v3-dataset', 'activeDatasetId');
    await v3.put('videos', { ...video, datasetId: 'v3-dataset' });
    await v3.put('transcripts', { datasetId: 'v3-dataset', videoId: video.videoId, segments });
    // Version 3's index: a header, and parts holding their typed arrays as such.
    const { header, parts } = splitLibraryIndex(buildLibraryIndex('v3-dataset', [{ video, segments }]));
    await v3.put('libraryIndex', header);
    for (const part of parts) await v3.put('libraryIndexParts', part);
    v3.close();
    db = await openTranscriptDb(dbName);
    expect(await db.count('libraryIndexParts')).toBe(0);
    expect(await db.count('libraryIndex')).toBe(0);
    expect((await getActiveDataset(db))?.id).toBe('v3-dataset');
    const reads = spyOnFullReads();
    const service = createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY });
    expect(videoIds(await service.searchLibrary({ query: 'softmax', page: PAGE }))).toEqual(['aaaaaaaaaaa']);
    expect(videoIds(await createLibraryService({ database: () => Promise.resolve(db), textMemory: WORKER_TEXT_MEMORY }).searchLibrary({ query: 'softmax', page: PAGE }))).toEqual(['aaaaaaaaaaa']);
    expect(reads.count()).toBe(1);
  });
});
