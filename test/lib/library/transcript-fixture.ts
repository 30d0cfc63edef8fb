import type { Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

/**
 * A transcript for the library's tests: titled with its id, one segment per
 * text, back to back from 0 s, each `secondsPerSegment` long (10 unless given).
 */
export function buildTranscript(videoId: string, texts: readonly string[], { secondsPerSegment = 10 } = {}): Transcript {
  return {
    video: { videoId: videoId as VideoId, title: videoId, thumbnail: '', segmentCount: texts.length, duration: texts.length * secondsPerSegment },
    segments: texts.map((text, i) => ({ start: i * secondsPerSegment, end: (i + 1) * secondsPerSegment, text })),
  };
}
