/**
 * Which words of a vocabulary a query word stands for: the word itself, the
 * words it starts (while it is being typed), or, when there are none, its
 * closest spellings (fuse.js). Shared by the panel's search in one video and
 * the library's search across all of them, so both forgive the same typos.
 */
import Fuse from 'fuse.js';
import { countLeading } from './sorted';

/** Fuzzy matching of one misspelt query word against the vocabulary. */
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

/** One vocabulary word a query word stands for. */
export interface SpellingMatch {
  /** Position of the word in the sorted vocabulary. */
  index: number;
  /** 0 for the word as typed, up to ~0.44 for the loosest correction. */
  score: number;
}

export interface MatchOptions {
  /** Also accept the words this one starts (the word being typed). */
  prefix: boolean;
}

export interface WordMatcher {
  /** Matches of one normalized query word, in no particular order. Pure apart from a lazily built fuzzy index. */
  match: (queryWord: string, options: MatchOptions) => SpellingMatch[];
}

/** Indices `[from, to)` of the words of a sorted list that start with `prefix`. */
export function findPrefixRange(sortedWords: readonly string[], prefix: string): [from: number, to: number] {
  const from = countLeading(sortedWords, (word) => word < prefix);
  let to = from;
  while (to < sortedWords.length && sortedWords[to]!.startsWith(prefix)) to += 1;
  return [from, to];
}

/** The words of a sorted list that start with `prefix`. */
export function wordsStartingWith(sortedWords: readonly string[], prefix: string): string[] {
  const [from, to] = findPrefixRange(sortedWords, prefix);
  return sortedWords.slice(from, to);
}

/** A correction is about as long as the typo; "bias" is not a misspelt "basically". */
function maxLengthDifference(queryWord: string): number {
  return Math.max(2, Math.ceil(queryWord.length / 4));
}

/** A matcher over a vocabulary that is already sorted (code-unit order, as `Array.prototype.sort`). */
export function createWordMatcher(sortedWords: readonly string[]): WordMatcher {
  // Corrections are about as long as the typo, so fuse.js only ever needs the
  // words of a few lengths: one small index per length, built on first use.
  let indicesByLength: Map<number, number[]> | undefined;
  const fuseByLength = new Map<number, { fuse: Fuse<string>; indices: number[] }>();
  const fuseFor = (length: number) => {
    if (!indicesByLength) {
      indicesByLength = new Map();
      sortedWords.forEach((word, index) => {
        const list = indicesByLength!.get(word.length);
        if (list) list.push(index);
        else indicesByLength!.set(word.length, [index]);
      });
    }
    const indices = indicesByLength.get(length);
    if (!indices) return undefined;
    let entry = fuseByLength.get(length);
    if (!entry) {
      const words = indices.map((index) => sortedWords[index]!);
      entry = { fuse: new Fuse(words, WORD_FUSE_OPTIONS, Fuse.createIndex([], words)), indices };
      fuseByLength.set(length, entry);
    }
    return entry;
  };

  function match(queryWord: string, { prefix }: MatchOptions): SpellingMatch[] {
    // A word the vocabulary really holds (or starts, while it is being typed) is
    // what the user meant; spelling variants would only add noise ("word" → "work").
    const [from, to] = findPrefixRange(sortedWords, queryWord);
    const found: SpellingMatch[] = [];
    for (let index = from; index < to; index += 1) {
      const word = sortedWords[index]!;
      if (word === queryWord) found.push({ index, score: 0 });
      else if (prefix) found.push({ index, score: PREFIX_SCORE * (1 - queryWord.length / word.length) });
    }
    if (found.length > 0 || queryWord.length < MIN_FUZZY_WORD_LENGTH) return found;
    const spread = maxLengthDifference(queryWord);
    for (let length = queryWord.length - spread; length <= queryWord.length + spread; length += 1) {
      const entry = fuseFor(length);
      for (const result of entry?.fuse.search(queryWord) ?? []) {
        found.push({ index: entry!.indices[result.refIndex]!, score: FUZZY_BASE_SCORE + (result.score ?? 0) });
      }
    }
    return found;
  }

  return { match };
}
