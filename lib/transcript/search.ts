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
import Fuse from 'fuse.js';
import type { Segment } from './types';

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

/** Fuzzy matching of one misspelt query word against the video's words. */
export const WORD_FUSE_OPTIONS = {
  includeScore: true,
  // A typo may be anywhere in the word, and a word may be part of a longer one.
  ignoreLocation: true,
  // 0 is exact; ~0.34 allows one typo in a 3-5 letter word, two in a long one.
  threshold: 0.34,
  isCaseSensitive: false,
} as const;

/** Shorter query words match only as typed (or as the start of a word): fuzzy two-letter matches are noise. */
const MIN_FUZZY_WORD_LENGTH = 3;
/** Scores rank exact words, then words being typed, then spelling corrections. */
const PREFIX_SCORE = 0.05;
const FUZZY_BASE_SCORE = 0.1;
const MAX_CACHED_WORDS = 200;
const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

interface Posting {
  segmentIndex: number;
  start: number;
  end: number;
}

interface WordMatch {
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

/** Builds the search for one transcript. Cost: one pass over the text plus a Fuse index of distinct words. */
export function createTranscriptSearch(segments: readonly Segment[]): TranscriptSearch {
  const postingsByWord = new Map<string, Posting[]>();
  // Offsets come from the original text; only the vocabulary key is folded.
  segments.forEach(({ text }, segmentIndex) => {
    for (const match of text.matchAll(WORD_PATTERN)) {
      const word = normalizeText(match[0]);
      const posting = { segmentIndex, start: match.index, end: match.index + match[0].length };
      const list = postingsByWord.get(word);
      if (list) list.push(posting);
      else postingsByWord.set(word, [posting]);
    }
  });
  const vocabulary = [...postingsByWord.keys()];
  const sortedVocabulary = [...vocabulary].sort();
  // Corrections are about as long as the typo, so fuse.js only ever needs the
  // words of a few lengths: one small index per length, built on first use.
  const wordsByLength = new Map<number, string[]>();
  for (const word of vocabulary) wordsByLength.set(word.length, [...(wordsByLength.get(word.length) ?? []), word]);
  const fuseByLength = new Map<number, Fuse<string>>();
  const fuseFor = (length: number): Fuse<string> | undefined => {
    const words = wordsByLength.get(length);
    if (!words) return undefined;
    let fuse = fuseByLength.get(length);
    if (!fuse) {
      fuse = new Fuse(words, WORD_FUSE_OPTIONS, Fuse.createIndex([], words));
      fuseByLength.set(length, fuse);
    }
    return fuse;
  };
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
    // A word the video really contains (or starts, while it is being typed) is
    // what the user meant; spelling variants would only add noise ("word" → "work").
    const spelled = wordsStartingWith(sortedVocabulary, queryWord);
    if (spelled.length > 0) {
      for (const word of spelled) addWord(word, word === queryWord ? 0 : PREFIX_SCORE * (1 - queryWord.length / word.length));
    } else if (queryWord.length >= MIN_FUZZY_WORD_LENGTH) {
      // A correction is about as long as the typo; "bias" is not a misspelt "basically".
      const spread = maxLengthDifference(queryWord);
      for (let length = queryWord.length - spread; length <= queryWord.length + spread; length += 1) {
        for (const result of fuseFor(length)?.search(queryWord) ?? []) addWord(result.item, FUZZY_BASE_SCORE + (result.score ?? 0));
      }
    }
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

    const ranked: Array<SearchHit & { scoreSum: number; span: number }> = [];
    for (const segmentIndex of candidates) {
      const present: WordMatch[] = [];
      let scoreSum = 0;
      for (const matches of perWord) {
        const match = matches.get(segmentIndex);
        if (match) {
          present.push(match);
          scoreSum += match.score;
        } else scoreSum += 1;
      }
      // Only a segment holding every word can hold the phrase; offsets come from the original text.
      const phraseOffset =
        words.length > 1 && present.length === words.length
          ? findAdjacentRun(segments[segmentIndex]!.text, present.map((match) => match.postings))
          : -1;
      const window = smallestWindow(present.map((match) => match.postings));
      ranked.push({
        segmentIndex,
        ranges: mergeRanges(present.flatMap((match) => match.postings.map((p): TextRange => [p.start, p.end]))),
        matchOffset: phraseOffset >= 0 ? phraseOffset : window.start,
        matchedWords: present.length,
        isExactPhrase: phraseOffset >= 0,
        scoreSum,
        span: window.end - window.start,
      });
    }
    ranked.sort(
      (a, b) =>
        Number(b.isExactPhrase) - Number(a.isExactPhrase) ||
        b.matchedWords - a.matchedWords ||
        a.scoreSum - b.scoreSum ||
        a.span - b.span ||
        a.segmentIndex - b.segmentIndex,
    );
    return ranked.map(({ scoreSum: _scoreSum, span: _span, ...hit }) => hit);
  }

  return { search };
}

function maxLengthDifference(queryWord: string): number {
  return Math.max(2, Math.ceil(queryWord.length / 4));
}

/** The words of a sorted list that start with `prefix` (binary search for the first, then a scan). */
export function wordsStartingWith(sortedWords: readonly string[], prefix: string): string[] {
  let low = 0;
  let high = sortedWords.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sortedWords[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  for (let i = low; i < sortedWords.length && sortedWords[i]!.startsWith(prefix); i += 1) found.push(sortedWords[i]!);
  return found;
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
