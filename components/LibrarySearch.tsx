import { useEffect, useRef } from 'preact/hooks';
import type { LibraryHit } from '../lib/library/library-search';
import type { LibrarySearchResponse } from '../lib/messaging/protocol';
import { formatCount, plural } from '../lib/format/units';
import { LibraryVideoCard } from './LibraryVideoCard';
import './LibrarySearch.css';

export interface LibrarySearchProps {
  query: string;
  /** The answer for `query`; `null` while there is none yet. */
  result: LibrarySearchResponse | null;
  /** Hits a video shows at most (placeholders hold their place while they are read). */
  hitsPerVideo: number;
  onQueryChange: (query: string) => void;
  onOpenHit: (hit: LibraryHit) => void;
  /** The popup's way to the full page: "Show all N results". */
  onShowAll?: (() => void) | undefined;
  /** The full page's next videos, when there are more than shown. */
  onShowMore?: (() => void) | undefined;
  autoFocus?: boolean;
}

/** An answer that holds whatever the query (an error, an empty library): shown before typing too. */
const isQueryFree = (result: LibrarySearchResponse): boolean => result.status === 'error' || result.status === 'empty-library';

/** The sentence above the results: a count, or why there is none. Never an error dump. */
function describeResult(result: LibrarySearchResponse | null, query: string): string {
  if (result === null || (query.trim() === '' && !isQueryFree(result))) return '';
  switch (result.status) {
    case 'empty-library':
      // Nothing but videos this browser cannot search: the notice says why, once.
      return result.notice ? '' : 'The library is empty: import a dataset in the options first.';
    case 'no-words':
      return 'Type a word or a phrase: punctuation alone finds nothing.';
    case 'no-results':
      return `No video says “${result.query.trim()}”.`;
    case 'error':
      return result.message;
    case 'found':
      return `${plural(result.resultCount, 'result')} in ${plural(result.videoCount, 'video')}`;
  }
}

/** Search across every video: the box, the count, cards per video. Keyboard: ↓/↑ move through the hits, Enter opens. */
export function LibrarySearch({ query, result, hitsPerVideo, onQueryChange, onOpenHit, onShowAll, onShowMore, autoFocus = false }: LibrarySearchProps) {
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLInputElement>(null);
  // The popup and the search page open to type in (Chrome's popups ignore the autofocus attribute).
  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);
  const found = result?.status === 'found' && query.trim() !== '' ? result : undefined;
  const shownVideos = found ? found.videoOffset + found.videos.length : 0;

  const moveFocus = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops = [...(root.current?.querySelectorAll<HTMLElement>('input[type="search"], [data-library-hit]') ?? [])];
    const at = stops.findIndex((element) => element === document.activeElement || element === event.target);
    const next = stops[Math.min(stops.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next || next === stops[at]) return;
    event.preventDefault();
    next.focus();
  };

  return (
    <div class="yts-library" ref={root} onKeyDown={moveFocus}>
      <input
        type="search"
        ref={box}
        class="yts-library__box"
        aria-label="Search all videos"
        placeholder="Search all videos"
        value={query}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => onQueryChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          // The best hit, once its text is read: not a lesser video's while the first is still pending.
          const first = found?.videos.find(({ hitsState }) => hitsState !== 'unreadable')?.hits[0];
          if (event.key === 'Enter' && first) {
            event.preventDefault();
            onOpenHit(first);
          }
        }}
      />
      {/* A live region, not role="status": the popup's own status line keeps that role. */}
      <p class="yts-library__status" aria-live="polite" aria-atomic="true">
        {describeResult(result, query)}
      </p>
      {result && result.status !== 'error' && result.notice && (query.trim() !== '' || isQueryFree(result)) && (
        <p class="yts-library__notice" role="note" aria-live="polite">
          {result.notice}
        </p>
      )}
      {found && (
        <ol class="yts-library__videos" aria-label="Videos">
          {found.videos.map((video) => (
            <LibraryVideoCard key={video.videoId} video={video} hitsPerVideo={hitsPerVideo} onOpenHit={onOpenHit} />
          ))}
        </ol>
      )}
      {found && onShowAll && (
        <button type="button" class="yts-library__more" onClick={onShowAll}>
          Show all {formatCount(found.resultCount)} results
        </button>
      )}
      {found && onShowMore && shownVideos < found.videoCount && (
        <button type="button" class="yts-library__more" onClick={onShowMore}>
          Show more videos ({formatCount(found.videoCount - shownVideos)} more)
        </button>
      )}
    </div>
  );
}
