/** The shapes the rest of the extension works with once a dataset has been validated. */
import type { TrackInfo } from '../youtube/captions/tracks';
import type { Chapter } from '../youtube/captions/types';
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
 * Where a transcript came from, shown with it: the cached dataset, or
 * YouTube's own captions of one track (unknown when YouTube's panel answered
 * before the page listed its tracks), with the video's other tracks and its
 * chapters (headings between segments, never search hits).
 */
export type TranscriptSource =
  | { kind: 'dataset' }
  | { kind: 'captions'; track: TrackInfo | undefined; tracks: readonly TrackInfo[]; chapters: readonly Chapter[] };
