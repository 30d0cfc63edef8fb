/** What the panel shows, as one union: the lookup's outcome in the panel's words. Pure. */
import type { OpenTranscript } from '../transcript/open-transcript';
import { isTargetOf, type TimedTextTarget } from '../youtube/captions/timedtext-url';
import type { TrackInfo } from '../youtube/captions/tracks';
import type { VideoId } from '../youtube/url';
import type { PanelLookupOutcome } from './transcript-lookup';

export type PanelState =
  | { kind: 'hidden' }
  | { kind: 'loading'; videoId: VideoId }
  | { kind: 'ready'; videoId: VideoId; transcript: OpenTranscript }
  | { kind: 'missing'; videoId: VideoId }
  /** Not in the dataset, and YouTube lists no caption track for it. */
  | { kind: 'no-captions'; videoId: VideoId }
  /** Not in the dataset, and YouTube did not return its captions: `details` says which method failed how. */
  | {
      kind: 'captions-failed';
      videoId: VideoId;
      details: string;
      retryAfterSeconds?: number | undefined;
      /** The video's tracks and the one that failed, so another can be tried. */
      tracks: readonly TrackInfo[];
      trackId?: string | undefined;
      /** Turning YouTube's captions on for the track would let the panel read them from the player. */
      playerCanHelp?: boolean | undefined;
    }
  | { kind: 'error'; videoId: VideoId; message: string };

/** A state with a panel on the page. */
export type VisiblePanelState = Exclude<PanelState, { kind: 'hidden' }>;

export const HIDDEN_PANEL: PanelState = { kind: 'hidden' };

/** The one place a lookup's outcome becomes what the panel shows. */
export function toPanelState(videoId: VideoId, outcome: PanelLookupOutcome): VisiblePanelState {
  switch (outcome.status) {
    case 'found':
      return { kind: 'ready', videoId, transcript: outcome.transcript };
    case 'not-found':
      return { kind: 'missing', videoId };
    case 'error':
      return { kind: 'error', videoId, message: outcome.message };
    case 'no-captions':
      return { kind: 'no-captions', videoId };
    case 'captions-failed':
      return {
        kind: 'captions-failed',
        videoId,
        details: outcome.details,
        retryAfterSeconds: outcome.retryAfterSeconds,
        tracks: outcome.tracks,
        trackId: outcome.trackId,
        playerCanHelp: outcome.playerCanHelp,
      };
  }
}

/**
 * Whether timed text the player has just loaded is what a failed panel
 * lacked: the same video and the very track that failed (another track, a
 * translation or the previous video's captions would not help).
 */
export function isHelpedByPlayerCaptions(state: PanelState, target: TimedTextTarget): boolean {
  if (state.kind !== 'captions-failed') return false;
  const track = state.tracks.find((candidate) => candidate.id === state.trackId);
  return track !== undefined && isTargetOf(target, state.videoId, track);
}
