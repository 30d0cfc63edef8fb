/** The search page's address: the query lives in `?q=`, so a search can be bookmarked, reloaded and gone back to. Pure. */

export const SEARCH_PAGE_PATH = '/search.html' as const;

/** The query of a search page URL (`''` when it has none). */
export function readSearchQuery(search: string): string {
  return new URLSearchParams(search).get('q') ?? '';
}

/** The search part of the URL for a query: `?q=…`, or nothing for an empty query. */
export function buildSearchQuery(query: string): string {
  return query === '' ? '' : `?${new URLSearchParams({ q: query }).toString()}`;
}

/** The page's title, so history and bookmarks say what was searched. */
export function describeSearchTitle(query: string): string {
  return query.trim() === '' ? 'Search all videos' : `${query.trim()} – Search all videos`;
}
