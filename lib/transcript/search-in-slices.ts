/**
 * Building a transcript's search index without holding the page: a few
 * hundred segments at a time, giving the page's thread back between slices
 * (issue 11: a 50,000-segment video's index takes far longer than a frame).
 */
import { addWordPostings, createTranscriptSearch, type Posting, type TranscriptSearch } from './search';
import type { Segment } from './types';

export interface SliceScheduling {
  /** Resolves when the page has had its turn (a task later). */
  yieldToPage: () => Promise<void>;
  /** A clock in milliseconds (`performance.now`). */
  now: () => number;
  /** Work per slice before yielding. */
  sliceMs: number;
  /** Stops the build (the video changed); the promise then rejects with the signal's reason. */
  signal: AbortSignal;
}

/** Segments indexed between two looks at the clock. */
const SEGMENTS_PER_CHECK = 64;

/**
 * The same search `createTranscriptSearch(segments)` builds, built in slices
 * of about `sliceMs`. Side effects: only the timers `yieldToPage` sets.
 */
export async function buildSearchInSlices(segments: readonly Segment[], scheduling: SliceScheduling): Promise<TranscriptSearch> {
  const { yieldToPage, now, sliceMs, signal } = scheduling;
  const postings = new Map<string, Posting[]>();
  let next = 0;
  while (next < segments.length) {
    signal.throwIfAborted();
    const sliceEnd = now() + sliceMs;
    while (next < segments.length && now() < sliceEnd) {
      const to = Math.min(segments.length, next + SEGMENTS_PER_CHECK);
      addWordPostings(segments, next, to, postings);
      next = to;
    }
    if (next < segments.length) await yieldToPage();
  }
  signal.throwIfAborted();
  return createTranscriptSearch(segments, postings);
}
