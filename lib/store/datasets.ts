/**
 * Datasets in the cache: save one beside the one in use, switch to it, delete
 * one, collect what an interrupted import left. Side effects: writes to the
 * database given.
 */
import type { LibraryIndexHeader, LibraryIndexPart } from '../library/library-index';
import type { Transcript } from '../transcript/types';
import { packIndexPart } from './index-part-record';
import type { DatasetRecord } from './records';
import type { TranscriptDb } from './schema';

export interface SaveOptions {
  signal?: AbortSignal | undefined;
  /** Videos written so far, of how many. */
  onProgress?: ((written: number, total: number) => void) | undefined;
  /** Segments per write transaction: small enough that the panel's reads slip in between. */
  batchSegments?: number | undefined;
  /**
   * Builds the dataset's search index from the batches as they are written: each
   * batch's part is written with the next batch, the last one with the header,
   * before the switch.
   */
  index?: { add: (batch: readonly Transcript[]) => LibraryIndexPart; finish: () => LibraryIndexHeader } | undefined;
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
  { signal, onProgress, batchSegments = DEFAULT_BATCH_SEGMENTS, index }: SaveOptions = {},
): Promise<DatasetRecord> {
  const record: DatasetRecord = {
    ...dataset,
    segmentCount: transcripts.reduce((sum, t) => sum + t.segments.length, 0),
  };
  let previousId: string | undefined;
  try {
    const lastPart = await writeDatasetVideos(db, record.id, transcripts, { signal, onProgress, batchSegments, index });
    signal?.throwIfAborted();
    // The index arrives with its dataset: its last records are written by the switch itself.
    previousId = await switchToDataset(db, record, index && { header: index.finish(), lastPart });
  } catch (error) {
    await deleteDataset(db, record.id).catch(() => undefined); // else collectGarbage will
    throw error;
  }
  if (previousId !== undefined && previousId !== record.id) {
    await deleteDataset(db, previousId).catch(() => undefined); // else collectGarbage will
  }
  return record;
}

/**
 * Writes a dataset's videos beside the one in use, in transactions of about
 * `batchSegments` segments, without switching to it; with `index`, each
 * transaction also writes the index part of the batch before it. Returns the
 * last batch's part, not yet written. Side effect: writes.
 */
export async function writeDatasetVideos(
  db: TranscriptDb,
  datasetId: string,
  transcripts: readonly Transcript[],
  { signal, onProgress, batchSegments = DEFAULT_BATCH_SEGMENTS, index }: SaveOptions = {},
): Promise<LibraryIndexPart | undefined> {
  let written = 0;
  let part: LibraryIndexPart | undefined;
  for (const batch of splitIntoBatches(transcripts, batchSegments)) {
    signal?.throwIfAborted();
    // The disk commits the batch while the index reads it: the work overlaps the disk's.
    const writing = writeVideos(db, datasetId, batch, part);
    try {
      part = index?.add(batch);
    } finally {
      await writing;
    }
    written += batch.length;
    onProgress?.(written, transcripts.length);
  }
  return part;
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

async function writeVideos(db: TranscriptDb, datasetId: string, transcripts: readonly Transcript[], part: LibraryIndexPart | undefined): Promise<void> {
  const tx = db.transaction(['videos', 'transcripts', 'libraryIndexParts'], 'readwrite');
  // Queue every put before awaiting any: they run back to back inside the one transaction.
  const writes: Promise<unknown>[] = [];
  try {
    if (part) writes.push(tx.objectStore('libraryIndexParts').put(packIndexPart(part)));
    for (const { video, segments } of transcripts) {
      writes.push(tx.objectStore('videos').put({ ...video, datasetId }));
      writes.push(tx.objectStore('transcripts').put({ datasetId, videoId: video.videoId, segments }));
    }
    // Commit now, not when this task ends: the disk works while the caller indexes the batch.
    tx.commit();
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    abortQuietly(tx);
    // The queued writes now fail with AbortError; that is expected, not news.
    void Promise.allSettled([...writes, tx.done]);
    throw error;
  }
}

/** The index records `switchToDataset` writes with the switch. */
export interface SwitchIndex {
  header: LibraryIndexHeader;
  /** The part not yet written with a batch. */
  lastPart: LibraryIndexPart | undefined;
}

/**
 * Makes `record` (written beforehand) the active dataset in one small write,
 * with the rest of its index; returns the id it replaces. Side effect: one transaction.
 */
export async function switchToDataset(db: TranscriptDb, record: DatasetRecord, index?: SwitchIndex): Promise<string | undefined> {
  const tx = db.transaction(['datasets', 'meta', 'libraryIndex', 'libraryIndexParts'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    // The index first: if writing it fails, the switch is not even queued.
    if (index?.lastPart) writes.push(tx.objectStore('libraryIndexParts').put(packIndexPart(index.lastPart)));
    if (index) writes.push(tx.objectStore('libraryIndex').put(index.header));
    const previousId = tx.objectStore('meta').get('activeDatasetId');
    writes.push(previousId, tx.objectStore('datasets').put(record), tx.objectStore('meta').put(record.id, 'activeDatasetId'));
    await Promise.all([...writes, tx.done]);
    return await previousId;
  } catch (error) {
    abortQuietly(tx);
    void Promise.allSettled([...writes, tx.done]);
    throw error;
  }
}

/** Removes every record of one dataset. */
export async function deleteDataset(db: TranscriptDb, datasetId: string): Promise<void> {
  const tx = db.transaction(['datasets', 'videos', 'transcripts', 'libraryIndex', 'libraryIndexParts'], 'readwrite');
  const range = IDBKeyRange.bound([datasetId], [datasetId, []]);
  await Promise.all([
    tx.objectStore('libraryIndexParts').delete(range),
    tx.objectStore('videos').delete(range),
    tx.objectStore('transcripts').delete(range),
    tx.objectStore('datasets').delete(datasetId),
    tx.objectStore('libraryIndex').delete(datasetId),
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
  for (const id of await db.getAllKeys('libraryIndex')) found.add(id);
  for (const [id] of await db.getAllKeys('libraryIndexParts')) found.add(id);
  const stale = [...found].filter((id) => id !== activeId);
  for (const id of stale) await deleteDataset(db, id);
  return stale;
}
