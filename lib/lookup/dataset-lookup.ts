/** The background's answers to the protocol in `messages.ts`. Reads the database; never throws. */
import type { MessageHandlers, TranscriptResponse, VideoInfoResponse } from '../messaging/protocol';
import { getActiveDatasetId, getTranscript, getVideoInfo, type TranscriptDb } from '../store/database';
import type { VideoId } from '../youtube/url';
import { describeError } from '../format/describe-error';

export interface TranscriptServiceOptions {
  database: Promise<TranscriptDb>;
  /** An import under way (the bundled sample at start-up): answers wait for it, and report it if it failed and left nothing to read. */
  pendingImport: Promise<unknown>;
}

export function createTranscriptService({
  database,
  pendingImport,
}: TranscriptServiceOptions): Pick<MessageHandlers, 'getTranscript' | 'getVideoInfo'> {
  // The active dataset's id, kept in memory: it saves every read a round trip.
  // A miss re-reads it, so a dataset switched in by an import is picked up.
  let activeId: Promise<string | undefined> | undefined;

  /** Reads one video once the pending import has settled; never throws. */
  async function lookUp<T>(
    videoId: VideoId,
    read: (db: TranscriptDb, datasetId: string | undefined) => Promise<T | undefined>,
  ): Promise<{ status: 'found'; value: T } | { status: 'not-in-dataset'; videoId: VideoId } | { status: 'error'; message: string }> {
    let importError: unknown;
    try {
      await pendingImport;
    } catch (error) {
      importError = error;
    }
    try {
      const db = await database;
      const cachedId = await (activeId ??= getActiveDatasetId(db));
      let value = await read(db, cachedId);
      if (value === undefined) {
        const freshId = await getActiveDatasetId(db);
        activeId = Promise.resolve(freshId);
        if (freshId !== cachedId) value = await read(db, freshId);
      }
      if (value !== undefined) return { status: 'found', value };
      if (importError !== undefined) {
        return { status: 'error', message: `The transcript dataset could not be loaded: ${describeError(importError)}` };
      }
      return { status: 'not-in-dataset', videoId };
    } catch (error) {
      return { status: 'error', message: `The transcript cache could not be read: ${describeError(error)}` };
    }
  }

  return {
    async getTranscript({ videoId }): Promise<TranscriptResponse> {
      const result = await lookUp(videoId, (db, datasetId) => getTranscript(db, videoId, datasetId));
      return result.status === 'found' ? { status: 'found', transcript: result.value } : result;
    },
    async getVideoInfo({ videoId }): Promise<VideoInfoResponse> {
      const result = await lookUp(videoId, (db, datasetId) => getVideoInfo(db, videoId, datasetId));
      return result.status === 'found' ? { status: 'found', video: result.value } : result;
    },
  };
}
