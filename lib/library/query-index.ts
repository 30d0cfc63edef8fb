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
import { groupByVideo, MAX_QUERY_WORDS, rankKey, type VideoMatches } from './rank-videos';
import { decodeDocs, findPart, holdsPhrase } from './read-part';

export { MAX_QUERY_WORDS, PHRASE_RANK, type VideoMatches } from './rank-videos';

/** The vocabulary words one query word stands for, with their spelling scores. */
export interface QueryWord {
  word: string;
  spellings: ReadonlyMap<string, number>;
  /** The same spellings by word id (as numbered in the index's parts), when known. */
  spellingIds?: ReadonlyMap<number, number> | undefined;
}

export interface IndexMatches {
  queryWords: QueryWord[];
  resultCount: number;
  /** Best video first. */
  videos: VideoMatches[];
}

/** What one query word matches across the library: its docs (in doc order) and the best spelling score in each. */
interface WordHits {
  spellings: readonly SpellingMatch[];
  /** The word ids of `spellings`. */
  ids: Uint32Array;
  docs: Uint32Array;
  /** Each doc's score, or `undefined` when every doc has `score` (one spelling). */
  scores: Float32Array | undefined;
  score: number;
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
  const docCount = index.videoFirstDoc[index.videoFirstDoc.length - 1] ?? 0;
  const cache = new Map<string, WordHits>();
  // Scratch, reset after each use: decoded docs; a word's best score per doc; per query, words held and score gained per doc.
  const decoded = new Uint32Array(docCount);
  const best = new Float32Array(docCount).fill(1);
  const held = new Uint8Array(docCount);
  const gained = new Float64Array(docCount);
  const matchedScratch = new Uint32Array(docCount);
  const ranksScratch = new Float64Array(docCount);
  // Docs that may hold the phrase (found, or not checked); checks put off: where, and the key should the phrase be there.
  const candidateScratch = new Uint32Array(docCount);
  const pendingPositions = new Uint32Array(docCount);
  const pendingKeys = new Float64Array(docCount);
  const masks = new Int32Array(index.words.length);
  // The last query's docs that may hold the phrase. Typing on narrows the last word's
  // spellings (and the leading words stay): then only these docs can still hold it.
  let previousPhrase: { leading: readonly WordHits[]; lastIds: ReadonlySet<number>; docs: Uint32Array } | undefined;

  function isNarrowing(perWord: readonly WordHits[]): boolean {
    const last = perWord.length - 1;
    return (
      previousPhrase !== undefined &&
      previousPhrase.leading.length === last &&
      previousPhrase.leading.every((hits, w) => hits === perWord[w]) &&
      perWord[last]!.ids.every((id) => previousPhrase!.lastIds.has(id))
    );
  }

  function collectDocs(spellings: readonly SpellingMatch[]): WordHits {
    const ids = Uint32Array.from(spellings, ({ index: sorted }) => index.wordIds[sorted]!);
    if (spellings.length === 1) {
      const count = decodeDocs(index.parts, ids[0]!, decoded, 0);
      return { spellings, ids, docs: decoded.slice(0, count), scores: undefined, score: spellings[0]!.score };
    }
    let touched = 0;
    let first = docCount;
    spellings.forEach(({ score }, s) => {
      const count = decodeDocs(index.parts, ids[s]!, decoded, 0);
      if (count === 0) return;
      first = Math.min(first, decoded[0]!);
      for (let i = 0; i < count; i += 1) {
        const doc = decoded[i]!;
        if (best[doc] === 1) touched += 1;
        if (score < best[doc]!) best[doc] = score;
      }
    });
    const docs = new Uint32Array(touched);
    const scores = new Float32Array(touched);
    // One pass in doc order collects and resets: cheaper than sorting what the postings gave.
    for (let doc = first, n = 0; n < touched; doc += 1) {
      if (best[doc]! < 1) {
        docs[n] = doc;
        scores[n] = best[doc]!;
        best[doc] = 1;
        n += 1;
      }
    }
    return { spellings, ids, docs, scores, score: 0 };
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
    const queryWords = words.map((word, w) => ({
      word,
      spellings: new Map(perWord[w]!.spellings.map(({ index: sorted, score }) => [index.words[sorted]!, score])),
      spellingIds: new Map(perWord[w]!.spellings.map(({ index: sorted, score }) => [index.wordIds[sorted]!, score])),
    }));
    if (words.length === 1) return matchOneWord(index, queryWords, perWord[0]!);
    // Per word id, a bit for each query word it stands for: a phrase is one pass of shift-and over a doc's words.
    const setMasks = (isOn: boolean) => perWord.forEach(({ ids }, w) => ids.forEach((id) => (masks[id] = isOn ? masks[id]! | (1 << w) : 0)));
    // Each word adds to the docs it is in: work in proportion to the hits, not to the library.
    let first = docCount;
    let end = 0;
    for (const { docs, scores, score } of perWord) {
      if (docs.length === 0) continue;
      first = Math.min(first, docs[0]!);
      end = Math.max(end, docs[docs.length - 1]! + 1);
      for (let i = 0; i < docs.length; i += 1) {
        const doc = docs[i]!;
        held[doc]! += 1;
        gained[doc]! += 1 - (scores === undefined ? score : scores[i]!);
      }
    }
    const goal = 1 << last;
    const narrowTo = isNarrowing(perWord) ? previousPhrase!.docs : undefined;
    const { videoFirstDoc, parts } = index;
    setMasks(true);
    let matchedCount = 0;
    let candidateCount = 0;
    let pendingCount = 0;
    let part = 0;
    let k = 0;
    // The video of the last doc that could hold the phrase, and the best phrase key found in it.
    let video = 0;
    let videoEnd = 0;
    let videoBest = 0;
    for (let doc = first; doc < end; doc += 1) {
      const count = held[doc]!;
      if (count === 0) continue;
      const scoreSum = words.length - gained[doc]!;
      let isPhrase = false;
      if (count === words.length) {
        if (narrowTo) while (k < narrowTo.length && narrowTo[k]! < doc) k += 1;
        if (!narrowTo || narrowTo[k] === doc) {
          if (doc >= videoEnd) {
            while (videoFirstDoc[video + 1]! <= doc) video += 1;
            videoEnd = videoFirstDoc[video + 1]!;
            videoBest = 0;
          }
          const phraseKey = rankKey(true, count, scoreSum);
          const isPending = phraseKey <= videoBest;
          if (!isPending) {
            while (doc >= parts[part]!.firstDoc + parts[part]!.docCount) part += 1;
            isPhrase = holdsPhrase(parts[part]!, doc - parts[part]!.firstDoc, masks, goal);
            if (isPhrase) videoBest = phraseKey;
          } else {
            // It cannot raise its video: checked only if the video is shown.
            pendingPositions[pendingCount] = matchedCount;
            pendingKeys[pendingCount] = phraseKey;
            pendingCount += 1;
          }
          // The docs that may hold the phrase: typing on checks only these.
          if (isPhrase || isPending) {
            candidateScratch[candidateCount] = doc;
            candidateCount += 1;
          }
        }
      }
      matchedScratch[matchedCount] = doc;
      ranksScratch[matchedCount] = rankKey(isPhrase, count, scoreSum);
      matchedCount += 1;
      held[doc] = 0;
      gained[doc] = 0;
    }
    setMasks(false);
    previousPhrase = { leading: perWord.slice(0, last), lastIds: new Set(perWord[last]!.ids), docs: candidateScratch.slice(0, candidateCount) };
    const holdPhrase = (docs: Uint32Array): Uint8Array => {
      setMasks(true);
      const holds = Uint8Array.from(docs, (doc) => {
        const docPart = findPart(parts, doc);
        return holdsPhrase(docPart, doc - docPart.firstDoc, masks, goal) ? 1 : 0;
      });
      setMasks(false);
      return holds;
    };
    // Copies: the scratch arrays serve the next query.
    const pending = { positions: pendingPositions.slice(0, pendingCount), keys: pendingKeys.slice(0, pendingCount), holdPhrase };
    return {
      queryWords,
      resultCount: matchedCount,
      videos: groupByVideo(videoFirstDoc, matchedScratch.slice(0, matchedCount), ranksScratch.slice(0, matchedCount), pending),
    };
  };
}

/** A one-word query: its docs as they are, ranked by spelling alone (the keys of a longer query, without the tallies). */
function matchOneWord(index: LibraryIndex, queryWords: QueryWord[], { docs, scores, score }: WordHits): IndexMatches {
  const ranks = new Float64Array(docs.length);
  for (let i = 0; i < docs.length; i += 1) ranks[i] = rankKey(false, 1, 1 - (1 - (scores === undefined ? score : scores[i]!)));
  return { queryWords, resultCount: docs.length, videos: groupByVideo(index.videoFirstDoc, docs, ranks) };
}
