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
import type { QueryWord } from './query-index';
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

/**
 * Where each query word occurs in one text, through the spellings the index
 * matched. `normalized` remembers each spelling's normal form across texts: a
 * few hundred texts share a few thousand spellings.
 */
function findWordMatches(text: string, queryWords: readonly QueryWord[], normalized: Map<string, string>): WordMatch[] {
  const found: Array<WordMatch | undefined> = queryWords.map(() => undefined);
  scanWords(text, (start, end) => {
    const spelling = text.slice(start, end);
    let word = normalized.get(spelling);
    if (word === undefined) {
      word = normalizeText(spelling);
      normalized.set(spelling, word);
    }
    for (let w = 0; w < queryWords.length; w += 1) {
      const score = queryWords[w]!.spellings.get(word);
      if (score === undefined) continue;
      const posting: Posting = { segmentIndex: 0, start, end };
      const existing = found[w];
      if (existing) {
        existing.postings.push(posting);
        existing.score = Math.min(existing.score, score);
      } else found[w] = { score, postings: [posting] };
    }
  });
  return found.filter((match): match is WordMatch => match !== undefined);
}

export interface DescribeHitsOptions {
  videoId: VideoId;
  segments: readonly Segment[];
  /** The video's matching segments, by index in `segments`, with the index's rank key. */
  candidates: ReadonlyArray<{ segmentIndex: number; rank: number }>;
  queryWords: readonly QueryWord[];
  limit: number;
}

/** The video's best `limit` hits, best first. Pure. */
export function describeVideoHits({ videoId, segments, candidates, queryWords, limit }: DescribeHitsOptions): LibraryHit[] {
  // The index's key orders phrase, words held and spelling; the text adds the
  // panel's last tie-breaks (tightest cluster), for the best few only.
  const shortlist = [...candidates]
    .sort((a, b) => b.rank - a.rank || a.segmentIndex - b.segmentIndex)
    .slice(0, Math.max(limit, MAX_DESCRIBED_PER_VIDEO));
  const normalized = new Map<string, string>();
  const ranked = shortlist.flatMap(({ segmentIndex }) => {
    const segment = segments[segmentIndex];
    if (!segment) return [];
    const present = findWordMatches(segment.text, queryWords, normalized);
    if (present.length === 0) return [];
    return [{ segment, hit: describeSegmentMatch({ segmentIndex, text: segment.text, present, queryWordCount: queryWords.length }) }];
  });
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
