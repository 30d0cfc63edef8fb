/** The background's answers to the lookups of `messaging/protocol.ts`. Reads the database; never throws. */
import { describeError } from '../format/describe-error';
import { TRANSCRIPT_PART_SEGMENTS } from '../messaging/guards';
import type { LookupOutcome, MessageHandlers } from '../messaging/protocol';
import { getActiveDatasetId, getTranscript, getVideoInfo } from '../store/reads';
import type { TranscriptDb } from '../store/schema';
import type { Transcript } from '../transcript/types';
import type { VideoId } from '../youtube/url';
import { createRecentTranscripts } from './recent-transcripts';

/** Transcripts the worker keeps at hand, and their segments in all. */
const RECENT_TRANSCRIPTS = 8;
const RECENT_SEGMENTS = 100_000;

export interface TranscriptServiceOptions {
  database: () => Promise<TranscriptDb>;
  /**
   * The cache being prepared (the bundled sample at start-up, or again after
   * the browser took the database away): answers wait for it, and report it
   * if it failed and left nothing to read.
   */
  ready: () => Promise<unknown>;
}

export interface TranscriptService extends Pick<MessageHandlers, 'getTranscript' | 'getTranscriptSegments' | 'getVideoInfo'> {
  /** Another dataset was switched in: the next lookup reads the active id afresh. */
  forgetActiveDataset(): void;
}

export function createTranscriptService({ database, ready }: TranscriptServiceOptions): TranscriptService {
  // The active dataset's id, kept in memory: it saves every read a round trip.
  // It is forgotten when a dataset is switched in; a miss also re-reads it.
  let activeId: Promise<string | undefined> | undefined;
  const recent = createRecentTranscripts({ entries: RECENT_TRANSCRIPTS, segments: RECENT_SEGMENTS });

  /** Reads one video once the cache is ready; never throws. */
  async function lookUp<Found extends object>(
    read: (db: TranscriptDb, datasetId: string | undefined) => Promise<Found | undefined>,
  ): Promise<LookupOutcome<Found>> {
    let importError: unknown;
    try {
      await ready();
    } catch (error) {
      importError = error;
    }
    try {
      const db = await database();
      const cachedId = activeId ?? (activeId = getActiveDatasetId(db));
      const usedId = await cachedId;
      let found = await read(db, usedId);
      if (found === undefined) {
        const freshId = await getActiveDatasetId(db);
        if (activeId === cachedId) activeId = Promise.resolve(freshId);
        if (freshId !== usedId) found = await read(db, freshId);
      }
      if (found !== undefined) return { status: 'found', ...found };
      if (importError !== undefined) {
        return { status: 'error', message: `The transcript dataset could not be loaded: ${describeError(importError)}` };
      }
      return { status: 'not-found' };
    } catch (error) {
      activeId = undefined;
      return { status: 'error', message: `The transcript cache could not be read: ${describeError(error)}` };
    }
  }

  /** A video's transcript in the dataset `datasetId`, from memory or read (then remembered). */
  async function readTranscript(db: TranscriptDb, videoId: VideoId, datasetId: string): Promise<Transcript | undefined> {
    const transcript = recent.get(datasetId, videoId) ?? (await getTranscript(db, videoId, datasetId));
    if (transcript) recent.remember(datasetId, transcript);
    return transcript;
  }

  return {
    getTranscript: ({ videoId }) =>
      lookUp(async (db, datasetId) => {
        const known = datasetId === undefined ? undefined : recent.get(datasetId, videoId);
        // One small read confirms the dataset is still the active one (a switch may not be announced yet).
        const transcript =
          known && (await getActiveDatasetId(db)) === datasetId ? known : await getTranscript(db, videoId, datasetId);
        if (!transcript) return undefined;
        if (datasetId === undefined) return { transcript };
        recent.remember(datasetId, transcript);
        const total = transcript.segments.length;
        if (total <= TRANSCRIPT_PART_SEGMENTS) return { transcript };
        // A long one in parts: the page unpacks each message in one go (issue 11).
        return { transcript: { ...transcript, segments: transcript.segments.slice(0, TRANSCRIPT_PART_SEGMENTS) }, rest: { datasetId, total } };
      }),
    getTranscriptSegments: ({ videoId, datasetId, from, to }) =>
      lookUp(async (db) => {
        // The dataset the first part came from, whichever is active now: a switch in between is a miss.
        const transcript = await readTranscript(db, videoId, datasetId);
        return transcript && to <= transcript.segments.length ? { segments: transcript.segments.slice(from, to) } : undefined;
      }),
    getVideoInfo: ({ videoId }) =>
      lookUp(async (db, datasetId) => {
        const video = await getVideoInfo(db, videoId, datasetId);
        return video && { video };
      }),
    forgetActiveDataset() {
      activeId = undefined;
      recent.clear();
    },
  };
}
