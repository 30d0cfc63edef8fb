/** The shapes the rest of the extension works with once a dataset has been validated. */
import type { VideoId } from '../youtube/url';

/** One chunk of speech: what was said between two moments of a video. */
export interface Segment {
  /** Seconds from the start of the video. */
  start: number;
  end: number;
  text: string;
}

/** What we know of a video apart from its words. */
export interface VideoInfo {
  videoId: VideoId;
  title: string;
  thumbnail: string;
  segmentCount: number;
  /** End of the last segment, in seconds. */
  duration: number;
}

/** A video with all of its segments, sorted by start. */
export interface Transcript {
  video: VideoInfo;
  segments: Segment[];
}

/**
 * Where a transcript came from, shown with it. Only the cached dataset today;
 * YouTube's own captions join this union as `{ kind: 'captions', ... }`.
 */
export type TranscriptSource = { kind: 'dataset' };
