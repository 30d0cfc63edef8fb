/**
 * A video's hits as the user sees them: the segment text with the matched
 * words marked, the moment the phrase is spoken and a link there. Uses the
 * panel's own per-segment ranking (`describeSegmentMatch`) on the words the
 * index matched, so a hit is marked and timed exactly as in the panel.
 */
import { estimatePhraseTime } from '../transcript/phrase-time';
import {
  compareRankedHits,
  describeSegmentMatch,
  normalizeText,
  type Posting,
  type TextRange,
  type WordMatch,
} from '../transcript/search';
import type { Segment } from '../transcript/types';
import { buildWatchUrl, type VideoId } from '../youtube/url';
import { PHRASE_RANK, type QueryWord } from './query-index';
import { scanWords } from './scan-words';

export interface LibraryHit {
  /** The video the hit is in. */
  videoId: VideoId;
  /** Index of the segment in its transcript. */
  segmentIndex: number;
  text: string;
  /** Matched characters of `text`, for `<mark>`. */
  ranges: TextRange[];
  /** When the matched phrase is spoken (whole seconds are in `url`). */
  seconds: number;
  url: string;
  isExactPhrase: boolean;
}

/** Segments ranked on their full key per video: enough to fill any page while bounding the text read for common words. */
const MAX_DESCRIBED_PER_VIDEO = 60;

/** The query words a spelling stands for, with its score for each: `[query word, score]` pairs. */
type SpellingHits = ReadonlyArray<readonly [number, number]>;

/** What each word of a text stands for, by its position among the text's words and its characters. */
type WordHitsOf = (position: number, start: number, end: number) => SpellingHits | undefined;

/**
 * Where each query word occurs in one text, through the spellings the index
 * matched: `hitsOf` says what each word stands for. `undefined` when `hitsOf`
 * knew the text to have another number of words (then read it by spelling).
 */
function findWordMatches(text: string, queryWordCount: number, hitsOf: WordHitsOf, wordCount?: number): WordMatch[] | undefined {
  const found: Array<WordMatch | undefined> = Array.from({ length: queryWordCount }, () => undefined);
  let position = 0;
  scanWords(text, (start, end) => {
    const hits = hitsOf(position, start, end);
    position += 1;
    if (hits === undefined) return;
    for (const [w, score] of hits) {
      const posting: Posting = { segmentIndex: 0, start, end };
      const existing = found[w];
      if (existing) {
        existing.postings.push(posting);
        existing.score = Math.min(existing.score, score);
      } else found[w] = { score, postings: [posting] };
    }
  });
  if (wordCount !== undefined && position !== wordCount) return undefined;
  return found.filter((match): match is WordMatch => match !== undefined);
}

/**
 * What a spelling stands for, read from the text. `memo` remembers each
 * spelling across texts (a few hundred texts share a few thousand
 * spellings): one lookup per word of the text, and most stand for nothing.
 */
function hitsBySpelling(text: string, queryWords: readonly QueryWord[], memo: Map<string, SpellingHits>): WordHitsOf {
  return (_position, start, end) => {
    const spelling = text.slice(start, end);
    let hits = memo.get(spelling);
    if (hits === undefined) {
      const word = normalizeText(spelling);
      hits = queryWords.flatMap(({ spellings }, w) => {
        const score = spellings.get(word);
        return score === undefined ? [] : [[w, score] as const];
      });
      memo.set(spelling, hits);
    }
    return hits;
  };
}

/** The query words each word id stands for, with its scores (ids of no query word are absent); `undefined` if the ids are not known. */
function indexSpellingIds(queryWords: readonly QueryWord[]): Map<number, SpellingHits> | undefined {
  if (!queryWords.every(({ spellingIds }) => spellingIds)) return undefined;
  const byId = new Map<number, Array<readonly [number, number]>>();
  queryWords.forEach(({ spellingIds }, w) =>
    spellingIds!.forEach((score, id) => {
      const hits = byId.get(id);
      if (hits) hits.push([w, score]);
      else byId.set(id, [[w, score]]);
    }),
  );
  return byId;
}

export interface DescribeHitsOptions {
  videoId: VideoId;
  segments: readonly Segment[];
  /** The video's matching segments as the index's docs, ascending: `doc - firstDoc` is the segment's index. */
  docs: ArrayLike<number>;
  firstDoc: number;
  /** The index's rank key of each of `docs`. */
  ranks: ArrayLike<number>;
  queryWords: readonly QueryWord[];
  limit: number;
  /**
   * The index's word ids of a segment, in order (the words as `scanWords`
   * reads them): what each word stands for is then a look-up by id, not by
   * its spelling. Without it, or if a text's words do not line up, by spelling.
   */
  segmentWords?: ((segmentIndex: number) => ArrayLike<number>) | undefined;
}

/**
 * Positions of the `count` best of `ranks` (highest first; of equals, the
 * earlier), in position order. A typed sort of the ranks finds the cut: no
 * object or comparator per candidate (a common word has hundreds per video). Pure.
 */
export function pickBestPositions(ranks: ArrayLike<number>, count: number): number[] {
  if (ranks.length <= count) return Array.from({ length: ranks.length }, (_, i) => i);
  const ascending = Float64Array.from(ranks).sort();
  const cut = ascending[ascending.length - count]!;
  let above = 0;
  for (let i = 0; i < ranks.length; i += 1) if (ranks[i]! > cut) above += 1;
  let equalsWanted = count - above;
  const picked: number[] = [];
  for (let i = 0; i < ranks.length; i += 1) {
    const rank = ranks[i]!;
    if (rank > cut) picked.push(i);
    else if (rank === cut && equalsWanted > 0) {
      picked.push(i);
      equalsWanted -= 1;
    }
  }
  return picked;
}

/** Rank keys this close are the same key summed in another order. */
const RANK_TOLERANCE = 1e-9;

/**
 * Of `positions`, those that can still be among the best `limit` once their
 * text is read: the text's first keys are the index's (phrase, words held,
 * spelling), so no segment below the `limit`-th best key can rise above it;
 * its ties are kept for the text's tie-breaks (tightest cluster). Pure.
 */
function keepContenders(positions: readonly number[], ranks: ArrayLike<number>, limit: number): number[] {
  if (limit <= 0 || positions.length <= limit) return [...positions];
  const descending = Float64Array.from(positions, (position) => ranks[position]!).sort().reverse();
  const cut = descending[limit - 1]! - RANK_TOLERANCE;
  return positions.filter((position) => ranks[position]! >= cut);
}

/** The video's best `limit` hits, best first. Pure. */
export function describeVideoHits({ videoId, segments, docs, firstDoc, ranks, queryWords, limit, segmentWords }: DescribeHitsOptions): LibraryHit[] {
  // The index's key orders phrase, words held and spelling; the text adds the
  // panel's last tie-breaks (tightest cluster), for the best few only.
  const best = pickBestPositions(ranks, Math.max(limit, MAX_DESCRIBED_PER_VIDEO));
  const memo = new Map<string, SpellingHits>();
  const byId = segmentWords ? indexSpellingIds(queryWords) : undefined;
  const matchText = (segmentIndex: number, text: string): WordMatch[] => {
    if (byId) {
      const ids = segmentWords!(segmentIndex);
      const present = findWordMatches(text, queryWords.length, (position) => byId.get(ids[position]!), ids.length);
      if (present) return present;
    }
    return findWordMatches(text, queryWords.length, hitsBySpelling(text, queryWords, memo))!;
  };
  const rankTexts = (positions: readonly number[]) =>
    positions.flatMap((position) => {
      const segmentIndex = docs[position]! - firstDoc;
      const segment = segments[segmentIndex];
      if (!segment) return [];
      const present = matchText(segmentIndex, segment.text);
      if (present.length === 0) return [];
      const hit = describeSegmentMatch({ segmentIndex, text: segment.text, present, queryWordCount: queryWords.length });
      return [{ segment, hit, isPhraseRank: ranks[position]! >= PHRASE_RANK }];
    });
  let ranked = rankTexts(keepContenders(best, ranks, limit));
  // Should the text ever deny a phrase the index found, lower segments could rise: read the whole shortlist.
  if (ranked.some(({ hit, isPhraseRank }) => isPhraseRank && !hit.isExactPhrase)) ranked = rankTexts(best);
  ranked.sort((a, b) => compareRankedHits(a.hit, b.hit));
  return ranked.slice(0, limit).map(({ segment, hit }) => {
    const seconds = estimatePhraseTime(segment, hit.matchOffset);
    return {
      videoId,
      segmentIndex: hit.segmentIndex,
      text: segment.text,
      ranges: hit.ranges,
      seconds,
      url: buildWatchUrl(videoId, seconds),
      isExactPhrase: hit.isExactPhrase,
    };
  });
}
