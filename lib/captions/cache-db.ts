/**
 * The captions cache: YouTube captions fetched once, kept in their own
 * IndexedDB database beside the dataset's (never mixed in, so no dataset
 * import or reset touches them), bounded by videos, the least recently
 * opened evicted first. The background owns it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { watchConnectionLoss } from '../store/connection-loss';
import type { CachedCaptions } from './cached-captions';

export const CAPTIONS_DB_NAME = 'transcript-search-captions';
const CAPTIONS_DB_VERSION = 1;
export const DEFAULT_MAX_VIDEOS = 500;

/** One video: its tracks, the viewer's choice, when it was last opened, what its captions weigh. */
export interface CachedVideoRecord {
  videoId: string;
  chosenTrackId?: string | undefined;
  lastOpenedAt: number;
  /** Characters of caption text stored for the video, for the options page's "size". */
  chars: number;
}

export type CaptionsRecord = CachedCaptions & { chars: number };

interface CaptionsDbSchema extends DBSchema {
  videos: { key: string; value: CachedVideoRecord; indexes: { 'by-last-opened': number } };
  captions: { key: [string, string]; value: CaptionsRecord; indexes: { 'by-video': string } };
}

export type CaptionsDb = IDBPDatabase<CaptionsDbSchema>;

/**
 * Opens (and creates) the captions cache. `onLost`: the browser took the
 * connection away (the user cleared the extension's data, or another context
 * deletes the database, for which it is closed at once so as not to block).
 * Side effect: may create the database.
 */
export function openCaptionsDb(name: string = CAPTIONS_DB_NAME, { onLost }: { onLost?: () => void } = {}): Promise<CaptionsDb> {
  return openDB<CaptionsDbSchema>(name, CAPTIONS_DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('videos', { keyPath: 'videoId' }).createIndex('by-last-opened', 'lastOpenedAt');
      db.createObjectStore('captions', { keyPath: ['videoId', 'trackId'] }).createIndex('by-video', 'videoId');
    },
    ...watchConnectionLoss(onLost),
  });
}

/** The worker's connection to the captions cache: opened on first use, and again after the browser took it away. */
export function connectCaptionsDb(name: string = CAPTIONS_DB_NAME): () => Promise<CaptionsDb> {
  let current: Promise<CaptionsDb> | null = null;
  const open = (): Promise<CaptionsDb> => {
    const forget = (): void => {
      if (current === opening) current = null;
    };
    // As a promise even if opening throws at once; a failed open is not kept, the next request tries again.
    const opening = new Promise<CaptionsDb>((resolve) => resolve(openCaptionsDb(name, { onLost: forget })));
    opening.catch(forget);
    return opening;
  };
  return () => (current ??= open());
}

function countChars(captions: CachedCaptions): number {
  return captions.lines.reduce((sum, line) => sum + line.text.length, 0) + captions.chapters.reduce((sum, chapter) => sum + chapter.title.length, 0);
}

export interface CacheRead {
  /** The captions of the requested track, else of the viewer's choice; the latest fetched only when neither is set. */
  captions?: CachedCaptions | undefined;
  /** The track the viewer chose for this video, if they did. */
  chosenTrackId?: string | undefined;
}

/** Reads one video's captions and counts the read as an opening (it keeps the video in the cache). */
export async function readCachedCaptions(db: CaptionsDb, videoId: string, { trackId, now = Date.now() }: { trackId?: string | undefined; now?: number }): Promise<CacheRead> {
  const tx = db.transaction(['videos', 'captions'], 'readwrite');
  const video = await tx.objectStore('videos').get(videoId);
  if (!video) {
    await tx.done;
    return {};
  }
  const wanted = trackId ?? video.chosenTrackId;
  let record = wanted === undefined ? undefined : await tx.objectStore('captions').get([videoId, wanted]);
  // Only with no choice at all does the latest fetched track stand in: a remembered choice not cached yet is fetched, never overridden.
  if (wanted === undefined) {
    const all = await tx.objectStore('captions').index('by-video').getAll(videoId);
    record = all.sort((a, b) => b.fetchedAt - a.fetchedAt)[0];
  }
  await tx.objectStore('videos').put({ ...video, lastOpenedAt: now });
  await tx.done;
  if (!record) return { chosenTrackId: video.chosenTrackId };
  const { chars: _chars, ...captions } = record;
  return { captions, chosenTrackId: video.chosenTrackId };
}

/** The track the library search reads: the viewer's choice, else the latest fetched. */
function pickSearchedTrack(video: CachedVideoRecord, records: readonly CaptionsRecord[]): CaptionsRecord | undefined {
  const chosen = records.find((record) => record.trackId === video.chosenTrackId);
  return chosen ?? [...records].sort((a, b) => b.fetchedAt - a.fetchedAt)[0];
}

/**
 * One track's captions per cached video (all videos, or those of `videoIds`),
 * for the library search. Reading is not an opening: it keeps no video longer.
 */
export async function readSearchableCaptions(db: CaptionsDb, videoIds?: readonly string[]): Promise<CachedCaptions[]> {
  const tx = db.transaction(['videos', 'captions'], 'readonly');
  const [videos, records] = videoIds
    ? await Promise.all([
        Promise.all(videoIds.map((videoId) => tx.objectStore('videos').get(videoId))),
        Promise.all(videoIds.map((videoId) => tx.objectStore('captions').index('by-video').getAll(videoId))).then((lists) => lists.flat()),
      ])
    : await Promise.all([tx.objectStore('videos').getAll(), tx.objectStore('captions').getAll()]);
  await tx.done;
  const byVideo = new Map<string, CaptionsRecord[]>();
  for (const record of records) byVideo.set(record.videoId, [...(byVideo.get(record.videoId) ?? []), record]);
  return videos.flatMap((video) => {
    const record = video && pickSearchedTrack(video, byVideo.get(video.videoId) ?? []);
    if (!record) return [];
    const { chars: _chars, ...captions } = record;
    return [captions];
  });
}

/** Evicts the least recently opened videos past `maxVideos`. */
async function evict(db: CaptionsDb, maxVideos: number): Promise<number> {
  const tx = db.transaction(['videos', 'captions'], 'readwrite');
  let excess = (await tx.objectStore('videos').count()) - maxVideos;
  let evicted = 0;
  let cursor = await tx.objectStore('videos').index('by-last-opened').openCursor();
  while (cursor && excess > 0) {
    const { videoId } = cursor.value;
    await tx.objectStore('captions').delete(IDBKeyRange.bound([videoId], [videoId, []]));
    await cursor.delete();
    excess -= 1;
    evicted += 1;
    cursor = await cursor.continue();
  }
  await tx.done;
  return evicted;
}

/** Stores one track's captions (replacing older ones of that track), then keeps the cache within bounds. Returns how many videos were evicted. */
export async function writeCachedCaptions(
  db: CaptionsDb,
  captions: CachedCaptions,
  { maxVideos = DEFAULT_MAX_VIDEOS, now = Date.now() }: { maxVideos?: number; now?: number } = {},
): Promise<number> {
  const tx = db.transaction(['videos', 'captions'], 'readwrite');
  const previous = await tx.objectStore('captions').get([captions.videoId, captions.trackId]);
  const video = await tx.objectStore('videos').get(captions.videoId);
  const chars = countChars(captions);
  await tx.objectStore('captions').put({ ...captions, chars });
  await tx.objectStore('videos').put({
    videoId: captions.videoId,
    chosenTrackId: video?.chosenTrackId,
    lastOpenedAt: now,
    chars: (video?.chars ?? 0) - (previous?.chars ?? 0) + chars,
  });
  await tx.done;
  return evict(db, maxVideos);
}

/** Remembers the track the viewer chose for a video (kept with, and evicted with, its captions). */
export async function rememberChosenTrack(db: CaptionsDb, videoId: string, trackId: string, { maxVideos = DEFAULT_MAX_VIDEOS, now = Date.now() } = {}): Promise<void> {
  const tx = db.transaction('videos', 'readwrite');
  const video = await tx.store.get(videoId);
  await tx.store.put({ videoId, chars: video?.chars ?? 0, chosenTrackId: trackId, lastOpenedAt: now });
  await tx.done;
  await evict(db, maxVideos);
}

export interface CacheSummary {
  videos: number;
  /** Characters of caption text, about the bytes it takes. */
  chars: number;
}

/** How much the cache holds: videos with captions (not those holding only a track choice). Reads records and keys, never caption text. */
export async function summarizeCaptionsCache(db: CaptionsDb): Promise<CacheSummary> {
  const tx = db.transaction(['videos', 'captions'], 'readonly');
  const records = await tx.objectStore('videos').getAll();
  let videos = 0;
  for (let cursor = await tx.objectStore('captions').index('by-video').openKeyCursor(null, 'nextunique'); cursor; cursor = await cursor.continue()) videos += 1;
  await tx.done;
  return { videos, chars: records.reduce((sum, video) => sum + video.chars, 0) };
}

/** Whether any video's captions are cached. Counts keys, never reads caption text. */
export async function hasCachedCaptions(db: CaptionsDb): Promise<boolean> {
  return (await db.count('captions')) > 0;
}

/** Empties the captions cache (the dataset is elsewhere and stays). */
export async function clearCaptionsCache(db: CaptionsDb): Promise<void> {
  const tx = db.transaction(['videos', 'captions'], 'readwrite');
  await Promise.all([tx.objectStore('videos').clear(), tx.objectStore('captions').clear(), tx.done]);
}
