/** Reading the active dataset and its videos. No side effects. */
import type { Transcript, VideoInfo } from '../transcript/types';
import type { VideoId } from '../youtube/url';
import type { DatasetRecord } from './records';
import type { TranscriptDb } from './schema';

/** The id of the dataset the panel answers from. */
export function getActiveDatasetId(db: TranscriptDb): Promise<string | undefined> {
  return db.get('meta', 'activeDatasetId');
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
