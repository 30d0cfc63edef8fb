import type { TextRange } from '../lib/transcript/search';

export interface HighlightedTextProps {
  text: string;
  /** Sorted, non-overlapping ranges to wrap in `<mark>`. */
  ranges: readonly TextRange[];
}

/**
 * Text with matched characters marked. Renders text nodes only: transcript text is untrusted.
 * Each mark has a text before it (empty if need be) and is keyed by its order, so every part keeps
 * its place: the next query's text and marks rewrite these nodes rather than replace or move them
 * (issue 11: a keystroke redraws its hits in the same rows).
 */
export function HighlightedText({ text, ranges }: HighlightedTextProps) {
  const parts = [];
  let cursor = 0;
  for (const [order, [start, end]] of ranges.entries()) {
    parts.push(text.slice(cursor, start));
    parts.push(<mark key={order}>{text.slice(start, end)}</mark>);
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return <>{parts}</>;
}
