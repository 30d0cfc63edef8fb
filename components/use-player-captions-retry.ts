import { useEffect, useRef } from 'preact/hooks';
import { isHelpedByPlayerCaptions, type PanelState } from '../lib/panel/panel-state';
import type { CaptionMethod } from '../lib/youtube/captions/outcome';
import type { TimedTextTarget } from '../lib/youtube/captions/timedtext-url';
import { useAbortableEffect } from './use-abortable-effect';

/** Subscribes to the timed text the page's player loads, until `signal` aborts. */
export type OnPlayerCaptions = (listener: (target: TimedTextTarget) => void, signal: AbortSignal) => void;

const FROM_PLAYER: readonly CaptionMethod[] = ['player'];

/**
 * A panel that could not get a video's captions reads them from the player
 * once the player loads that very track (the viewer turned YouTube's captions
 * on): the player method alone, so nothing is sent to YouTube. Timed text the
 * player loads while the panel is still looking the video up is kept for
 * when that lookup fails. Never a loop: one retry per captured answer.
 */
export function usePlayerCaptionsRetry(
  state: PanelState,
  onPlayerCaptions: OnPlayerCaptions | undefined,
  retryCaptions: (methods: readonly CaptionMethod[]) => void,
): void {
  const shown = useRef(state);
  shown.current = state;
  // Loaded while the lookup was under way: the lookup may have read the player before it came.
  const duringLookup = useRef<TimedTextTarget | null>(null);

  useAbortableEffect(
    (signal) => {
      onPlayerCaptions?.((target) => {
        const current = shown.current;
        if (current.kind === 'loading' && current.videoId === target.videoId) duringLookup.current = target;
        else if (isHelpedByPlayerCaptions(current, target)) retryCaptions(FROM_PLAYER);
      }, signal);
    },
    [onPlayerCaptions, retryCaptions],
  );

  useEffect(() => {
    if (state.kind === 'loading') return;
    const target = duringLookup.current;
    duringLookup.current = null;
    if (target && isHelpedByPlayerCaptions(state, target)) retryCaptions(FROM_PLAYER);
  }, [state, retryCaptions]);
}
