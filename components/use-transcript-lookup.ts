import { useCallback, useRef, useState } from 'preact/hooks';
import { HIDDEN_PANEL, toPanelState, type PanelState } from '../lib/panel/panel-state';
import type { TranscriptLookup } from '../lib/panel/transcript-lookup';
import type { CaptionMethod } from '../lib/youtube/captions/outcome';
import { describeError } from '../lib/format/describe-error';
import type { VideoId } from '../lib/youtube/url';
import { useAbortableLayoutEffect } from './use-abortable-effect';

export interface TranscriptLookupState {
  state: PanelState;
  /** Asks again for the current video, showing "loading" (after an error). */
  retry: () => void;
  /** Asks again as `retry` does, getting YouTube's captions only these ways (e.g. from the player alone). */
  retryCaptions: (methods: readonly CaptionMethod[]) => void;
  /**
   * The dataset changed: asks again without showing "loading", so a panel in
   * use keeps its search and focus; the new answer replaces it when it comes,
   * and a failure keeps what is shown.
   */
  refresh: () => void;
}

/**
 * The transcript of the page's video, one request at a time: a new video (or
 * leaving for a page without one) aborts the request under way, so only the
 * latest answer is ever drawn.
 */
export function useTranscriptLookup(videoId: VideoId | null, lookup: TranscriptLookup): TranscriptLookupState {
  const [state, setState] = useState<PanelState>(() => (videoId === null ? HIDDEN_PANEL : { kind: 'loading', videoId }));
  const [request, setRequest] = useState<{ serial: number; quietly: boolean; captionMethods?: readonly CaptionMethod[] }>({ serial: 0, quietly: false });
  // A transcript already at hand for a new video is shown in the very render that meets the video.
  const peeked = useRef<{ videoId: VideoId; state: PanelState } | null>(null);
  let shownState = state;
  if (videoId !== null && (state.kind === 'hidden' || state.videoId !== videoId)) {
    if (peeked.current?.videoId !== videoId) {
      const known = lookup.peek?.(videoId);
      peeked.current = known ? { videoId, state: toPanelState(videoId, known) } : null;
    }
    if (peeked.current) shownState = peeked.current.state;
  }
  const shown = useRef(shownState);
  shown.current = shownState;
  // The request last served: a new one (retry, refresh) asks afresh rather than from memory.
  const served = useRef(request);

  // Before the browser paints: a transcript already at hand (remembered, or looked up since
  // yt-navigate-start) is drawn in the frame that shows the new page, never after a "loading" one.
  useAbortableLayoutEffect(
    (signal) => {
      const fresh = served.current !== request;
      served.current = request;
      if (videoId === null) {
        setState(HIDDEN_PANEL);
        return;
      }
      const atHand = peeked.current;
      peeked.current = null;
      if (!fresh && atHand?.videoId === videoId) {
        // The same object as drawn: no second render.
        setState(atHand.state);
        return;
      }
      const current = shown.current;
      const quietly =
        request.quietly && (current.kind === 'ready' || current.kind === 'missing') && current.videoId === videoId;
      const isLoading = current.kind === 'loading' && current.videoId === videoId;
      if (!quietly && !isLoading) setState({ kind: 'loading', videoId });
      lookup(videoId, signal, { fresh, captionMethods: request.captionMethods }).then(
        (outcome) => {
          const next = toPanelState(videoId, outcome);
          if (!signal.aborted && !(quietly && next.kind === 'error')) setState(next);
        },
        (error: unknown) => {
          if (!signal.aborted && !quietly) setState({ kind: 'error', videoId, message: describeError(error) });
        },
      );
    },
    [videoId, lookup, request],
  );

  const retry = useCallback(() => setRequest((previous) => ({ serial: previous.serial + 1, quietly: false })), []);
  const retryCaptions = useCallback(
    (captionMethods: readonly CaptionMethod[]) => setRequest((previous) => ({ serial: previous.serial + 1, quietly: false, captionMethods })),
    [],
  );
  const refresh = useCallback(() => setRequest((previous) => ({ serial: previous.serial + 1, quietly: true })), []);
  return { state: shownState, retry, retryCaptions, refresh };
}
