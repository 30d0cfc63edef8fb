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
import { describeSegmentMatch, sortRankedHits, type RankedHit } from './rank-hit';
import { runToEnd, type Steps } from './steps';
import { createWordMatcher } from './word-match';

export { compareRankedHits, describeSegmentMatch, mergeRanges, type RankedHit, type SegmentMatch } from './rank-hit';
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
  /**
   * The same search as steps: it pauses (yields) every few hundred postings
   * or segments, so a caller can give the page its turn between slices
   * (`runInSlices`, issue 11); it returns the hits.
   */
  searchSteps: (query: string) => Steps<SearchHit[]>;
}

const MAX_CACHED_WORDS = 200;
/** Postings gathered, or segments ranked, between two pauses of `searchSteps`. */
const STEP = 1_024;
const RANKED_PER_STEP = 128;
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

/** The words of a query, normalized, in order; a repeated word stays repeated ("bye bye" is a phrase of two words). */
export function tokenizeQuery(query: string): string[] {
  return normalizeText(query).match(WORD_PATTERN) ?? [];
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

  function* matchWord(queryWord: string): Steps<Map<number, WordMatch>> {
    const cached = wordCache.get(queryWord);
    if (cached) return cached;
    const bySegment = new Map<number, WordMatch>();
    let work = 0;
    for (const { index, score } of matcher.match(queryWord, { prefix: true })) {
      for (const posting of postingsByWord.get(sortedVocabulary[index]!) ?? []) {
        const existing = bySegment.get(posting.segmentIndex);
        if (!existing) bySegment.set(posting.segmentIndex, { score, postings: [posting] });
        else {
          existing.postings.push(posting);
          existing.score = Math.min(existing.score, score);
        }
        if (++work % STEP === 0) yield;
      }
    }
    // Postings in text order: the jump goes to the first occurrence, and smallestWindow relies on it.
    for (const match of bySegment.values()) {
      if (match.postings.length > 1) match.postings.sort((a, b) => a.start - b.start);
      if (++work % STEP === 0) yield;
    }
    if (wordCache.size >= MAX_CACHED_WORDS) wordCache.clear();
    wordCache.set(queryWord, bySegment);
    return bySegment;
  }

  function* searchSteps(query: string): Steps<SearchHit[]> {
    const words = tokenizeQuery(query);
    if (words.length === 0) return [];
    const perWord: Map<number, WordMatch>[] = [];
    for (const word of words) perWord.push(yield* matchWord(word));
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
      if (ranked.length % RANKED_PER_STEP === 0) yield;
    }
    yield;
    sortRankedHits(ranked);
    yield;
    const hits: SearchHit[] = [];
    // Spelt out: a rest pattern copying 40,000 hits was most of a long transcript's search (issue 11).
    for (const { segmentIndex, ranges, matchOffset, matchedWords, isExactPhrase } of ranked) {
      hits.push({ segmentIndex, ranges, matchOffset, matchedWords, isExactPhrase });
      if (hits.length % STEP === 0) yield;
    }
    return hits;
  }

  return { search: (query) => runToEnd(searchSteps(query)), searchSteps };
}
