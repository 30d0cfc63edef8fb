/**
 * Which transcript the panel shows, as the user moves between pages. Keeps
 * only the latest request: a slow answer for the previous video is dropped.
 */
import type { TranscriptOutcome } from '../messaging/protocol';
import type { Transcript } from '../transcript/types';
import { parseVideoId, type VideoId } from '../youtube/url';
import { describeError } from '../format/describe-error';

export type PanelState =
  | { kind: 'hidden' }
  | { kind: 'loading'; videoId: VideoId }
  | { kind: 'ready'; videoId: VideoId; transcript: Transcript }
  | { kind: 'missing'; videoId: VideoId }
  | { kind: 'error'; videoId: VideoId; message: string };

export interface PanelSessionOptions {
  fetchTranscript: (videoId: VideoId) => Promise<TranscriptOutcome>;
  onChange: (state: PanelState) => void;
}

export interface PanelSession {
  /** Call with the page URL on first load and after every navigation; repeats for the same video are ignored. */
  showPage(href: string): void;
  /** Asks again for the current video (after an error). */
  retry(): void;
  /**
   * The dataset changed: asks again without showing "loading", so a panel in
   * use keeps its search and focus; the new answer replaces it when it comes.
   */
  refresh(): void;
  readonly state: PanelState;
}

function describeFailure(error: unknown): string {
  return `The extension's background worker did not answer (${describeError(error)}). Reload the page to try again.`;
}

export function createPanelSession({ fetchTranscript, onChange }: PanelSessionOptions): PanelSession {
  let state: PanelState = { kind: 'hidden' };
  let latestRequest = 0;

  const setState = (next: PanelState): void => {
    state = next;
    onChange(next);
  };

  const load = async (videoId: VideoId, { quietly }: { quietly: boolean }): Promise<void> => {
    latestRequest += 1;
    const request = latestRequest;
    if (!quietly) setState({ kind: 'loading', videoId });
    let next: PanelState;
    try {
      const response = await fetchTranscript(videoId);
      if (response.status === 'found') next = { kind: 'ready', videoId, transcript: response.transcript };
      else if (response.status === 'not-found') next = { kind: 'missing', videoId };
      else next = { kind: 'error', videoId, message: response.message };
    } catch (error) {
      next = { kind: 'error', videoId, message: describeFailure(error) };
    }
    // A quiet refresh that failed keeps what the panel shows.
    if (request === latestRequest && !(quietly && next.kind === 'error')) setState(next);
  };

  return {
    showPage(href) {
      const videoId = parseVideoId(href);
      if (videoId === null) {
        latestRequest += 1;
        if (state.kind !== 'hidden') setState({ kind: 'hidden' });
        return;
      }
      if (state.kind !== 'hidden' && state.videoId === videoId) return;
      void load(videoId, { quietly: false });
    },
    retry() {
      if (state.kind !== 'hidden') void load(state.videoId, { quietly: false });
    },
    refresh() {
      if (state.kind !== 'hidden') void load(state.videoId, { quietly: state.kind === 'ready' || state.kind === 'missing' });
    },
    get state() {
      return state;
    },
  };
}
