/**
 * The state behind a library search box: the query, the latest answer, and
 * "show more" paging. An answer comes in two steps (the cards, then the hits
 * of the videos whose text was not in memory): only the latest query's steps
 * are kept, so a slow answer or late hits of an earlier keystroke never
 * replace a newer one. Where asked, an empty box asks too (a query without
 * words, which reads no text) and keeps the answer only when nothing can be
 * searched, so the box says why before the user types. Pure: the search
 * itself comes in as a function.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LibraryAnswer, LibraryPage, LibraryVideoResult } from '../lib/library/library-search';
import type { LibrarySearchResponse } from '../lib/messaging/protocol';

/** A search in two steps; one that answers once gives no `complete`. */
export type LibrarySearchFn = (query: string, page: LibraryPage) => Promise<LibraryAnswer<LibrarySearchResponse>>;

export interface LibrarySearchState {
  query: string;
  result: LibrarySearchResponse | null;
  setQuery: (query: string) => void;
  /** Adds the next page of videos to the results. */
  showMore: () => void;
}

export interface LibrarySearchOptions {
  /** Ask with the box empty too, to say at once why nothing can be searched (the panel's "All videos"). */
  checkBeforeTyping?: boolean | undefined;
}

type FoundResponse = Extract<LibrarySearchResponse, { status: 'found' }>;

/** An answer that holds whatever the query: the library cannot be searched (an error, or only videos this browser cannot search). */
const isUnsearchable = (result: LibrarySearchResponse): boolean =>
  result.status === 'error' || (result.status === 'empty-library' && result.notice !== undefined);

/** `shown` with its pending videos replaced by their described copies in `described`. */
function fillPendingHits(shown: FoundResponse, described: readonly LibraryVideoResult[]): FoundResponse {
  const byId = new Map(described.map((video) => [video.videoId, video]));
  return { ...shown, videos: shown.videos.map((video) => (video.hitsState === 'pending' ? (byId.get(video.videoId) ?? video) : video)) };
}

export function useLibrarySearch(search: LibrarySearchFn, initialQuery: string, page: LibraryPage, { checkBeforeTyping = false }: LibrarySearchOptions = {}): LibrarySearchState {
  const [query, setQuery] = useState(initialQuery);
  const [result, setResult] = useState<LibrarySearchResponse | null>(null);
  // Bumped by each query: any step of an earlier one is dropped.
  const latestQuery = useRef(0);
  // Bumped by each query and each "show more": only the latest page is added.
  const latestPage = useRef(0);

  /** Draws the hits of `complete` into the cards shown, while `ticket`'s query is still the latest. */
  const fillWhenRead = (ticket: number, complete: LibraryAnswer<LibrarySearchResponse>['complete']) => {
    void complete?.then((described) => {
      if (ticket !== latestQuery.current || described.status !== 'found') return;
      setResult((shown) => (shown?.status === 'found' ? fillPendingHits(shown, described.videos) : shown));
    });
  };

  // A layout effect: the search starts as soon as the keystroke is rendered, not a frame later (after the paint).
  useLayoutEffect(() => {
    const ticket = ++latestQuery.current;
    latestPage.current += 1;
    if (query.trim() === '') {
      setResult(null);
      if (checkBeforeTyping) {
        void search('', page).then(({ result: next }) => {
          if (ticket === latestQuery.current && isUnsearchable(next)) setResult(next);
        });
      }
      return;
    }
    void search(query, page).then(({ result: next, complete }) => {
      if (ticket !== latestQuery.current) return;
      setResult(next);
      fillWhenRead(ticket, complete);
    });
  }, [query, search]); // the page size is fixed per surface

  const showMore = () => {
    // The cards shown may still be the last query's while the box's is answered: paging from their end would mix the two.
    if (result?.status !== 'found' || result.query !== query) return;
    const ticket = latestQuery.current;
    const pageTicket = ++latestPage.current;
    const videoOffset = result.videoOffset + result.videos.length;
    void search(query, { ...page, videoOffset }).then(({ result: next, complete }) => {
      if (ticket !== latestQuery.current || pageTicket !== latestPage.current || next.status !== 'found') return;
      // From the state as it is now: the earlier pages' hits may have arrived meanwhile.
      setResult((shown) => (shown?.status === 'found' ? { ...next, videos: [...shown.videos, ...next.videos], videoOffset: shown.videoOffset } : shown));
      fillWhenRead(ticket, complete);
    });
  };

  return { query, result, setQuery, showMore };
}
