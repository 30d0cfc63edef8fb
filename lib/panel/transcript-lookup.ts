/**
 * Where the panel's transcript comes from: a chain of providers asked in
 * order (the cached dataset first; YouTube's captions can follow), answering
 * in one vocabulary. Never throws.
 */
import { describeError } from '../format/describe-error';
import type { LookupOutcome } from '../messaging/protocol';
import { openTranscript, type OpenTranscript } from '../transcript/open-transcript';
import type { Transcript, TranscriptSource } from '../transcript/types';
import type { VideoId } from '../youtube/url';

/** What one provider found (in the protocol's outcome vocabulary): the transcript with where it came from. */
export type ProviderOutcome = LookupOutcome<{ transcript: Transcript; source: TranscriptSource }>;

/** What the panel gets: the found transcript opened for search. */
export type PanelLookupOutcome = LookupOutcome<{ transcript: OpenTranscript }>;

/**
 * One place a transcript can come from. Stops work when `signal` aborts (the
 * page moved to another video); may throw or reject, which counts as an error.
 */
export type TranscriptProvider = (videoId: VideoId, signal: AbortSignal) => Promise<ProviderOutcome>;

/** The panel's question, answered by the chain. Never rejects. */
export type TranscriptLookup = (videoId: VideoId, signal: AbortSignal) => Promise<PanelLookupOutcome>;

/**
 * Asks each provider in turn until one finds the video. A provider's error
 * does not stop the chain (the next one may still have it); it is reported
 * only if no provider finds the video.
 */
export function createTranscriptLookup(providers: readonly TranscriptProvider[]): TranscriptLookup {
  return async (videoId, signal) => {
    let firstError: { status: 'error'; message: string } | undefined;
    for (const provide of providers) {
      if (signal.aborted) break;
      let outcome: ProviderOutcome;
      try {
        outcome = await provide(videoId, signal);
      } catch (error) {
        outcome = { status: 'error', message: describeError(error) };
      }
      if (outcome.status === 'found') {
        return { status: 'found', transcript: openTranscript(outcome.transcript, outcome.source) };
      }
      if (outcome.status === 'error') firstError ??= outcome;
    }
    return firstError ?? { status: 'not-found' };
  };
}
