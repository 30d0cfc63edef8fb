/**
 * How one segment ranks for a query, from where the query's words occur in
 * it: the phrase, the marks, the jump offset and the figures hits are sorted
 * by. Shared by the panel's search and the library's, so a hit is marked and
 * timed alike in both. Pure.
 */
import type { Posting, SearchHit, TextRange, WordMatch } from './search';

/** A hit with the figures that rank it. */
export interface RankedHit extends SearchHit {
  /** Sum over query words of the best spelling's score, 1 for a word the segment lacks. */
  scoreSum: number;
  /** Length of the shortest stretch of text holding every word it holds. */
  span: number;
}

export interface SegmentMatch {
  segmentIndex: number;
  text: string;
  /** One entry per query word the segment holds, in query order, postings sorted by start. */
  present: readonly WordMatch[];
  queryWordCount: number;
}

/** Ranks one segment: phrase, marks and the jump offset from where the query words occur in it. Pure. */
export function describeSegmentMatch({ segmentIndex, text, present, queryWordCount }: SegmentMatch): RankedHit {
  const scoreSum = present.reduce((sum, match) => sum + match.score, queryWordCount - present.length);
  const lists = present.map((match) => match.postings);
  // Only a segment holding every word can hold the phrase; offsets come from the original text.
  const phraseOffset = queryWordCount > 1 && present.length === queryWordCount ? findAdjacentRun(text, lists) : -1;
  const window = smallestWindow(lists);
  return {
    segmentIndex,
    ranges: mergeRanges(present.flatMap((match) => match.postings.map((p): TextRange => [p.start, p.end]))),
    matchOffset: phraseOffset >= 0 ? phraseOffset : window.start,
    matchedWords: present.length,
    isExactPhrase: phraseOffset >= 0,
    scoreSum,
    span: window.end - window.start,
  };
}

/** Best first: exact phrase, then most query words, then closest spelling, then tightest cluster, then text order. */
export function compareRankedHits(a: RankedHit, b: RankedHit): number {
  return (
    Number(b.isExactPhrase) - Number(a.isExactPhrase) ||
    b.matchedWords - a.matchedWords ||
    a.scoreSum - b.scoreSum ||
    a.span - b.span ||
    a.segmentIndex - b.segmentIndex
  );
}

/** From this many hits a numeric sort beats the comparator's: a 40,000-hit sort took 100+ ms (issue 11). */
const SORT_BY_KEY_FROM = 2_000;
/** Bits of the sort key (53 in all, a double's exact integers): words, score rank, span, segment. */
const WORD_SLOTS = 32;
const SCORE_SLOTS = 2 ** 11;
const SPAN_SLOTS = 2 ** 16;
const SEGMENT_SLOTS = 2 ** 20;

/**
 * Sorts `hits` best first, in place, exactly as `compareRankedHits` orders
 * them. A long list is sorted by one number per hit (its rank figures packed
 * into a double, the score sums by rank) when they fit; else by the comparator.
 */
export function sortRankedHits(hits: RankedHit[]): RankedHit[] {
  if (hits.length < SORT_BY_KEY_FROM) return hits.sort(compareRankedHits);
  const scoreSums = [...new Set(hits.map((hit) => hit.scoreSum))].sort((a, b) => a - b);
  const fits = (hit: RankedHit) => hit.matchedWords < WORD_SLOTS && hit.span < SPAN_SLOTS && hit.segmentIndex < SEGMENT_SLOTS;
  if (scoreSums.length > SCORE_SLOTS || !hits.every(fits)) return hits.sort(compareRankedHits);
  const scoreRank = new Map(scoreSums.map((sum, rank) => [sum, rank]));
  const bySegment = new Map(hits.map((hit) => [hit.segmentIndex, hit]));
  const keys = new Float64Array(hits.length);
  hits.forEach((hit, i) => {
    const words = (hit.isExactPhrase ? 0 : WORD_SLOTS) + (WORD_SLOTS - 1 - hit.matchedWords);
    keys[i] = ((words * SCORE_SLOTS + scoreRank.get(hit.scoreSum)!) * SPAN_SLOTS + hit.span) * SEGMENT_SLOTS + hit.segmentIndex;
  });
  keys.sort();
  keys.forEach((key, i) => {
    hits[i] = bySegment.get(key % SEGMENT_SLOTS)!;
  });
  return hits;
}

const ONLY_SEPARATORS = /^[^\p{L}\p{N}]+$/u;

/**
 * Start of the first place where one posting of each list follows the one of
 * the list before, with only spaces or punctuation between ("dataset, bias"),
 * or -1. Lists are sorted by start.
 */
function findAdjacentRun(text: string, lists: readonly Posting[][]): number {
  const follows = (before: Posting, after: Posting) =>
    after.start > before.end && ONLY_SEPARATORS.test(text.slice(before.end, after.start));
  for (const first of lists[0]!) {
    let previous = first;
    let complete = true;
    for (const list of lists.slice(1)) {
      const next = list.find((posting) => follows(previous, posting));
      if (!next) {
        complete = false;
        break;
      }
      previous = next;
    }
    if (complete) return first.start;
  }
  return -1;
}

/** The shortest stretch of text holding one posting of every list (lists sorted by start). */
function smallestWindow(lists: readonly Posting[][]): { start: number; end: number } {
  if (lists.length === 1) {
    const first = lists[0]![0]!;
    return { start: first.start, end: first.end };
  }
  let best = { start: 0, end: Number.POSITIVE_INFINITY };
  const cursors = lists.map(() => 0);
  for (;;) {
    let minList = 0;
    let start = Number.POSITIVE_INFINITY;
    let end = 0;
    lists.forEach((list, i) => {
      const posting = list[cursors[i]!]!;
      if (posting.start < start) {
        start = posting.start;
        minList = i;
      }
      end = Math.max(end, posting.end);
    });
    if (end - start < best.end - best.start) best = { start, end };
    cursors[minList]! += 1;
    if (cursors[minList]! >= lists[minList]!.length) return best;
  }
}

/** Whether each range starts after the one before it ends (already sorted, nothing to join). */
function isSortedApart(ranges: readonly TextRange[]): boolean {
  for (let i = 1; i < ranges.length; i += 1) if (ranges[i]![0] <= ranges[i - 1]![1]) return false;
  return true;
}

/** Sorts ranges and joins the ones that overlap or touch. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  // One word's postings, the usual case, come sorted and apart: a search of 40,000 hits sorted each for nothing (issue 11).
  if (isSortedApart(ranges)) return [...ranges];
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
