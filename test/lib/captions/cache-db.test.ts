import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CAPTIONS_DB_NAME,
  clearCaptionsCache,
  openCaptionsDb,
  readCachedCaptions,
  rememberChosenTrack,
  summarizeCaptionsCache,
  writeCachedCaptions,
  type CaptionsDb,
} from '../../../lib/captions/cache-db';
import type { CachedCaptions, StoredTrack } from '../../../lib/captions/cached-captions';

const ENGLISH: StoredTrack = { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' };
const ENGLISH_AUTO: StoredTrack = { id: 'a.en', languageCode: 'en', isAutomatic: true, name: 'English (auto-generated)' };

/** An 11-character id per number: v0000000001, … */
function videoId(n: number): string {
  return `v${String(n).padStart(10, '0')}`;
}

function captionsOf(id: string, track: StoredTrack = ENGLISH, text = 'hello there'): CachedCaptions {
  return {
    videoId: id,
    trackId: track.id,
    track,
    tracks: [ENGLISH, ENGLISH_AUTO],
    lines: [{ start: 0, end: 2, text }],
    chapters: [{ start: 0, title: 'Intro' }],
    method: 'get_panel',
    fetchedAt: 1_000,
  };
}

let db: CaptionsDb;
const names: string[] = [];

async function openFresh(): Promise<CaptionsDb> {
  const name = `captions-test-${names.length}-${Math.random()}`;
  names.push(name);
  db = await openCaptionsDb(name);
  return db;
}

afterEach(async () => {
  db.close();
  await Promise.all(names.splice(0).map((name) => deleteDB(name)));
});

describe('the captions cache', () => {
  it('gives back what it stored, by video and track', async () => {
    await openFresh();
    await writeCachedCaptions(db, captionsOf(videoId(1)), { now: 10 });
    await writeCachedCaptions(db, captionsOf(videoId(1), ENGLISH_AUTO, 'auto text'), { now: 11 });

    expect((await readCachedCaptions(db, videoId(1), { trackId: '.en' })).captions).toEqual(captionsOf(videoId(1)));
    expect((await readCachedCaptions(db, videoId(1), { trackId: 'a.en' })).captions?.lines[0]?.text).toBe('auto text');
    expect(await readCachedCaptions(db, videoId(2), {})).toEqual({});
  });

  it("opens the viewer's chosen track, else the latest fetched one", async () => {
    await openFresh();
    await writeCachedCaptions(db, { ...captionsOf(videoId(1)), fetchedAt: 5 });
    await writeCachedCaptions(db, { ...captionsOf(videoId(1), ENGLISH_AUTO), fetchedAt: 9 });
    expect((await readCachedCaptions(db, videoId(1), {})).captions?.trackId).toBe('a.en');

    await rememberChosenTrack(db, videoId(1), '.en');
    expect(await readCachedCaptions(db, videoId(1), {})).toMatchObject({ chosenTrackId: '.en', captions: { trackId: '.en' } });
  });

  it('remembers a choice even before its captions are cached', async () => {
    await openFresh();
    await rememberChosenTrack(db, videoId(3), 'a.en');
    expect(await readCachedCaptions(db, videoId(3), {})).toEqual({ chosenTrackId: 'a.en' });
  });

  it('never answers a remembered choice with another cached track: the choice is fetched instead', async () => {
    await openFresh();
    await writeCachedCaptions(db, captionsOf(videoId(1), ENGLISH_AUTO, 'auto text'), { now: 1 });
    await rememberChosenTrack(db, videoId(1), '.en', { now: 2 });
    expect(await readCachedCaptions(db, videoId(1), {})).toEqual({ chosenTrackId: '.en' });
  });

  it('counts only videos with captions in its summary, not those holding only a choice', async () => {
    await openFresh();
    await writeCachedCaptions(db, captionsOf(videoId(1), ENGLISH, 'four'));
    await writeCachedCaptions(db, captionsOf(videoId(1), ENGLISH_AUTO, 'x'));
    await rememberChosenTrack(db, videoId(2), 'a.en');
    expect(await summarizeCaptionsCache(db)).toEqual({ videos: 1, chars: 'four'.length + 'x'.length + 2 * 'Intro'.length });
  });

  it('keeps at most the bound, evicting the least recently opened video with all its tracks', async () => {
    await openFresh();
    for (let n = 1; n <= 3; n += 1) await writeCachedCaptions(db, captionsOf(videoId(n)), { maxVideos: 3, now: n });
    await writeCachedCaptions(db, captionsOf(videoId(1), ENGLISH_AUTO), { maxVideos: 3, now: 4 });
    // Opening video 2 makes video 3 the least recently opened.
    await readCachedCaptions(db, videoId(2), { now: 5 });

    const evicted = await writeCachedCaptions(db, captionsOf(videoId(4)), { maxVideos: 3, now: 6 });

    expect(evicted).toBe(1);
    expect((await readCachedCaptions(db, videoId(3), {})).captions).toBeUndefined();
    for (const n of [1, 2, 4]) expect((await readCachedCaptions(db, videoId(n), {})).captions).toBeDefined();
    expect((await readCachedCaptions(db, videoId(1), { trackId: 'a.en' })).captions).toBeDefined();
    expect(await summarizeCaptionsCache(db)).toMatchObject({ videos: 3 });
  });

  it('holds 500 videos by default', async () => {
    await openFresh();
    for (let n = 1; n <= 501; n += 1) await writeCachedCaptions(db, captionsOf(videoId(n)), { now: n });
    expect(await summarizeCaptionsCache(db)).toEqual({ videos: 500, chars: 500 * ('hello there'.length + 'Intro'.length) });
    expect((await readCachedCaptions(db, videoId(1), {})).captions).toBeUndefined();
  });

  it("counts each video's text once, whatever is rewritten", async () => {
    await openFresh();
    await writeCachedCaptions(db, captionsOf(videoId(1), ENGLISH, 'four'));
    await writeCachedCaptions(db, captionsOf(videoId(1), ENGLISH, 'seven!!'));
    await writeCachedCaptions(db, captionsOf(videoId(1), ENGLISH_AUTO, 'x'));
    expect(await summarizeCaptionsCache(db)).toEqual({ videos: 1, chars: 'seven!!'.length + 'x'.length + 2 * 'Intro'.length });
  });

  it('empties on clear', async () => {
    await openFresh();
    await writeCachedCaptions(db, captionsOf(videoId(1)));
    await rememberChosenTrack(db, videoId(2), '.en');
    await clearCaptionsCache(db);
    expect(await summarizeCaptionsCache(db)).toEqual({ videos: 0, chars: 0 });
    expect(await readCachedCaptions(db, videoId(1), {})).toEqual({});
  });
});

describe('the captions cache beside the dataset', () => {
  it('lives in its own database, untouched when the dataset is reset or even deleted', async () => {
    expect(CAPTIONS_DB_NAME).not.toBe('transcript-search');
    db = await openCaptionsDb();
    names.push(CAPTIONS_DB_NAME);
    await writeCachedCaptions(db, captionsOf(videoId(1)));
    const dataset = await openDB('transcript-search', 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore('transcripts');
      },
    });
    await dataset.put('transcripts', { segments: [] }, 'x');
    // The most a reset can do to the dataset's database: clear every store, then delete it.
    const tx = dataset.transaction([...dataset.objectStoreNames], 'readwrite');
    await Promise.all([...[...dataset.objectStoreNames].map((store) => tx.objectStore(store).clear()), tx.done]);
    dataset.close();
    await deleteDB('transcript-search');

    expect((await readCachedCaptions(db, videoId(1), {})).captions).toEqual(captionsOf(videoId(1)));
  });
});
