/** The cached dataset as a transcript provider: the background answers over the protocol. */
import { describeError } from '../format/describe-error';
import type { TranscriptOutcome } from '../messaging/protocol';
import type { VideoId } from '../youtube/url';
import type { TranscriptProvider } from './transcript-lookup';

/** Sends `getTranscript` to the background (the messaging client). */
export type FetchTranscript = (videoId: VideoId) => Promise<TranscriptOutcome>;

/** Adds the source to the background's answer; a worker that does not answer is an error in words. */
export function createDatasetProvider(fetchTranscript: FetchTranscript): TranscriptProvider {
  return async (videoId) => {
    let outcome: TranscriptOutcome;
    try {
      outcome = await fetchTranscript(videoId);
    } catch (error) {
      return {
        status: 'error',
        message: `The extension's background worker did not answer (${describeError(error)}). Reload the page to try again.`,
      };
    }
    return outcome.status === 'found' ? { ...outcome, source: { kind: 'dataset' } } : outcome;
  };
}
