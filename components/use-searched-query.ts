import { useEffect, useState } from 'preact/hooks';

/** From this many segments a search takes longer than a keystroke should (issue 11): it waits for its own task. */
export const SEARCH_APART_FROM_SEGMENTS = 1_000;

/**
 * The query to search for. In a long transcript the search runs in a task
 * after the keystroke has been drawn (an effect, after paint), and a query
 * typed over before its turn is never searched; the box itself always shows
 * what was typed. Short transcripts search at once. Clearing is at once.
 */
export function useSearchedQuery(query: string, segmentCount: number): string {
  const apart = segmentCount >= SEARCH_APART_FROM_SEGMENTS && query.trim() !== '';
  const [searched, setSearched] = useState(apart ? '' : query);
  useEffect(() => {
    if (!apart) return;
    const timer = setTimeout(() => setSearched(query), 0);
    return () => clearTimeout(timer);
  }, [query, apart]);
  return apart ? searched : query;
}
