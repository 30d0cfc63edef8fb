/**
 * Long dataset segments show clamped to a few lines in the panel; a search
 * hit deep inside one would fall below them. This says where the visible text
 * starts so the first match shows. Pure.
 */
import type { TextRange } from './search';

/** A match starting this far in may already be on a clamped segment's last line. */
export const EXCERPT_THRESHOLD = 80;
/** Context kept before the match: a few words. */
export const EXCERPT_LEAD = 30;

/**
 * Where the shown text of `text` starts so its first match (`ranges[0]`) is
 * near the top: 0 when there is no match or it starts early, else the start
 * of the first word at most `EXCERPT_LEAD` characters before the match.
 */
export function findExcerptStart(text: string, ranges: readonly TextRange[]): number {
  const matchStart = ranges[0]?.[0];
  if (matchStart === undefined || matchStart <= EXCERPT_THRESHOLD) return 0;
  const space = text.slice(0, matchStart).indexOf(' ', matchStart - EXCERPT_LEAD - 1);
  return space === -1 ? matchStart : space + 1;
}

/** `ranges` moved to a text that starts `offset` characters later. Pure. */
export function shiftRanges(ranges: readonly TextRange[], offset: number): TextRange[] {
  return ranges.map(([start, end]): TextRange => [start - offset, end - offset]);
}
