/**
 * The IndexedDB cache (through `idb`): schema, version and upgrades in one place.
 *
 * Layout: a video's segments live together in one `transcripts` record, so the
 * panel's one question ("everything about this video") is a single key read
 * instead of a 450-row index or range scan. Records are keyed by dataset id as
 * well, so a new dataset can be written beside the current one and switched in
 * with one small write (`meta.activeDatasetId`) when it is complete.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { ImportReport } from './dataset';
import type { Segment, Transcript, VideoInfo } from './transcript';
import type { VideoId } from './youtube-url';

export const DB_NAME = 'transcript-search';
export const DB_VERSION = 1;

export type DatasetSource = { kind: 'bundled'; path: string } | { kind: 'url'; url: string } | { kind: 'file'; name: string };

/** What the user sees about the dataset in the cache. */
export interface DatasetRecord {
  /** Content hash of the source file: the same file always gets the same id. */
  id: string;
  source: DatasetSource;
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

export interface TranscriptDbSchema extends DBSchema {
  datasets: { key: string; value: DatasetRecord };
  videos: { key: [string, string]; value: VideoRecord; indexes: { 'by-dataset': string } };
  transcripts: { key: [string, string]; value: TranscriptRecord; indexes: { 'by-dataset': string } };
  meta: { key: keyof MetaValues; value: MetaValues[keyof MetaValues] };
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

/**
 * Writes a parsed dataset beside whatever is cached, then makes it the active one
 * and removes the dataset it replaces, in one transaction: a failure anywhere
 * (quota, a closed database) aborts the whole write and the previous dataset
 * stays active and complete.
 */
export async function saveDataset(
  db: TranscriptDb,
  dataset: Omit<DatasetRecord, 'segmentCount'>,
  transcripts: readonly Transcript[],
): Promise<DatasetRecord> {
  const record: DatasetRecord = {
    ...dataset,
    segmentCount: transcripts.reduce((sum, t) => sum + t.segments.length, 0),
  };
  const tx: WriteTransaction = db.transaction(['datasets', 'videos', 'transcripts', 'meta'], 'readwrite');
  // Queue every put before awaiting any: idb batches them inside the one transaction.
  const writes: Promise<unknown>[] = [];
  try {
    const meta = tx.objectStore('meta');
    const previousId = await meta.get('activeDatasetId');
    if (previousId !== undefined && previousId !== record.id) await deleteDatasetRecords(tx, previousId);
    // Re-importing the same content replaces its records key for key.
    await deleteDatasetRecords(tx, record.id);
    const videos = tx.objectStore('videos');
    const stored = tx.objectStore('transcripts');
    for (const { video, segments } of transcripts) {
      writes.push(videos.put({ ...video, datasetId: record.id }));
      writes.push(stored.put({ datasetId: record.id, videoId: video.videoId, segments }));
    }
    writes.push(tx.objectStore('datasets').put(record));
    writes.push(meta.put(record.id, 'activeDatasetId'));
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    // Without an explicit abort, the deletes queued so far would still commit.
    abortQuietly(tx);
    // The queued writes now fail with AbortError; that is expected, not news.
    void Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  return record;
}

function abortQuietly(tx: WriteTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing was committed by us after the failure.
  }
}

type StoreName = 'datasets' | 'videos' | 'transcripts' | 'meta';
type WriteTransaction = IDBPTransaction<TranscriptDbSchema, StoreName[], 'readwrite'>;

async function deleteDatasetRecords(tx: WriteTransaction, datasetId: string): Promise<void> {
  const range = IDBKeyRange.bound([datasetId], [datasetId, []]);
  await Promise.all([
    tx.objectStore('videos').delete(range),
    tx.objectStore('transcripts').delete(range),
    tx.objectStore('datasets').delete(datasetId),
  ]);
}

/** A video's info and all of its segments from the active dataset, or `undefined` if it has none. */
export async function getTranscript(db: TranscriptDb, videoId: VideoId): Promise<Transcript | undefined> {
  const tx = db.transaction(['meta', 'videos', 'transcripts'], 'readonly');
  const datasetId = await tx.objectStore('meta').get('activeDatasetId');
  if (datasetId === undefined) return undefined;
  const [video, stored] = await Promise.all([
    tx.objectStore('videos').get([datasetId, videoId]),
    tx.objectStore('transcripts').get([datasetId, videoId]),
  ]);
  if (!video || !stored) return undefined;
  const { datasetId: _datasetId, ...info } = video;
  return { video: info, segments: stored.segments };
}

/** The segment of a video that starts at exactly `startSecond`, if there is one. */
export async function getSegment(db: TranscriptDb, videoId: VideoId, startSecond: number): Promise<Segment | undefined> {
  const transcript = await getTranscript(db, videoId);
  if (!transcript) return undefined;
  const { segments } = transcript;
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid]!;
    if (segment.start === startSecond) return segment;
    if (segment.start < startSecond) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/** Every video of the active dataset (without segments). */
export async function listVideos(db: TranscriptDb): Promise<VideoInfo[]> {
  const dataset = await getActiveDataset(db);
  if (!dataset) return [];
  const records = await db.getAllFromIndex('videos', 'by-dataset', dataset.id);
  return records.map(({ datasetId: _datasetId, ...info }) => info);
}
