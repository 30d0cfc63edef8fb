/** Where chapter headings go in a transcript's list of segments. Pure. */
import type { Chapter } from '../youtube/captions/types';
import type { Segment } from './types';

/**
 * For each segment index, the chapters to show as headings just before it:
 * a chapter goes before the first segment starting at or after it. Chapters
 * after the last segment are left out (nothing follows them).
 */
export function placeChapters(segments: readonly Segment[], chapters: readonly Chapter[]): Map<number, Chapter[]> {
  const placed = new Map<number, Chapter[]>();
  const sorted = [...chapters].sort((a, b) => a.start - b.start);
  let segment = 0;
  for (const chapter of sorted) {
    while (segment < segments.length && segments[segment]!.start < chapter.start) segment += 1;
    if (segment >= segments.length) break;
    const before = placed.get(segment);
    if (before) before.push(chapter);
    else placed.set(segment, [chapter]);
  }
  return placed;
}
