/**
 * Typo-tolerant search inside one video's transcript.
 *
 * fuse.js does the fuzzy matching, but over the video's vocabulary (a few
 * thousand distinct words) rather than over 450 long segment texts: each
 * query word is matched on its own, so "dataset bias" finds segments holding
 * both words however far apart they are, and a segment is ranked by how many
 * of the query's words it holds before how closely they match. Results per
 * query word are cached, so while typing only the word being typed is searched.
 */
import type { Segment } from './types';
import { createWordMatcher } from './word-match';

export { wordsStartingWith } from './word-match';

/** A character range `[start, end)` in a segment's text. */
export type TextRange = readonly [start: number, end: number];

export interface SearchHit {
  /** Index of the segment in the transcript (start order). */
  segmentIndex: number;
  /** Matched characters, sorted and non-overlapping, for `<mark>`. */
  ranges: TextRange[];
  /** Where the matched phrase begins in the text: the basis of the jump time. */
  matchOffset: number;
  /** How many distinct query words the segment holds. */
  matchedWords: number;
  /**
   * The query's words appear in the text in order, next to each other (only
   * spaces or punctuation between), each as typed or as its closest spelling.
   */
  isExactPhrase: boolean;
}

export interface TranscriptSearch {
  /** Hits best first: exact phrase, then most query words, then closest spelling. Pure apart from its cache. */
  search: (query: string) => SearchHit[];
}

const MAX_CACHED_WORDS = 200;
/** A word: letters and digits, with inner apostrophes ("don't"). Global: use with `matchAll`. */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Where one word occurs in a text. */
export interface Posting {
  segmentIndex: number;
  start: number;
  end: number;
}

/** How one query word occurs in one segment. */
export interface WordMatch {
  /** Fuse score of the best matching spelling, 0 (exact) to threshold. */
  score: number;
  postings: Posting[];
}

/** Lower-cases and folds accents so "Café" and "cafe" compare equal (for vocabulary keys, not offsets). */
export function normalizeText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a query, normalized, without repeats. */
export function tokenizeQuery(query: string): string[] {
  return [...new Set(normalizeText(query).match(WORD_PATTERN) ?? [])];
}

/** Where each word of segments `[from, to)` occurs, added to `into` (keys normalized). Side effect: on `into` only. */
export function addWordPostings(segments: readonly Segment[], from: number, to: number, into: Map<string, Posting[]>): void {
  for (let segmentIndex = from; segmentIndex < to; segmentIndex += 1) {
    // Offsets come from the original text; only the vocabulary key is folded.
    for (const match of segments[segmentIndex]!.text.matchAll(WORD_PATTERN)) {
      const word = normalizeText(match[0]);
      const posting = { segmentIndex, start: match.index, end: match.index + match[0].length };
      const list = into.get(word);
      if (list) list.push(posting);
      else into.set(word, [posting]);
    }
  }
}

/**
 * Builds the search for one transcript. Cost: one pass over the text (unless
 * `postingsByWord`, from `addWordPostings` over every segment, is given)
 * plus a Fuse index of distinct words, built at the first misspelling.
 */
export function createTranscriptSearch(segments: readonly Segment[], postings?: Map<string, Posting[]>): TranscriptSearch {
  const postingsByWord = postings ?? new Map<string, Posting[]>();
  if (!postings) addWordPostings(segments, 0, segments.length, postingsByWord);
  const vocabulary = [...postingsByWord.keys()];
  const sortedVocabulary = vocabulary.sort();
  const matcher = createWordMatcher(sortedVocabulary);
  const wordCache = new Map<string, Map<number, WordMatch>>();

  function matchWord(queryWord: string): Map<number, WordMatch> {
    const cached = wordCache.get(queryWord);
    if (cached) return cached;
    const bySegment = new Map<number, WordMatch>();
    const addWord = (word: string, score: number): void => {
      for (const posting of postingsByWord.get(word) ?? []) {
        const existing = bySegment.get(posting.segmentIndex);
        if (!existing) bySegment.set(posting.segmentIndex, { score, postings: [posting] });
        else {
          existing.postings.push(posting);
          existing.score = Math.min(existing.score, score);
        }
      }
    };
    for (const { index, score } of matcher.match(queryWord, { prefix: true })) addWord(sortedVocabulary[index]!, score);
    // Postings in text order: the jump goes to the first occurrence, and smallestWindow relies on it.
    for (const match of bySegment.values()) match.postings.sort((a, b) => a.start - b.start);
    if (wordCache.size >= MAX_CACHED_WORDS) wordCache.clear();
    wordCache.set(queryWord, bySegment);
    return bySegment;
  }

  function search(query: string): SearchHit[] {
    const words = tokenizeQuery(query);
    if (words.length === 0) return [];
    const perWord = words.map(matchWord);
    const candidates = new Set<number>();
    for (const matches of perWord) for (const segmentIndex of matches.keys()) candidates.add(segmentIndex);

    const ranked: RankedHit[] = [];
    for (const segmentIndex of candidates) {
      const present: WordMatch[] = [];
      for (const matches of perWord) {
        const match = matches.get(segmentIndex);
        if (match) present.push(match);
      }
      ranked.push(describeSegmentMatch({ segmentIndex, text: segments[segmentIndex]!.text, present, queryWordCount: words.length }));
    }
    ranked.sort(compareRankedHits);
    return ranked.map(({ scoreSum: _scoreSum, span: _span, ...hit }) => hit);
  }

  return { search };
}

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
  // Only a segment holding every word can hold the phrase; offsets come from the original text.
  const phraseOffset =
    queryWordCount > 1 && present.length === queryWordCount ? findAdjacentRun(text, present.map((match) => match.postings)) : -1;
  const window = smallestWindow(present.map((match) => match.postings));
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

/** Sorts ranges and joins the ones that overlap or touch. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
