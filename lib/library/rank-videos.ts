/**
 * A query's matching docs as videos: each doc's rank key (the panel's first
 * three keys in one number), the docs split by video, videos best first.
 *
 * A video's place needs only its best key. So a doc holding every word whose
 * key, were it the phrase, could not beat a phrase already found in its
 * video is not checked for the phrase while ranking: it is "pending", ranked
 * as holding every word, and checked when its video's `ranks` are first read
 * (only the videos shown are). Ranks read are always the exact keys.
 */

/** Longer queries keep their first words: nobody types 30 words, and the rank key has room for this many. */
export const MAX_QUERY_WORDS = 24;

/** Rank keys from here up are of segments the index found the phrase in. */
export const PHRASE_RANK = 1_000_000;

/**
 * One number that sorts as the panel's first three keys: phrase, then words
 * held, then the summed spelling score (each word adds 1 when absent, < 0.5 when present).
 */
export function rankKey(isPhrase: boolean, matchedWords: number, scoreSum: number): number {
  return (isPhrase ? PHRASE_RANK : 0) + matchedWords * 1_000 + (MAX_QUERY_WORDS - scoreSum);
}

export interface VideoMatches {
  video: number;
  /** The video's matching docs, in doc order (read-only: may share memory with a cache). */
  docs: Uint32Array;
  /** Rank key of each of `docs` (higher is better); the first read settles the pending phrase checks. */
  readonly ranks: Float64Array;
  /** Rank key of its best doc. */
  bestRank: number;
}

/** Phrase checks put off: positions in the query's matches (ascending), and each one's key should it hold the phrase. */
export interface PendingPhrases {
  positions: Uint32Array;
  keys: Float64Array;
  /** 1 for each of `docs` that holds the query's phrase. */
  holdPhrase: (docs: Uint32Array) => Uint8Array;
}

/** Checks one video's pending docs (`pending` from `from` to `to`) and raises the ranks of those holding the phrase. */
function settlePending({ positions, keys, holdPhrase }: PendingPhrases, from: number, to: number, matched: Uint32Array, ranks: Float64Array): void {
  const at = positions.subarray(from, to);
  const holds = holdPhrase(Uint32Array.from(at, (position) => matched[position]!));
  holds.forEach((isPhrase, i) => {
    if (isPhrase === 1) ranks[at[i]!] = keys[from + i]!;
  });
}

/** A video's matches; with `settle`, its ranks are settled on first read. */
function videoMatches(video: number, docs: Uint32Array, ranks: Float64Array, bestRank: number, settle: (() => void) | undefined): VideoMatches {
  if (!settle) return { video, docs, ranks, bestRank };
  let unsettled: (() => void) | undefined = settle;
  return {
    video,
    docs,
    bestRank,
    get ranks() {
      unsettled?.();
      unsettled = undefined;
      return ranks;
    },
  };
}

/**
 * Splits doc-ordered matches into videos; best video first, then more
 * matches, then dataset order. A pending doc never raises its video's best
 * key (that is why it was left pending), so the order is exact. Pure.
 */
export function groupByVideo(videoFirstDoc: Uint32Array, matched: Uint32Array, ranks: Float64Array, pending?: PendingPhrases): VideoMatches[] {
  const videos: VideoMatches[] = [];
  let from = 0;
  let video = 0;
  let next = 0;
  while (from < matched.length) {
    while (videoFirstDoc[video + 1]! <= matched[from]!) video += 1;
    const videoEnd = videoFirstDoc[video + 1]!;
    let to = from;
    let bestRank = 0;
    while (to < matched.length && matched[to]! < videoEnd) {
      bestRank = Math.max(bestRank, ranks[to]!);
      to += 1;
    }
    const first = next;
    if (pending) while (next < pending.positions.length && pending.positions[next]! < to) next += 1;
    const last = next;
    const settle = pending && last > first ? () => settlePending(pending, first, last, matched, ranks) : undefined;
    videos.push(videoMatches(video, matched.subarray(from, to), ranks.subarray(from, to), bestRank, settle));
    from = to;
  }
  return videos.sort((a, b) => b.bestRank - a.bestRank || b.docs.length - a.docs.length || a.video - b.video);
}
