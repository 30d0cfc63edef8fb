/**
 * A query against the library index: which segments hold which query words,
 * ranked as the panel ranks them (exact phrase, then most words, then closest
 * spelling), grouped by video, videos ordered by their best segment. Numbers
 * only: no transcript text is read here, so a query costs a few posting
 * lists, whatever the size of the library.
 */
import { tokenizeQuery } from '../transcript/search';
import { createWordMatcher, type SpellingMatch } from '../transcript/word-match';
import type { LibraryIndex } from './library-index';

/** Longer queries keep their first words: nobody types 30 words, and the rank key has room for this many. */
export const MAX_QUERY_WORDS = 24;

/** The vocabulary words one query word stands for, with their spelling scores. */
export interface QueryWord {
  word: string;
  spellings: ReadonlyMap<string, number>;
}

export interface VideoMatches {
  video: number;
  /** The video's matching docs, in doc order. */
  docs: Uint32Array;
  /** Rank key of its best doc (higher is better). */
  bestRank: number;
}

export interface IndexMatches {
  queryWords: QueryWord[];
  /** Rank key per doc (0: no match); read it for a video's docs. */
  rankOf: (doc: number) => number;
  resultCount: number;
  /** Best video first. */
  videos: VideoMatches[];
}

/**
 * One number that sorts as the panel's first three keys: phrase, then words
 * held, then the summed spelling score (each word adds 1 when absent, < 0.5 when present).
 */
function rankKey(isPhrase: boolean, matchedWords: number, scoreSum: number): number {
  return (isPhrase ? 1_000_000 : 0) + matchedWords * 1_000 + (MAX_QUERY_WORDS - scoreSum);
}

/** What one query word matches across the library. */
interface WordHits {
  spellings: SpellingMatch[];
  /** Best spelling score per doc; 1 where the doc lacks the word (it then sums like the panel's). */
  scores: Float32Array;
}

/** Query words remembered while typing: only the word being typed is looked up again. */
const CACHED_WORDS = 8;

export type IndexQuery = (query: string) => IndexMatches | undefined;

/**
 * A query function over one index: finds the docs a query matches. Pure apart
 * from its cache of recent words; allocates a few arrays the size of the doc
 * count. Answers `undefined` when the query has no word (blank or punctuation).
 */
export function createIndexQuery(index: LibraryIndex): IndexQuery {
  const matcher = createWordMatcher(index.words);
  const docCount = index.docVideo.length;
  const cache = new Map<string, WordHits>();

  function findWord(word: string, prefix: boolean): WordHits {
    const key = `${prefix ? '*' : '='}${word}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const spellings = matcher.match(word, { prefix });
    const scores = new Float32Array(docCount).fill(1);
    for (const { index: id, score } of spellings) {
      for (let p = index.postingStart[id]!; p < index.postingStart[id + 1]!; p += 1) {
        const doc = index.postingDocs[p]!;
        if (score < scores[doc]!) scores[doc] = score;
      }
    }
    if (cache.size >= CACHED_WORDS) cache.delete(cache.keys().next().value!);
    const hits = { spellings, scores };
    cache.set(key, hits);
    return hits;
  }

  return (query) => {
    const words = tokenizeQuery(query).slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return undefined;
    const last = words.length - 1;
    const perWord = words.map((word, position) => findWord(word, position === last && word.length >= 2));
    const members = words.length > 1 ? perWord.map(({ spellings }) => toMembership(index.words.length, spellings)) : [];
    const ranks = new Float64Array(docCount);
    const matched = new Uint32Array(docCount);
    let matchedCount = 0;
    for (let doc = 0; doc < docCount; doc += 1) {
      let held = 0;
      let scoreSum = 0;
      for (const { scores } of perWord) {
        const score = scores[doc]!;
        scoreSum += score;
        if (score < 1) held += 1;
      }
      if (held === 0) continue;
      const isPhrase = held === words.length && words.length > 1 && holdsPhrase(index, doc, members);
      ranks[doc] = rankKey(isPhrase, held, scoreSum);
      matched[matchedCount] = doc;
      matchedCount += 1;
    }
    return {
      queryWords: words.map((word, w) => ({
        word,
        spellings: new Map(perWord[w]!.spellings.map(({ index: id, score }) => [index.words[id]!, score])),
      })),
      rankOf: (doc) => ranks[doc]!,
      resultCount: matchedCount,
      videos: groupByVideo(index, matched.subarray(0, matchedCount), ranks),
    };
  };
}

function toMembership(vocabularySize: number, spellings: readonly SpellingMatch[]): Uint8Array {
  const member = new Uint8Array(vocabularySize);
  for (const { index } of spellings) member[index] = 1;
  return member;
}

/** Whether the doc holds the query's words one after the other (only spaces or punctuation between). */
function holdsPhrase(index: LibraryIndex, doc: number, members: readonly Uint8Array[]): boolean {
  const end = index.tokenStart[doc + 1]! - members.length;
  for (let start = index.tokenStart[doc]!; start <= end; start += 1) {
    let w = 0;
    while (w < members.length && members[w]![index.tokens[start + w]!] === 1) w += 1;
    if (w === members.length) return true;
  }
  return false;
}

/** Splits doc-ordered matches into videos; best video first, then more matches, then dataset order. */
function groupByVideo(index: LibraryIndex, matched: Uint32Array, ranks: Float64Array): VideoMatches[] {
  const videos: VideoMatches[] = [];
  let from = 0;
  while (from < matched.length) {
    const video = index.docVideo[matched[from]!]!;
    let to = from;
    let bestRank = 0;
    while (to < matched.length && index.docVideo[matched[to]!] === video) {
      bestRank = Math.max(bestRank, ranks[matched[to]!]!);
      to += 1;
    }
    videos.push({ video, docs: matched.subarray(from, to), bestRank });
    from = to;
  }
  return videos.sort((a, b) => b.bestRank - a.bestRank || b.docs.length - a.docs.length || a.video - b.video);
}
