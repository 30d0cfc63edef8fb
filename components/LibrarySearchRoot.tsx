import type { LibraryHit, LibraryPage } from '../lib/library/library-search';
import { LibrarySearch } from './LibrarySearch';
import { useLibrarySearch, type LibrarySearchFn } from './use-library-search';

export interface LibrarySearchRootProps {
  /** Keep it the same function across renders: a new one searches again. */
  search: LibrarySearchFn;
  page: LibraryPage;
  initialQuery?: string | undefined;
  onOpenHit: (hit: LibraryHit) => void;
  /** Told every change of the query (the search page keeps it in its URL). */
  onQueryChange?: ((query: string) => void) | undefined;
  /** The popup's "Show all N results", with the query. */
  onShowAll?: ((query: string) => void) | undefined;
  /** The full page pages through the videos. */
  canShowMore?: boolean | undefined;
  autoFocus?: boolean | undefined;
  /** Say at once, before typing, why nothing can be searched (the panel's "All videos"). */
  checkBeforeTyping?: boolean | undefined;
}

/** A library search box with its results, owning the query and the latest answer. */
export function LibrarySearchRoot({ search, page, initialQuery = '', onOpenHit, onQueryChange, onShowAll, canShowMore, autoFocus, checkBeforeTyping }: LibrarySearchRootProps) {
  const state = useLibrarySearch(search, initialQuery, page, { checkBeforeTyping });
  return (
    <LibrarySearch
      query={state.query}
      result={state.result}
      hitsPerVideo={page.hitsPerVideo}
      autoFocus={autoFocus}
      onQueryChange={(query) => {
        state.setQuery(query);
        onQueryChange?.(query);
      }}
      onOpenHit={onOpenHit}
      onShowAll={onShowAll && (() => onShowAll(state.query))}
      onShowMore={canShowMore ? state.showMore : undefined}
    />
  );
}
