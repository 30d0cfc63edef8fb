/** The cached dataset as a transcript provider: the background answers over the protocol. */
import { describeError } from '../format/describe-error';
import type { TranscriptOutcome, TranscriptSegmentsOutcome } from '../messaging/protocol';
import type { Segment } from '../transcript/types';
import type { VideoId } from '../youtube/url';
import type { ProviderOutcome, TranscriptProvider } from './transcript-lookup';

/** Sends `getTranscript` to the background (the messaging client). */
export type FetchTranscript = (videoId: VideoId) => Promise<TranscriptOutcome>;
/** Sends `getTranscriptSegments`: the next part of a transcript sent in parts. */
export type FetchSegments = (request: { videoId: VideoId; datasetId: string; from: number; to: number }) => Promise<TranscriptSegmentsOutcome>;

/** The most segments asked for at once; the background sends no more (lib/messaging/guards.ts). */
const PART_SEGMENTS = 5_000;

const noParts: FetchSegments = () => Promise.reject(new Error('no way to ask for the rest of a long transcript'));

const noAnswer = (error: unknown): ProviderOutcome => ({
  status: 'error',
  message: `The extension's background worker did not answer (${describeError(error)}). Reload the page to try again.`,
});

/**
 * Adds the source to the background's answer, asking for the rest of a long
 * transcript a part at a time (each message is unpacked in one go on the
 * page's thread, issue 11). A worker that does not answer is an error in words.
 */
export function createDatasetProvider(fetchTranscript: FetchTranscript, fetchSegments: FetchSegments = noParts): TranscriptProvider {
  return async (videoId, signal) => {
    let outcome: TranscriptOutcome;
    try {
      outcome = await fetchTranscript(videoId);
    } catch (error) {
      return noAnswer(error);
    }
    if (outcome.status !== 'found') return outcome;
    const { transcript, rest } = outcome;
    const segments: Segment[] = [...transcript.segments];
    while (rest && segments.length < rest.total && !signal.aborted) {
      const from = segments.length;
      let part: TranscriptSegmentsOutcome;
      try {
        part = await fetchSegments({ videoId, datasetId: rest.datasetId, from, to: Math.min(rest.total, from + PART_SEGMENTS) });
      } catch (error) {
        return noAnswer(error);
      }
      if (part.status === 'error') return part;
      // The dataset was switched under us; the panel asks again when it hears of the new one.
      if (part.status === 'not-found') return { status: 'error', message: 'The transcript dataset changed while this video was read. Try again.' };
      segments.push(...part.segments);
    }
    return { status: 'found', transcript: { ...transcript, segments }, source: { kind: 'dataset' } };
  };
}
