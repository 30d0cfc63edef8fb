import type { LibraryHit } from '../lib/library/library-search';
import { formatTimestamp } from '../lib/format/time';
import { HighlightedText } from './HighlightedText';

export interface LibraryHitLinkProps {
  hit: LibraryHit;
  /** Called instead of following the link (the page decides where it opens). */
  onOpen: (hit: LibraryHit) => void;
}

/** One hit: a link to the moment, with its timestamp and the segment's text, matched words marked. */
export function LibraryHitLink({ hit, onOpen }: LibraryHitLinkProps) {
  return (
    <a
      class="yts-library__hit"
      href={hit.url}
      data-library-hit=""
      onClick={(event) => {
        // A middle click or Ctrl/Cmd-click keeps the browser's own new-tab behaviour.
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        onOpen(hit);
      }}
    >
      <span class="yts-library__time">{formatTimestamp(hit.seconds)}</span>{' '}
      <span class="yts-library__text">
        <HighlightedText text={hit.text} ranges={hit.ranges} />
      </span>
    </a>
  );
}
