/**
 * Where the panel's transcript comes from: a chain of providers asked in
 * order (the cached dataset first; YouTube's captions can follow), answering
 * in one vocabulary. Never throws.
 */
import { describeError } from '../format/describe-error';
import type { LookupOutcome } from '../messaging/protocol';
import { openTranscript, type OpenTranscript } from '../transcript/open-transcript';
import type { Transcript, TranscriptSource } from '../transcript/types';
import type { CaptionMethod } from '../youtube/captions/outcome';
import type { TrackInfo } from '../youtube/captions/tracks';
import type { VideoId } from '../youtube/url';

/**
 * YouTube's captions, asked for a video the dataset lacks, gave no
 * transcript: the video has no caption track, or every way of getting them
 * failed (`details` says how, for bug reports; `retryAfterSeconds` when
 * YouTube asked us to wait; the video's tracks, to try another).
 */
export type CaptionsMiss =
  | { status: 'no-captions' }
  | {
      status: 'captions-failed';
      details: string;
      retryAfterSeconds?: number | undefined;
      tracks: readonly TrackInfo[];
      trackId?: string | undefined;
      /** The player has not loaded this track: turning YouTube's captions on would give the panel them. */
      playerCanHelp?: boolean | undefined;
    };

/** What one provider found (in the protocol's outcome vocabulary): the transcript with where it came from. */
export type ProviderOutcome = LookupOutcome<{ transcript: Transcript; source: TranscriptSource }> | CaptionsMiss;

/** What the panel gets: the found transcript opened for search. */
export type PanelLookupOutcome = LookupOutcome<{ transcript: OpenTranscript }> | CaptionsMiss;

/**
 * One place a transcript can come from. Stops work when `signal` aborts (the
 * page moved to another video); may throw or reject, which counts as an error.
 */
export type TranscriptProvider = (videoId: VideoId, signal: AbortSignal, options?: LookupOptions) => Promise<ProviderOutcome>;

export interface LookupOptions {
  /** Ask again rather than answer from memory: the viewer retried, picked another track, or the dataset changed. */
  fresh?: boolean | undefined;
  /** Get YouTube's captions only these ways: just `player` when the player has just loaded the track that failed. */
  captionMethods?: readonly CaptionMethod[] | undefined;
}

/** The panel's question, answered by the chain. Never rejects. */
export type TranscriptLookup = ((videoId: VideoId, signal: AbortSignal, options?: LookupOptions) => Promise<PanelLookupOutcome>) & {
  /** What is already at hand for `videoId`, without waiting (a lookup that remembers: `transcript-memory.ts`). */
  peek?: (videoId: VideoId) => PanelLookupOutcome | undefined;
};

/**
 * Asks each provider in turn until one finds the video. A provider's error
 * does not stop the chain (the next one may still have it); it is reported
 * only if no provider finds the video, before what the captions said.
 */
export function createTranscriptLookup(providers: readonly TranscriptProvider[]): TranscriptLookup {
  return async (videoId, signal, options) => {
    let firstError: { status: 'error'; message: string } | undefined;
    let captionsMiss: CaptionsMiss | undefined;
    for (const provide of providers) {
      if (signal.aborted) break;
      let outcome: ProviderOutcome;
      try {
        outcome = await provide(videoId, signal, options);
      } catch (error) {
        outcome = { status: 'error', message: describeError(error) };
      }
      if (outcome.status === 'found') {
        return { status: 'found', transcript: openTranscript(outcome.transcript, outcome.source) };
      }
      if (outcome.status === 'error') firstError ??= outcome;
      else if (outcome.status !== 'not-found') captionsMiss ??= outcome;
    }
    return firstError ?? captionsMiss ?? { status: 'not-found' };
  };
}
