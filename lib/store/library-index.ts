/**
 * The library search index in the cache: one record per dataset, keyed by
 * the dataset's id, written by `saveDataset` before the switch and removed
 * with its dataset by `deleteDataset`.
 */
import { isLibraryIndex, type LibraryIndex } from '../library/library-index';
import { getActiveDatasetId } from './reads';
import type { TranscriptDb } from './schema';
import type { Segment, Transcript } from '../transcript/types';
import type { VideoId } from '../youtube/url';

/** The stored index of a dataset, or `undefined` if there is none or it has an older shape. */
export async function getLibraryIndex(db: TranscriptDb, datasetId: string): Promise<LibraryIndex | undefined> {
  const stored: unknown = await db.get('libraryIndex', datasetId);
  return isLibraryIndex(stored) ? stored : undefined;
}

/** Stores (or replaces) a dataset's index, unless the dataset is gone meanwhile. Side effect: one write. */
export async function putLibraryIndex(db: TranscriptDb, index: LibraryIndex): Promise<void> {
  const tx = db.transaction(['datasets', 'libraryIndex'], 'readwrite');
  const dataset = await tx.objectStore('datasets').get(index.sourceId);
  // An index built from a dataset that an import has just replaced would never be removed.
  if (dataset) await tx.objectStore('libraryIndex').put(index);
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

/** The active dataset's id and its stored index (if any), read together. */
export async function getActiveLibraryIndex(db: TranscriptDb): Promise<{ datasetId: string | undefined; index: LibraryIndex | undefined }> {
  const datasetId = await getActiveDatasetId(db);
  return { datasetId, index: datasetId === undefined ? undefined : await getLibraryIndex(db, datasetId) };
}

/** The segments of some videos of a dataset, in one transaction (videos it lacks are left out). */
export async function getSegmentsOf(db: TranscriptDb, datasetId: string, videoIds: readonly VideoId[]): Promise<Map<VideoId, Segment[]>> {
  const tx = db.transaction('transcripts', 'readonly');
  const records = await Promise.all(videoIds.map((videoId) => tx.store.get([datasetId, videoId])));
  await tx.done;
  return new Map(records.flatMap((record) => (record ? [[record.videoId, record.segments] as const] : [])));
}
