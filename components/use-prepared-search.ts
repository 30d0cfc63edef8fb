import type { OpenTranscript } from '../lib/transcript/open-transcript';
import { runInPageSlices } from './page-slices';
import { useAbortableEffect } from './use-abortable-effect';

/**
 * Builds the transcript's search index once the list is on screen (effects
 * run after the browser paints), a slice at a time, so the first keystroke
 * finds it ready and opening the video never waits for it.
 */
export function usePreparedSearch(transcript: OpenTranscript): void {
  useAbortableEffect(
    (signal) => {
      // A build cut short (another video) or failed leaves the search to build itself at the first query.
      runInPageSlices(signal, (scheduling) => transcript.prepareSearch(scheduling)).catch(() => undefined);
    },
    [transcript],
  );
}
