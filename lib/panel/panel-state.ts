/** What the panel shows, as one union: the lookup's outcome in the panel's words. Pure. */
import type { OpenTranscript } from '../transcript/open-transcript';
import type { VideoId } from '../youtube/url';
import type { PanelLookupOutcome } from './transcript-lookup';

export type PanelState =
  | { kind: 'hidden' }
  | { kind: 'loading'; videoId: VideoId }
  | { kind: 'ready'; videoId: VideoId; transcript: OpenTranscript }
  | { kind: 'missing'; videoId: VideoId }
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
  }
}
