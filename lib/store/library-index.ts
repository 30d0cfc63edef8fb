/**
 * The library search index in the cache: per dataset, a header keyed by the
 * dataset's id and its parts keyed by id and position. `saveDataset` writes
 * the parts with the import's batches and the header last, before the switch;
 * `deleteDataset` removes them with their dataset.
 */
import { assembleLibraryIndex, isLibraryIndexHeader, splitLibraryIndex, type LibraryIndex } from '../library/library-index';
import { isStoredIndexPart, packIndexPart, unpackIndexPart } from './index-part-record';
import type { TranscriptDb } from './schema';
import type { Segment, Transcript } from '../transcript/types';
import type { VideoId } from '../youtube/url';

/** The stored index of a dataset, or `undefined` if there is none or it has an older shape. */
export async function getLibraryIndex(db: TranscriptDb, datasetId: string): Promise<LibraryIndex | undefined> {
  const tx = db.transaction(['libraryIndex', 'libraryIndexParts'], 'readonly');
  const [header, stored]: unknown[] = await Promise.all([
    tx.objectStore('libraryIndex').get(datasetId),
    tx.objectStore('libraryIndexParts').getAll(partsOf(datasetId)),
    tx.done,
  ]);
  if (!isLibraryIndexHeader(header) || !Array.isArray(stored) || !stored.every(isStoredIndexPart)) return undefined;
  const parts = await Promise.all(stored.map(unpackIndexPart));
  return parts.every((part) => part !== undefined) ? assembleLibraryIndex(header, parts) : undefined;
}

/** Every part of one dataset's index. */
export function partsOf(datasetId: string): IDBKeyRange {
  return IDBKeyRange.bound([datasetId], [datasetId, []]);
}

/** Stores (or replaces) a dataset's index, unless the dataset is gone meanwhile. Side effect: one transaction. */
export async function putLibraryIndex(db: TranscriptDb, index: LibraryIndex): Promise<void> {
  const tx = db.transaction(['datasets', 'libraryIndex', 'libraryIndexParts'], 'readwrite');
  const dataset = await tx.objectStore('datasets').get(index.sourceId);
  // An index built from a dataset that an import has just replaced would never be removed.
  if (dataset) {
    const { header, parts } = splitLibraryIndex(index);
    const partStore = tx.objectStore('libraryIndexParts');
    // Parts of an older index of the dataset (more of them, perhaps) go first.
    await Promise.all([partStore.delete(partsOf(index.sourceId)), ...parts.map((part) => partStore.put(packIndexPart(part))), tx.objectStore('libraryIndex').put(header)]);
  }
  await tx.done;
}

/** Every transcript of a dataset, in key order (video id): what an index is built from when it is missing. */
export async function getAllTranscripts(db: TranscriptDb, datasetId: string): Promise<Transcript[]> {
  const tx = db.transaction(['videos', 'transcripts'], 'readonly');
  const range = IDBKeyRange.bound([datasetId], [datasetId, []]);
  const [videos, transcripts] = await Promise.all([tx.objectStore('videos').getAll(range), tx.objectStore('transcripts').getAll(range)]);
  await tx.done;
  const segmentsById = new Map(transcripts.map((record) => [record.videoId, record.segments]));
  return videos.flatMap(({ datasetId: _datasetId, ...video }) => {
    const segments = segmentsById.get(video.videoId);
    return segments ? [{ video, segments }] : [];
  });
}

/**
 * The segments of some videos of a dataset, in one transaction (videos it
 * lacks are left out). Answers as soon as the reads have: a read-only
 * transaction has nothing to commit, and waiting for its end cost a search
 * up to a frame (issue 8).
 */
export async function getSegmentsOf(db: TranscriptDb, datasetId: string, videoIds: readonly VideoId[]): Promise<Map<VideoId, Segment[]>> {
  const tx = db.transaction('transcripts', 'readonly');
  // A failed read rejects below; the transaction's own end is then not awaited by anyone.
  void tx.done.catch(() => undefined);
  const records = await Promise.all(videoIds.map((videoId) => tx.store.get([datasetId, videoId])));
  return new Map(records.flatMap((record) => (record ? [[record.videoId, record.segments] as const] : [])));
}
