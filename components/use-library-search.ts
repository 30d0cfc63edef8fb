/**
 * The state behind a library search box: the query, the latest answer, and
 * "show more" paging. Only the answer to the latest query is kept, so a slow
 * answer to an earlier keystroke never replaces a newer one. Pure: the search
 * itself comes in as a function.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LibraryPage } from '../lib/library/library-search';
import type { LibrarySearchResponse } from '../lib/messaging/protocol';

export type LibrarySearchFn = (query: string, page: LibraryPage) => Promise<LibrarySearchResponse>;

export interface LibrarySearchState {
  query: string;
  result: LibrarySearchResponse | null;
  setQuery: (query: string) => void;
  /** Adds the next page of videos to the results. */
  showMore: () => void;
}

export function useLibrarySearch(search: LibrarySearchFn, initialQuery: string, page: LibraryPage): LibrarySearchState {
  const [query, setQuery] = useState(initialQuery);
  const [result, setResult] = useState<LibrarySearchResponse | null>(null);
  const latest = useRef(0);

  // A layout effect: the search starts as soon as the keystroke is rendered, not a frame later (after the paint).
  useLayoutEffect(() => {
    const ticket = ++latest.current;
    if (query.trim() === '') {
      setResult(null);
      return;
    }
    void search(query, page).then((next) => {
      if (ticket === latest.current) setResult(next);
    });
  }, [query, search]); // the page size is fixed per surface

  const showMore = () => {
    if (result?.status !== 'found') return;
    const ticket = ++latest.current;
    const videoOffset = result.videoOffset + result.videos.length;
    void search(query, { ...page, videoOffset }).then((next) => {
      if (ticket !== latest.current || next.status !== 'found') return;
      setResult({ ...next, videos: [...result.videos, ...next.videos], videoOffset: result.videoOffset });
    });
  };

  return { query, result, setQuery, showMore };
}
