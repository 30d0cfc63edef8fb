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

/** One row of the transcript's list: a segment (by index), or a chapter heading before the segment that follows it. */
export type ListRow = { kind: 'segment'; segmentIndex: number } | { kind: 'chapter'; chapter: Chapter };

export interface ListRows {
  rows: ListRow[];
  /** The row of each segment. */
  rowOfSegment: Int32Array;
}

/** The list's rows in order: each segment, with the headings `placeChapters` put before it. */
export function buildListRows(segmentCount: number, placed: ReadonlyMap<number, readonly Chapter[]>): ListRows {
  const rows: ListRow[] = [];
  const rowOfSegment = new Int32Array(segmentCount);
  for (let segmentIndex = 0; segmentIndex < segmentCount; segmentIndex += 1) {
    for (const chapter of placed.get(segmentIndex) ?? []) rows.push({ kind: 'chapter', chapter });
    rowOfSegment[segmentIndex] = rows.length;
    rows.push({ kind: 'segment', segmentIndex });
  }
  return { rows, rowOfSegment };
}
