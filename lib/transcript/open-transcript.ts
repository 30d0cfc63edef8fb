/**
 * The one API the panel uses on a transcript: search with the time of each
 * hit's phrase, and the segment being spoken at a moment. Pure apart from the
 * search's cache and the build it can run in slices.
 */
import { estimatePhraseTime, findSegmentIndexAt } from './phrase-time';
import { createTranscriptSearch, type SearchHit, type TranscriptSearch } from './search';
import { buildSearchInSlices } from './search-in-slices';
import { runInSlices, runToEnd, type SliceScheduling, type Steps } from './steps';
import type { Segment, Transcript, TranscriptSource, VideoInfo } from './types';

export interface TranscriptHit extends SearchHit {
  /** When the matched phrase is spoken, in seconds: where a jump to this hit goes. */
  seconds: number;
}

/** A transcript ready to be shown: its words, where it came from, and what can be asked of it. */
export interface OpenTranscript {
  readonly source: TranscriptSource;
  readonly video: VideoInfo;
  /** Sorted by start. */
  readonly segments: readonly Segment[];
  /** Hits best first (see `createTranscriptSearch`), each with its phrase time. Builds the index now if it is not ready. */
  search: (query: string) => TranscriptHit[];
  /**
   * The same hits, found in slices of the page's time (building the index
   * first if it is not ready): a search of a long transcript never holds the
   * page (issue 11). An abort stops it.
   */
  searchInSlices: (query: string, scheduling: SliceScheduling) => Promise<TranscriptHit[]>;
  /**
   * Builds the search index ahead of the first search, in slices (see
   * `buildSearchInSlices`), once: after the list is on screen, so the first
   * keystroke finds it ready. Resolves when it is; an abort stops it (a later
   * call starts again).
   */
  prepareSearch: (scheduling: SliceScheduling) => Promise<void>;
  /** Index of the segment spoken at `seconds`, or -1 (before the first, after the last). */
  segmentIndexAt: (seconds: number) => number;
}

/** Hits given their phrase time between two pauses. */
const HITS_PER_STEP = 1_024;

/** Wraps a validated transcript. The search index is built by `prepareSearch` or at the first search, not before. */
export function openTranscript(transcript: Transcript, source: TranscriptSource): OpenTranscript {
  const { video, segments } = transcript;
  let index: TranscriptSearch | undefined;
  let preparing: Promise<void> | undefined;
  // The last answer: the list and the header's menu ask for the same query in one render.
  let last: { query: string; hits: TranscriptHit[] } | undefined;

  function* hitSteps(search: TranscriptSearch, query: string): Steps<TranscriptHit[]> {
    const found = yield* search.searchSteps(query);
    const hits: TranscriptHit[] = [];
    for (const { segmentIndex, ranges, matchOffset, matchedWords, isExactPhrase } of found) {
      const seconds = estimatePhraseTime(segments[segmentIndex]!, matchOffset);
      hits.push({ segmentIndex, ranges, matchOffset, matchedWords, isExactPhrase, seconds });
      if (hits.length % HITS_PER_STEP === 0) yield;
    }
    last = { query, hits };
    return hits;
  }

  const prepareSearch = (scheduling: SliceScheduling): Promise<void> => {
    if (index) return Promise.resolve();
    preparing ??= buildSearchInSlices(segments, scheduling).then(
      (built) => {
        index ??= built;
      },
      (error: unknown) => {
        preparing = undefined;
        throw error;
      },
    );
    return preparing;
  };

  const indexInSlices = async (scheduling: SliceScheduling): Promise<TranscriptSearch> => {
    await prepareSearch(scheduling).catch(() => scheduling.signal.throwIfAborted());
    // A build another caller started, and stopped under us, leaves this search to build it.
    await prepareSearch(scheduling);
    return index!;
  };

  return {
    source,
    video,
    segments,
    search(query) {
      if (last?.query === query) return last.hits;
      index ??= createTranscriptSearch(segments);
      return runToEnd(hitSteps(index, query));
    },
    async searchInSlices(query, scheduling) {
      if (last?.query === query) return last.hits;
      return runInSlices(hitSteps(index ?? (await indexInSlices(scheduling)), query), scheduling);
    },
    prepareSearch,
    segmentIndexAt: (seconds) => findSegmentIndexAt(segments, seconds),
  };
}
