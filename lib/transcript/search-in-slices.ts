/**
 * Building a transcript's search index without holding the page: a few
 * hundred segments at a time, giving the page's thread back between slices
 * (issue 11: a 50,000-segment video's index takes far longer than a frame).
 */
import { addWordPostings, createTranscriptSearch, type Posting, type TranscriptSearch } from './search';
import { runInSlices, type SliceScheduling, type Steps } from './steps';
import type { Segment } from './types';

export type { SliceScheduling } from './steps';

/** Segments indexed between two pauses. */
const SEGMENTS_PER_STEP = 64;

function* buildSearchSteps(segments: readonly Segment[]): Steps<TranscriptSearch> {
  const postings = new Map<string, Posting[]>();
  for (let next = 0; next < segments.length; next += SEGMENTS_PER_STEP) {
    addWordPostings(segments, next, Math.min(segments.length, next + SEGMENTS_PER_STEP), postings);
    yield;
  }
  return createTranscriptSearch(segments, postings);
}

/**
 * The same search `createTranscriptSearch(segments)` builds, built in slices
 * of about `sliceMs`. Side effects: only the timers `yieldToPage` sets.
 */
export async function buildSearchInSlices(segments: readonly Segment[], scheduling: SliceScheduling): Promise<TranscriptSearch> {
  const search = await runInSlices(buildSearchSteps(segments), scheduling);
  scheduling.signal.throwIfAborted();
  return search;
}
