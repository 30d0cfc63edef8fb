/** Where in a ~25 s segment a phrase is spoken, and which segment is playing. Pure. */
import { countLeading } from './sorted';
import type { Segment } from './types';

/** Seek this much before the estimated moment, so the phrase is heard from its start. */
export const LEAD_IN_SECONDS = 1;

/**
 * Estimates when the text at `charOffset` is spoken, assuming speech runs at a
 * steady pace through the segment, minus a lead-in, clamped to the segment.
 */
export function estimatePhraseTime(segment: Segment, charOffset: number): number {
  const length = Math.max(1, segment.text.length);
  const fraction = Math.min(1, Math.max(0, charOffset / length));
  const estimate = segment.start + fraction * (segment.end - segment.start) - LEAD_IN_SECONDS;
  return Math.min(segment.end, Math.max(segment.start, estimate));
}

/**
 * Index of the segment being spoken at `seconds` (the last one starting at or
 * before it, while still inside it or in a gap before the next), or -1 before
 * the first segment or after the last one ends. Binary search over start order.
 */
export function findSegmentIndexAt(segments: readonly Segment[], seconds: number): number {
  const found = countLeading(segments, (segment) => segment.start <= seconds) - 1;
  if (found >= 0 && found === segments.length - 1 && seconds >= segments[found]!.end) return -1;
  return found;
}
