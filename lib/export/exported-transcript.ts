/** What the formatters read of a transcript (an open transcript's segments are read-only). */
import type { Segment, VideoInfo } from '../transcript/types';

export interface ExportedTranscript {
  video: VideoInfo;
  /** Sorted by start. */
  segments: readonly Segment[];
}
