import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { LibraryHit, LibraryPage } from '../lib/library/library-search';
import { LibrarySearchRoot } from './LibrarySearchRoot';
import { SearchScopeSwitch, type SearchScope } from './SearchScopeSwitch';
import type { LibrarySearchFn } from './use-library-search';
import './panel-field.css';
import './ScopedSearch.css';

/** The library search as the panel's root hands it down: the scope and the library box's query outlive a video. */
export interface PanelLibrary {
  scope: SearchScope;
  /** The "All videos" box's query. */
  query: string;
  /** Keep it the same function across renders: a new one searches again. */
  search: LibrarySearchFn;
  onScopeChange: (scope: SearchScope) => void;
  onQueryChange: (query: string) => void;
  /** A hit was chosen: seek here, or go to its video. */
  onOpenHit: (hit: LibraryHit) => void;
}

export interface ScopedSearchProps {
  library: PanelLibrary;
  /** What the video's box holds now: it moves to the library's box on switching. */
  videoQuery: string;
  /** The video's own search ("This video"), its box starting at `initialQuery`. */
  renderVideoSearch: (initialQuery: string) => ComponentChildren;
}

/** A sidebar's worth: a few videos at a time, "Show more" for the next. */
const PANEL_PAGE: LibraryPage = { videoLimit: 8, hitsPerVideo: 3 };

/** The panel's search in either scope, behind the "This video" / "All videos" switch; the query moves with the switch. */
export function ScopedSearch({ library, videoQuery, renderVideoSearch }: ScopedSearchProps) {
  // The video's box after a switch back starts where the library's was.
  const [videoStart, setVideoStart] = useState('');
  // Only a switch the user made moves focus into the library's box, not a panel drawn after navigating; and only then
  // does an empty box ask whether the library can be searched (a worker's index read for nothing on every video).
  const [switched, setSwitched] = useState(false);

  const changeScope = (scope: SearchScope): void => {
    setSwitched(true);
    if (scope === 'library') {
      if (videoQuery.trim() !== '') library.onQueryChange(videoQuery);
    } else setVideoStart(library.query);
    library.onScopeChange(scope);
  };

  return (
    <>
      <SearchScopeSwitch scope={library.scope} onScopeChange={changeScope} />
      {library.scope === 'library' ? (
        <div class="yts-panel-library">
          <LibrarySearchRoot
            search={library.search}
            page={PANEL_PAGE}
            initialQuery={library.query}
            onQueryChange={library.onQueryChange}
            onOpenHit={library.onOpenHit}
            canShowMore
            checkBeforeTyping={switched}
            autoFocus={switched}
          />
        </div>
      ) : (
        renderVideoSearch(videoStart)
      )}
    </>
  );
}
