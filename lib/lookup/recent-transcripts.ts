/**
 * The worker's few most recent transcripts, in memory (issue 11): the panel
 * asks for the same video twice in a row (at `yt-navigate-start`, and again
 * when a tab reloads or the viewer goes back), and a read that skips
 * IndexedDB holds under load. Keyed by dataset and video, so a switched-in
 * dataset never answers from the old one. Side effects: its own memory only.
 */
import type { Transcript } from '../transcript/types';

export interface RecentTranscripts {
  get: (datasetId: string, videoId: string) => Transcript | undefined;
  remember: (datasetId: string, transcript: Transcript) => void;
  clear: () => void;
}

export interface RecentTranscriptsOptions {
  entries: number;
  /** Segments kept in all; the latest transcript is kept whatever its size. */
  segments: number;
}

/** Creates an empty least-recently-used memory. */
export function createRecentTranscripts({ entries, segments }: RecentTranscriptsOptions): RecentTranscripts {
  // Oldest first.
  const kept = new Map<string, Transcript>();
  const keyOf = (datasetId: string, videoId: string): string => `${datasetId}\n${videoId}`;
  return {
    get(datasetId, videoId) {
      const key = keyOf(datasetId, videoId);
      const transcript = kept.get(key);
      if (transcript) {
        kept.delete(key);
        kept.set(key, transcript);
      }
      return transcript;
    },
    remember(datasetId, transcript) {
      const key = keyOf(datasetId, transcript.video.videoId);
      kept.delete(key);
      kept.set(key, transcript);
      let total = 0;
      for (const value of kept.values()) total += value.segments.length;
      for (const [oldest, value] of kept) {
        if (kept.size <= 1 || (kept.size <= entries && total <= segments)) break;
        kept.delete(oldest);
        total -= value.segments.length;
      }
    },
    clear: () => kept.clear(),
  };
}
