import type { OpenTranscript } from '../lib/transcript/open-transcript';
import { useAbortableEffect } from './use-abortable-effect';

/** Work per slice: well under a frame, so the page never waits on the index (issue 11). */
const SLICE_MS = 8;

const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Builds the transcript's search index once the list is on screen (effects
 * run after the browser paints), a slice at a time, so the first keystroke
 * finds it ready and opening the video never waits for it.
 */
export function usePreparedSearch(transcript: OpenTranscript): void {
  useAbortableEffect(
    (signal) => {
      // A build cut short (another video) or failed leaves the search to build itself at the first query.
      transcript.prepareSearch({ yieldToPage, now: () => performance.now(), sliceMs: SLICE_MS, signal }).catch(() => undefined);
    },
    [transcript],
  );
}
