import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearCaptionsCache,
  openCaptionsDb,
  readCachedCaptions,
  rememberChosenTrack,
  writeCachedCaptions,
  type CaptionsDb,
} from '../../../lib/captions/cache-db';
import type { CachedCaptions, StoredTrack } from '../../../lib/captions/cached-captions';
import { importDatasetStream } from '../../../lib/imports/import-dataset';
import { createCaptionsLibrary } from '../../../lib/lookup/captions-library';
import { createLibraryService } from '../../../lib/lookup/library-lookup';
import { WORKER_TEXT_MEMORY } from '../../../lib/library/text-memory';
import type { LibrarySearchResponse } from '../../../lib/messaging/protocol';
import { openTranscriptDb, type TranscriptDb } from '../../../lib/store/schema';
import { SAMPLE_JSONL } from '../../fixtures/sample';

const ENGLISH: StoredTrack = { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' };
const GERMAN: StoredTrack = { id: '.de', languageCode: 'de', isAutomatic: false, name: 'Deutsch' };
const CACHED = 'cccccccccc1';
const WORD2VEC = 'yexR53My2O4';
const DETR = 'T35ba_VXkMY';
const PAGE = { videoLimit: 10, hitsPerVideo: 3 };
/** What a search says beside its results where cached captions cannot be searched (written out, not imported). */
const NEEDS_WEBASSEMBLY_NOTICE = 'Videos known only from YouTube captions cannot be searched in this browser: it has WebAssembly turned off.';

function captionsOf(videoId: string, lines: readonly string[], { track = ENGLISH, title = 'A cached talk' }: { track?: StoredTrack; title?: string } = {}): CachedCaptions {
  return {
    videoId,
    title,
    trackId: track.id,
    track,
    tracks: [ENGLISH, GERMAN],
    lines: lines.map((text, i) => ({ start: i * 4, end: i * 4 + 4, text })),
    chapters: [],
    method: 'get_panel',
    fetchedAt: 1_000,
  };
}

let db: TranscriptDb;
let captionsDb: CaptionsDb;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = await openTranscriptDb(`captions-library-${counter}`);
  captionsDb = await openCaptionsDb(`captions-library-captions-${counter}`);
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
  captionsDb.close();
});

/** The library service as the pages build it, with the captions library it is told about. */
function service() {
  const captions = createCaptionsLibrary(() => Promise.resolve(captionsDb));
  return Object.assign(createLibraryService({ database: () => Promise.resolve(db), captions, textMemory: WORKER_TEXT_MEMORY }), { captions });
}
const describeFound = (response: LibrarySearchResponse) =>
  response.status === 'found' ? response.videos.map((video) => [video.videoId, video.title, video.hits.map((hit) => `${hit.text} @${hit.url.split('&t=')[1]}`)]) : response.status;

const hitTexts = (response: LibrarySearchResponse) => (response.status === 'found' ? response.videos.flatMap((video) => video.hits.map((hit) => hit.text)) : []);

describe('captions-cached videos in the library search', () => {
  it('finds a captions-cached video beside the dataset\'s, at the line\'s moment', async () => {
    await importDatasetStream(db, new Blob([SAMPLE_JSONL]).stream(), { source: { kind: 'bundled', path: '/sample.jsonl' } });
    await writeCachedCaptions(captionsDb, captionsOf(CACHED, ['welcome back everyone', 'today: negative sampling, slowly']));
    const search = service();
    const response = await search.searchLibrary({ query: 'negative sampling slowly', page: PAGE });
    // Every word, and in a row, only there; the dataset's videos hold some of the words.
    expect(describeFound(response).slice(0, 1)).toEqual([[CACHED, 'A cached talk', ['today: negative sampling, slowly @4s']]]);
    // The dataset's videos still answer through the same search.
    const both = await search.searchLibrary({ query: 'negative sampling', page: PAGE });
    expect(both.status === 'found' && both.videos.map((video) => video.videoId)).toEqual([WORD2VEC, CACHED, DETR]);
    // Each with its own lines: the dataset's from the dataset, the cached video's from the captions cache.
    expect(both.status === 'found' && both.videos.map((video) => video.hits[0]?.text.includes('negative'))).toEqual([true, true, true]);
  });

  it('searches the captions cache when no dataset is cached', async () => {
    await writeCachedCaptions(captionsDb, captionsOf(CACHED, ['zebras at dawn']));
    expect(describeFound(await service().searchLibrary({ query: 'zebras', page: PAGE }))).toEqual([[CACHED, 'A cached talk', ['zebras at dawn @0s']]]);
  });

  it('follows the cache it is told changed: new videos, the viewer\'s track, a cleared cache', async () => {
    const search = service();
    // As the pages do when the background announces a change through its storage item.
    const change = async (write: () => Promise<unknown>) => {
      await write();
      search.captions.forgetIndex();
    };
    await change(() => writeCachedCaptions(captionsDb, captionsOf(CACHED, ['zebras at dawn'])));
    expect(describeFound(await search.searchLibrary({ query: 'zebras', page: PAGE }))).toEqual([[CACHED, 'A cached talk', ['zebras at dawn @0s']]]);

    await change(() => writeCachedCaptions(captionsDb, captionsOf('cccccccccc2', ['more zebras'], { title: 'Second talk' })));
    const two = await search.searchLibrary({ query: 'zebras', page: PAGE });
    expect(two.status === 'found' && two.videos.map((video) => video.videoId)).toEqual([CACHED, 'cccccccccc2']);

    // The viewer picks German for the first video: its German lines are the ones searched.
    await change(() => writeCachedCaptions(captionsDb, { ...captionsOf(CACHED, ['Zebras im Morgengrauen'], { track: GERMAN }), fetchedAt: 500 }));
    // Before any choice, the track fetched last (English) is the one searched, whatever the tracks' order.
    expect(hitTexts(await search.searchLibrary({ query: 'dawn', page: PAGE }))).toEqual(['zebras at dawn']);
    await change(() => rememberChosenTrack(captionsDb, CACHED, GERMAN.id));
    expect(describeFound(await search.searchLibrary({ query: 'morgengrauen', page: PAGE }))).toEqual([[CACHED, 'A cached talk', ['Zebras im Morgengrauen @0s']]]);
    expect(describeFound(await search.searchLibrary({ query: 'dawn', page: PAGE }))).toBe('no-results');
    // And back: the chosen track is searched even when another comes first.
    await change(() => rememberChosenTrack(captionsDb, CACHED, ENGLISH.id));
    expect(hitTexts(await search.searchLibrary({ query: 'dawn', page: PAGE }))).toEqual(['zebras at dawn']);

    await change(() => clearCaptionsCache(captionsDb));
    expect(await search.searchLibrary({ query: 'zebras', page: PAGE })).toEqual({ status: 'empty-library' });
  });

  it('keeps its index, reading nothing, until told the cache changed', async () => {
    await writeCachedCaptions(captionsDb, captionsOf(CACHED, ['zebras at dawn']));
    const captions = createCaptionsLibrary(() => Promise.resolve(captionsDb));
    const first = await captions.loadIndex();
    await readCachedCaptions(captionsDb, CACHED, { now: 99_000 });
    await writeCachedCaptions(captionsDb, captionsOf('cccccccccc2', ['more zebras']));
    const reads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    expect(await captions.loadIndex()).toBe(first);
    expect(reads).not.toHaveBeenCalled();
    captions.forgetIndex();
    expect((await captions.loadIndex())?.videos.map((video) => video.videoId)).toEqual([CACHED, 'cccccccccc2']);
  });

  it('has no index where WebAssembly is turned off, says the cached videos are left out, and does not read every cached video to learn it', async () => {
    await writeCachedCaptions(captionsDb, captionsOf(CACHED, ['zebras at dawn']));
    const captions = createCaptionsLibrary(() => Promise.resolve(captionsDb));
    vi.stubGlobal('WebAssembly', undefined);
    try {
      const reads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
      expect(await captions.loadIndex()).toBeUndefined();
      expect(await captions.loadNotice()).toBe(NEEDS_WEBASSEMBLY_NOTICE);
      expect(reads).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it.each<[string, () => Promise<CaptionsDb>]>([
    ['an empty cache where WebAssembly is off', () => Promise.resolve(captionsDb)],
    ['a cache that cannot be opened', () => Promise.reject(new Error('the captions cache is gone'))],
  ])('has no notice for %s: nothing is left out', async (kind, database) => {
    if (kind.includes('WebAssembly')) vi.stubGlobal('WebAssembly', undefined);
    try {
      const captions = createCaptionsLibrary(database);
      expect(await captions.loadIndex()).toBeUndefined();
      expect(await captions.loadNotice()).toBeUndefined();
    } finally {
        vi.unstubAllGlobals();
    }
  });

  it('reads the cache again from a new connection (the browser took the old one away)', async () => {
    await writeCachedCaptions(captionsDb, captionsOf(CACHED, ['zebras at dawn']));
    let connection = captionsDb;
    const captions = createCaptionsLibrary(() => Promise.resolve(connection));
    expect((await captions.loadIndex())?.videos).toHaveLength(1);
    await writeCachedCaptions(captionsDb, captionsOf('cccccccccc2', ['more zebras']));
    connection = await openCaptionsDb(`captions-library-captions-${counter}`);
    try {
      expect((await captions.loadIndex())?.videos).toHaveLength(2);
    } finally {
      connection.close();
    }
  });

  it('leaves the dataset\'s search answering when the captions cache cannot be read', async () => {
    await importDatasetStream(db, new Blob([SAMPLE_JSONL]).stream(), { source: { kind: 'bundled', path: '/sample.jsonl' } });
    const search = createLibraryService({
      database: () => Promise.resolve(db),
      captions: createCaptionsLibrary(() => Promise.reject(new Error('the captions cache is gone'))),
      textMemory: WORKER_TEXT_MEMORY,
    });
    const response = await search.searchLibrary({ query: 'negative sampling', page: PAGE });
    expect(response.status === 'found' && response.videos.map((video) => video.videoId)).toEqual([WORD2VEC, DETR]);
    // Nothing to say: an unreadable cache is not one this browser cannot search.
    expect(response).not.toHaveProperty('notice');
  });
});

describe('captions-cached videos where the browser runs no WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('answers from the dataset\'s stored index and says, once, that the cached videos cannot be searched', async () => {
    // Imported while WebAssembly ran: the dataset's index is stored, and querying it needs none.
    await importDatasetStream(db, new Blob([SAMPLE_JSONL]).stream(), { source: { kind: 'bundled', path: '/sample.jsonl' } });
    await writeCachedCaptions(captionsDb, captionsOf(CACHED, ['today: negative sampling, slowly']));
    vi.stubGlobal('WebAssembly', undefined);
    const search = service();

    // The extension pages' two steps carry it, on the cards and on the hits that follow (no text is in memory yet).
    const steps = await search.searchInSteps({ query: 'negative sampling', page: PAGE });
    expect(steps.result).toMatchObject({ status: 'found', notice: NEEDS_WEBASSEMBLY_NOTICE });
    expect(await steps.complete).toMatchObject({ status: 'found', notice: NEEDS_WEBASSEMBLY_NOTICE });
    // The worker's one answer too.
    const response = await search.searchLibrary({ query: 'negative sampling', page: PAGE });
    expect(response).toMatchObject({ status: 'found', notice: NEEDS_WEBASSEMBLY_NOTICE });
    expect(response.status === 'found' && response.videos.map((video) => video.videoId)).toEqual([WORD2VEC, DETR]);
    // Whatever the query finds.
    expect(await search.searchLibrary({ query: 'zebras', page: PAGE })).toEqual({ status: 'no-results', query: 'zebras', notice: NEEDS_WEBASSEMBLY_NOTICE });
  });

  it('says only that, not "the library is empty", where the cached videos are all there is', async () => {
    await writeCachedCaptions(captionsDb, captionsOf(CACHED, ['zebras at dawn']));
    vi.stubGlobal('WebAssembly', undefined);
    expect(await service().searchLibrary({ query: 'zebras', page: PAGE })).toEqual({ status: 'empty-library', notice: NEEDS_WEBASSEMBLY_NOTICE });
  });

  it('says nothing of captions where none are cached', async () => {
    await importDatasetStream(db, new Blob([SAMPLE_JSONL]).stream(), { source: { kind: 'bundled', path: '/sample.jsonl' } });
    vi.stubGlobal('WebAssembly', undefined);
    const response = await service().searchLibrary({ query: 'negative sampling', page: PAGE });
    expect(response.status).toBe('found');
    expect(response).not.toHaveProperty('notice');
  });

  it('searches the cached videos again once told the cache changed and WebAssembly runs', async () => {
    await writeCachedCaptions(captionsDb, captionsOf(CACHED, ['zebras at dawn']));
    const search = service();
    vi.stubGlobal('WebAssembly', undefined);
    expect(await search.searchLibrary({ query: 'zebras', page: PAGE })).toMatchObject({ notice: NEEDS_WEBASSEMBLY_NOTICE });
    vi.unstubAllGlobals();
    search.captions.forgetIndex();
    const response = await search.searchLibrary({ query: 'zebras', page: PAGE });
    expect(describeFound(response)).toEqual([[CACHED, 'A cached talk', ['zebras at dawn @0s']]]);
    expect(response).not.toHaveProperty('notice');
  });
});

describe('captions-cached videos as the library lists them', () => {
  it("names a video cached without a title by its id, with YouTube's thumbnail", async () => {
    await writeCachedCaptions(captionsDb, { ...captionsOf(CACHED, ['zebras at dawn']), title: undefined });
    const index = await createCaptionsLibrary(() => Promise.resolve(captionsDb)).loadIndex();
    expect(index?.videos).toEqual([{ videoId: CACHED, title: `YouTube video ${CACHED}`, thumbnail: `https://i.ytimg.com/vi/${CACHED}/hqdefault.jpg` }]);
  });
});
