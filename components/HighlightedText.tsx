import type { TextRange } from '../lib/transcript/search';

export interface HighlightedTextProps {
  text: string;
  /** Sorted, non-overlapping ranges to wrap in `<mark>`. */
  ranges: readonly TextRange[];
}

/** Text with matched characters marked. Renders text nodes only: transcript text is untrusted. */
export function HighlightedText({ text, ranges }: HighlightedTextProps) {
  const parts = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) parts.push(text.slice(cursor, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    cursor = end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}
