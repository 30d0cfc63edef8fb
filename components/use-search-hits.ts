import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OpenTranscript, TranscriptHit } from '../lib/transcript/open-transcript';
import { runInPageSlices } from './page-slices';
import { useAbortableLayoutEffect } from './use-abortable-effect';

/**
 * From this many segments a search and the list of its hits take more than a
 * keystroke should (issue 11: ≤ 4 ms): they wait for a task of their own.
 */
export const SEARCH_APART_FROM_SEGMENTS = 200;

export interface SearchHits {
  /** The query the hits are for: the box's, or in a long transcript the last one searched to the end. */
  query: string;
  hits: TranscriptHit[];
}

const NOTHING: SearchHits = { query: '', hits: [] };

/** An answer, with the transcript it is about (its hits index that transcript's segments). */
interface Found extends SearchHits {
  transcript: OpenTranscript | null;
}

const NOTHING_FOUND: Found = { ...NOTHING, transcript: null };

/**
 * The hits to show for what the box holds. A short transcript searches at
 * once. A long one searches after the keystroke has been drawn (an effect
 * runs after paint), in slices of the page's quiet time, and a query typed over
 * stops its search; meanwhile the last complete answer stays. The box itself
 * always shows what was typed. Clearing is at once.
 */
export function useSearchHits(transcript: OpenTranscript, query: string): SearchHits {
  const apart = transcript.segments.length >= SEARCH_APART_FROM_SEGMENTS && query.trim() !== '';
  const [found, setFound] = useState(NOTHING_FOUND);
  const atOnce = useMemo(
    () => (apart ? undefined : { query, hits: query.trim() === '' ? [] : transcript.search(query) }),
    [apart, query, transcript],
  );
  // The signal of the box's query, aborted in the task of the keystroke that overtakes it, not a
  // frame later: a search under way would hold the page while the new character waits to be drawn.
  const searchSignal = useRef<AbortSignal | null>(null);
  useAbortableLayoutEffect(
    (signal) => {
      searchSignal.current = signal;
    },
    [apart, query, transcript],
  );
  useEffect(() => {
    // Cleared: the next search starts from the list, not from an old answer.
    if (!apart) return setFound(NOTHING_FOUND);
    const signal = searchSignal.current!;
    runInPageSlices(signal, (scheduling) => transcript.searchInSlices(query, scheduling)).then(
      (hits) => {
        if (!signal.aborted) setFound({ query, hits, transcript });
      },
      () => undefined, // stopped by the next query or another video
    );
  }, [apart, query, transcript]);
  // A refreshed dataset brings another transcript of the video: the old answer's hits are not its.
  return atOnce ?? (found.transcript === transcript ? found : NOTHING);
}
