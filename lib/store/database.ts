/**
 * The IndexedDB cache (through `idb`): schema, version and upgrades in one place.
 *
 * Layout: a video's segments live together in one `transcripts` record, so the
 * panel's one question ("everything about this video") is a single key read
 * instead of a 450-row index or range scan. Records are keyed by dataset id as
 * well, so a new dataset can be written beside the current one and switched in
 * with one small write (`meta.activeDatasetId`) when it is complete.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ImportReport } from '../dataset/rows';
import type { Segment, Transcript, VideoInfo } from '../transcript/types';
import type { VideoId } from '../youtube/url';

export const DB_NAME = 'transcript-search';
export const DB_VERSION = 1;

export type DatasetSource = { kind: 'bundled'; path: string } | { kind: 'url'; url: string } | { kind: 'file'; name: string };

/** What the user sees about the dataset in the cache. */
export interface DatasetRecord {
  /** Unique per import, so a new dataset can be written beside the one in use. */
  id: string;
  source: DatasetSource;
  /** SHA-256 of the source text, where known (the bundled sample): tells an unchanged file. */
  contentHash?: string | undefined;
  /** Format the file was read as, and its size in bytes. */
  format?: string | undefined;
  bytes?: number | undefined;
  report: ImportReport;
  segmentCount: number;
  importedAt: number;
}

export interface VideoRecord extends VideoInfo {
  datasetId: string;
}

export interface TranscriptRecord {
  datasetId: string;
  videoId: VideoId;
  segments: Segment[];
}

interface MetaValues {
  activeDatasetId: string;
}

/** A file the options page handed over for import, kept until the import ends (so a restart can redo it). */
export interface UploadRecord {
  id: string;
  name: string;
  blob: Blob;
  stagedAt: number;
}

export interface TranscriptDbSchema extends DBSchema {
  datasets: { key: string; value: DatasetRecord };
  videos: { key: [string, string]; value: VideoRecord; indexes: { 'by-dataset': string } };
  transcripts: { key: [string, string]; value: TranscriptRecord; indexes: { 'by-dataset': string } };
  meta: { key: keyof MetaValues; value: MetaValues[keyof MetaValues] };
  uploads: { key: string; value: UploadRecord };
}

export type TranscriptDb = IDBPDatabase<TranscriptDbSchema>;

/** Opens (and creates or upgrades) the cache. Side effect: may create the database. */
export function openTranscriptDb(name: string = DB_NAME): Promise<TranscriptDb> {
  return openDB<TranscriptDbSchema>(name, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('datasets', { keyPath: 'id' });
      const videos = db.createObjectStore('videos', { keyPath: ['datasetId', 'videoId'] });
      videos.createIndex('by-dataset', 'datasetId');
      const transcripts = db.createObjectStore('transcripts', { keyPath: ['datasetId', 'videoId'] });
      transcripts.createIndex('by-dataset', 'datasetId');
      db.createObjectStore('meta');
      db.createObjectStore('uploads', { keyPath: 'id' });
    },
  });
}

/** Reads the dataset the panel answers from, if any. */
export async function getActiveDataset(db: TranscriptDb): Promise<DatasetRecord | undefined> {
  const tx = db.transaction(['meta', 'datasets'], 'readonly');
  const activeId = await tx.objectStore('meta').get('activeDatasetId');
  const dataset = activeId === undefined ? undefined : await tx.objectStore('datasets').get(activeId);
  await tx.done;
  return dataset;
}

export interface SaveOptions {
  signal?: AbortSignal | undefined;
  /** Videos written so far, of how many. */
  onProgress?: ((written: number, total: number) => void) | undefined;
  /** Segments per write transaction: small enough that the panel's reads slip in between. */
  batchSegments?: number | undefined;
}

const DEFAULT_BATCH_SEGMENTS = 2_500;

/**
 * Writes a parsed dataset beside the one in use, in a few transactions, then
 * switches to it in one small write and removes the old one. Until the switch
 * the panel keeps answering from the old dataset; if anything fails (quota,
 * cancellation, the worker stopped), the old dataset stays active and whole,
 * and the partial new one is removed (now, or by `collectGarbage` at the next start).
 */
export async function saveDataset(
  db: TranscriptDb,
  dataset: Omit<DatasetRecord, 'segmentCount'>,
  transcripts: readonly Transcript[],
  { signal, onProgress, batchSegments = DEFAULT_BATCH_SEGMENTS }: SaveOptions = {},
): Promise<DatasetRecord> {
  const record: DatasetRecord = {
    ...dataset,
    segmentCount: transcripts.reduce((sum, t) => sum + t.segments.length, 0),
  };
  let previousId: string | undefined;
  try {
    let written = 0;
    for (const batch of splitIntoBatches(transcripts, batchSegments)) {
      signal?.throwIfAborted();
      await writeVideos(db, record.id, batch);
      written += batch.length;
      onProgress?.(written, transcripts.length);
    }
    signal?.throwIfAborted();
    previousId = await activateDataset(db, record);
  } catch (error) {
    await deleteDataset(db, record.id).catch(() => undefined); // else collectGarbage will
    throw error;
  }
  if (previousId !== undefined && previousId !== record.id) {
    await deleteDataset(db, previousId).catch(() => undefined); // else collectGarbage will
  }
  return record;
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing more will commit.
  }
}

function* splitIntoBatches(transcripts: readonly Transcript[], maxSegments: number): Generator<Transcript[]> {
  let batch: Transcript[] = [];
  let size = 0;
  for (const transcript of transcripts) {
    batch.push(transcript);
    size += transcript.segments.length;
    if (size >= maxSegments) {
      yield batch;
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

async function writeVideos(db: TranscriptDb, datasetId: string, transcripts: readonly Transcript[]): Promise<void> {
  const tx = db.transaction(['videos', 'transcripts'], 'readwrite');
  // Queue every put before awaiting any: they run back to back inside the one transaction.
  const writes: Promise<unknown>[] = [];
  try {
    for (const { video, segments } of transcripts) {
      writes.push(tx.objectStore('videos').put({ ...video, datasetId }));
      writes.push(tx.objectStore('transcripts').put({ datasetId, videoId: video.videoId, segments }));
    }
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    abortQuietly(tx);
    // The queued writes now fail with AbortError; that is expected, not news.
    void Promise.allSettled([...writes, tx.done]);
    throw error;
  }
}

/** Makes `record` the active dataset; returns the id it replaces. */
async function activateDataset(db: TranscriptDb, record: DatasetRecord): Promise<string | undefined> {
  const tx = db.transaction(['datasets', 'meta'], 'readwrite');
  const previousId = await tx.objectStore('meta').get('activeDatasetId');
  await Promise.all([tx.objectStore('datasets').put(record), tx.objectStore('meta').put(record.id, 'activeDatasetId'), tx.done]);
  return previousId;
}

/** Removes every record of one dataset. */
export async function deleteDataset(db: TranscriptDb, datasetId: string): Promise<void> {
  const tx = db.transaction(['datasets', 'videos', 'transcripts'], 'readwrite');
  const range = IDBKeyRange.bound([datasetId], [datasetId, []]);
  await Promise.all([
    tx.objectStore('videos').delete(range),
    tx.objectStore('transcripts').delete(range),
    tx.objectStore('datasets').delete(datasetId),
    tx.done,
  ]);
}

/**
 * Removes what an interrupted import left behind: records of any dataset that
 * is not the active one. Call when no import is running (at start-up).
 * Returns the ids removed.
 */
export async function collectGarbage(db: TranscriptDb): Promise<string[]> {
  const activeId = await db.get('meta', 'activeDatasetId');
  const found = new Set<string>();
  for (const storeName of ['videos', 'transcripts'] as const) {
    let cursor = await db.transaction(storeName).store.index('by-dataset').openKeyCursor(null, 'nextunique');
    while (cursor) {
      found.add(cursor.key);
      cursor = await cursor.continue();
    }
  }
  for (const id of await db.getAllKeys('datasets')) found.add(id);
  const stale = [...found].filter((id) => id !== activeId);
  for (const id of stale) await deleteDataset(db, id);
  return stale;
}

/** The id of the dataset the panel answers from. */
export function getActiveDatasetId(db: TranscriptDb): Promise<string | undefined> {
  return db.get('meta', 'activeDatasetId');
}

/**
 * A video's info and all of its segments, or `undefined` if the dataset lacks it.
 * Pass the active dataset's id when you know it (the background keeps it): the
 * read is then two gets in one transaction, with no round trip to find the id.
 */
export async function getTranscript(
  db: TranscriptDb,
  videoId: VideoId,
  datasetId?: string,
): Promise<Transcript | undefined> {
  const id = datasetId ?? (await getActiveDatasetId(db));
  if (id === undefined) return undefined;
  const tx = db.transaction(['videos', 'transcripts'], 'readonly');
  const [video, stored] = await Promise.all([
    tx.objectStore('videos').get([id, videoId]),
    tx.objectStore('transcripts').get([id, videoId]),
  ]);
  if (!video || !stored) return undefined;
  const { datasetId: _datasetId, ...info } = video;
  return { video: info, segments: stored.segments };
}

/** A video's facts (no segments), or `undefined` if the dataset lacks it. */
export async function getVideoInfo(db: TranscriptDb, videoId: VideoId, datasetId?: string): Promise<VideoInfo | undefined> {
  const id = datasetId ?? (await getActiveDatasetId(db));
  const video = id === undefined ? undefined : await db.get('videos', [id, videoId]);
  if (!video) return undefined;
  const { datasetId: _datasetId, ...info } = video;
  return info;
}

/** Keeps a file for the background to import. Returns its id. */
export async function stageUpload(db: TranscriptDb, file: Blob, name: string, now: number = Date.now()): Promise<string> {
  const id = crypto.randomUUID();
  await db.put('uploads', { id, name, blob: file, stagedAt: now });
  return id;
}

export function getUpload(db: TranscriptDb, id: string): Promise<UploadRecord | undefined> {
  return db.get('uploads', id);
}

export function deleteUpload(db: TranscriptDb, id: string): Promise<void> {
  return db.delete('uploads', id);
}

/** Removes staged files no import will read (left when an import never started or was abandoned). */
export async function pruneUploads(db: TranscriptDb, keepId?: string): Promise<number> {
  const ids = (await db.getAllKeys('uploads')).filter((id) => id !== keepId);
  await Promise.all(ids.map((id) => db.delete('uploads', id)));
  return ids.length;
}
