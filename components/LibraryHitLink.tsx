import type { LibraryHit } from '../lib/library/library-search';
import { formatTimestamp } from '../lib/format/time';
import { findExcerptStart, shiftRanges } from '../lib/transcript/excerpt';
import { HighlightedText } from './HighlightedText';
import './visually-hidden.css';

export interface LibraryHitLinkProps {
  hit: LibraryHit;
  /** Called instead of following the link (the page decides where it opens). */
  onOpen: (hit: LibraryHit) => void;
}

/**
 * One hit: a link to the moment, with its timestamp and the segment's text, matched words marked.
 * The text is clamped to three lines, so a match deep inside starts the visible text a few
 * words before it (the words before stay in the link's accessible name), as the panel's segments do.
 */
export function LibraryHitLink({ hit, onOpen }: LibraryHitLinkProps) {
  const start = findExcerptStart(hit.text, hit.ranges);
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
        {start > 0 && <span class="yts-visually-hidden">{hit.text.slice(0, start)}</span>}
        <HighlightedText text={hit.text.slice(start)} ranges={start > 0 ? shiftRanges(hit.ranges, start) : hit.ranges} />
      </span>
    </a>
  );
}
