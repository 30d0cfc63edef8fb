import { useState } from 'preact/hooks';
import type { OpenTranscript } from '../lib/transcript/open-transcript';
import { usePage } from './page-context';
import { useAbortableEffect } from './use-abortable-effect';

/** Index of the segment being spoken in the page's player, or -1; follows playback. */
export function usePlayingSegment(transcript: OpenTranscript): number {
  const { player } = usePage();
  const read = (): number => {
    const seconds = player.currentTime();
    return seconds === null ? -1 : transcript.segmentIndexAt(seconds);
  };
  const [index, setIndex] = useState(read);
  useAbortableEffect(
    (signal) => {
      const update = (): void => setIndex(read());
      update();
      player.onTimeChange(update, signal);
    },
    [player, transcript],
  );
  return index;
}
