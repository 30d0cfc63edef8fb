import { render } from 'preact';
import { LibrarySearchRoot } from '../../components/LibrarySearchRoot';
import type { LibraryPage } from '../../lib/library/library-search';
import { buildSearchQuery, describeSearchTitle, readSearchQuery } from '../../lib/library/search-url';
import { PAGE_TEXT_MEMORY } from '../../lib/library/text-memory';
import { connectCaptionsDb } from '../../lib/captions/cache-db';
import { createCaptionsLibrary } from '../../lib/lookup/captions-library';
import { createLibraryService } from '../../lib/lookup/library-lookup';
import { createDatabaseConnection } from '../../lib/store/connection';
import { activeDatasetItem, captionsCacheChangeItem } from '../../lib/settings/storage-items';
import '../../components/page-theme.css';
import '../../components/SearchPage.css';

// Extension pages share the extension's IndexedDB: no round trip through the worker.
const connection = createDatabaseConnection();
// The captions cache's videos are part of the library too.
const captions = createCaptionsLibrary(connectCaptionsDb());
const library = createLibraryService({ database: () => connection.get(), captions, textMemory: PAGE_TEXT_MEMORY });
// Both are kept in memory, so a keystroke reads nothing: a dataset switched in or captions cached meanwhile are told.
activeDatasetItem.watch(() => library.forgetActiveDataset());
captionsCacheChangeItem.watch(() => captions.forgetIndex());
const search = (query: string, page: LibraryPage) => library.searchInSteps({ query, page });
const PAGE: LibraryPage = { videoLimit: 20, hitsPerVideo: 3 };
/** A pause this long ends a history entry: Back goes to the query before it, not to each keystroke. */
const HISTORY_PAUSE_MS = 1_000;

const root = document.getElementById('app')!;
let typingSince: number | null = null;
// Bumped on Back and Forward: a new root shows that entry's query.
let entry = 0;
let typingEnds: ReturnType<typeof setTimeout> | undefined;

function keepInUrl(query: string): void {
  const url = `${location.pathname}${buildSearchQuery(query)}`;
  if (typingSince === null) {
    history.pushState(null, '', url);
    typingSince = Date.now();
  } else history.replaceState(null, '', url);
  clearTimeout(typingEnds);
  typingEnds = setTimeout(() => (typingSince = null), HISTORY_PAUSE_MS);
  document.title = describeSearchTitle(query);
}

function draw(): void {
  const query = readSearchQuery(location.search);
  document.title = describeSearchTitle(query);
  render(
    <main class="yts-search-page">
      <h1>Search all videos</h1>
      <LibrarySearchRoot
        key={entry}
        search={search}
        page={PAGE}
        initialQuery={query}
        autoFocus
        canShowMore
        onQueryChange={keepInUrl}
        onOpenHit={(hit) => location.assign(hit.url)}
      />
    </main>,
    root,
  );
}

addEventListener('popstate', () => {
  typingSince = null;
  entry += 1;
  draw();
});
draw();
