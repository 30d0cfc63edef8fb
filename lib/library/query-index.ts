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
  /** Rank key of each of `docs` (higher is better). */
  ranks: Float64Array;
  /** Rank key of its best doc. */
  bestRank: number;
}

export interface IndexMatches {
  queryWords: QueryWord[];
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

/** What one query word matches across the library: its docs (in doc order) and the best spelling score in each. */
interface WordHits {
  spellings: readonly SpellingMatch[];
  docs: Uint32Array;
  scores: Float32Array;
}

/** Query words remembered while typing: only the word being typed is looked up again. */
const CACHED_WORDS = 8;

export type IndexQuery = (query: string) => IndexMatches | undefined;

/**
 * A query function over one index: finds the docs a query matches. Pure apart
 * from its cache of recent words and its scratch arrays (the size of the doc
 * count, allocated once: a keystroke allocates only what it returns).
 * Answers `undefined` when the query has no word (blank or punctuation).
 */
export function createIndexQuery(index: LibraryIndex): IndexQuery {
  const matcher = createWordMatcher(index.words);
  const docCount = index.docVideo.length;
  const cache = new Map<string, WordHits>();
  // Scratch, reset after each use: a word's best score per doc; per query, words held and score gained per doc.
  const best = new Float32Array(docCount).fill(1);
  const held = new Uint8Array(docCount);
  const gained = new Float64Array(docCount);
  const matchedScratch = new Uint32Array(docCount);
  const ranksScratch = new Float64Array(docCount);

  /** The docs of one spelling are its posting list, already sorted; several spellings are merged through `best`. */
  function collectDocs(spellings: readonly SpellingMatch[]): WordHits {
    if (spellings.length === 1) {
      const { index: id, score } = spellings[0]!;
      const docs = index.postingDocs.subarray(index.postingStart[id], index.postingStart[id + 1]);
      return { spellings, docs, scores: new Float32Array(docs.length).fill(score) };
    }
    let touched = 0;
    for (const { index: id, score } of spellings) {
      for (let p = index.postingStart[id]!; p < index.postingStart[id + 1]!; p += 1) {
        const doc = index.postingDocs[p]!;
        if (best[doc] === 1) touched += 1;
        if (score < best[doc]!) best[doc] = score;
      }
    }
    const docs = new Uint32Array(touched);
    const scores = new Float32Array(touched);
    // One pass in doc order collects and resets: cheaper than sorting what the postings gave.
    for (let doc = 0, n = 0; n < touched; doc += 1) {
      if (best[doc]! < 1) {
        docs[n] = doc;
        scores[n] = best[doc]!;
        best[doc] = 1;
        n += 1;
      }
    }
    return { spellings, docs, scores };
  }

  function findWord(word: string, prefix: boolean): WordHits {
    const key = `${prefix ? '*' : '='}${word}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const hits = collectDocs(matcher.match(word, { prefix }));
    if (cache.size >= CACHED_WORDS) cache.delete(cache.keys().next().value!);
    cache.set(key, hits);
    return hits;
  }

  return (query) => {
    const words = tokenizeQuery(query).slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return undefined;
    const last = words.length - 1;
    const perWord = words.map((word, position) => findWord(word, position === last && word.length >= 2));
    const members = words.length > 1 ? perWord.map(({ spellings }) => toMembership(index.words.length, spellings)) : [];
    // Each word adds to the docs it is in: work in proportion to the hits, not to the library.
    let first = docCount;
    let end = 0;
    for (const { docs, scores } of perWord) {
      if (docs.length === 0) continue;
      first = Math.min(first, docs[0]!);
      end = Math.max(end, docs[docs.length - 1]! + 1);
      for (let i = 0; i < docs.length; i += 1) {
        const doc = docs[i]!;
        held[doc]! += 1;
        gained[doc]! += 1 - scores[i]!;
      }
    }
    let matchedCount = 0;
    for (let doc = first; doc < end; doc += 1) {
      const count = held[doc]!;
      if (count === 0) continue;
      const isPhrase = count === words.length && words.length > 1 && holdsPhrase(index, doc, members);
      matchedScratch[matchedCount] = doc;
      ranksScratch[matchedCount] = rankKey(isPhrase, count, words.length - gained[doc]!);
      matchedCount += 1;
      held[doc] = 0;
      gained[doc] = 0;
    }
    return {
      queryWords: words.map((word, w) => ({
        word,
        spellings: new Map(perWord[w]!.spellings.map(({ index: id, score }) => [index.words[id]!, score])),
      })),
      resultCount: matchedCount,
      // Copies: the scratch arrays serve the next query.
      videos: groupByVideo(index, matchedScratch.slice(0, matchedCount), ranksScratch.slice(0, matchedCount)),
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
      bestRank = Math.max(bestRank, ranks[to]!);
      to += 1;
    }
    videos.push({ video, docs: matched.subarray(from, to), ranks: ranks.subarray(from, to), bestRank });
    from = to;
  }
  return videos.sort((a, b) => b.bestRank - a.bestRank || b.docs.length - a.docs.length || a.video - b.video);
}
