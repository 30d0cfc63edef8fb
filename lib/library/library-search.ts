/**
 * The library search as its callers see it: a query in, videos with their
 * best hits out, or a plain state (no library, no words, nothing found). The
 * index is loaded once per source and kept; segment text is read only for
 * the videos shown. The library may be several indexes (the dataset's, the
 * captions cache's): their videos are ranked together on the same keys.
 */
import type { Segment } from '../transcript/types';
import type { VideoId } from '../youtube/url';
import { describeVideoHits, type LibraryHit } from './describe-hits';
import type { LibraryIndex, LibraryVideo } from './library-index';
import { createIndexQuery, type IndexMatches, type IndexQuery, type VideoMatches } from './query-index';
import { readDocWords } from './read-part';

export type { LibraryHit } from './describe-hits';

export interface LibraryVideoResult extends LibraryVideo {
  /** Segments of this video that match. */
  hitCount: number;
  /** Its best hits, best first. */
  hits: LibraryHit[];
}

export type LibrarySearchResult =
  | { status: 'empty-library' }
  /** The query has no letter or digit (blank, or punctuation only). */
  | { status: 'no-words'; query: string }
  | { status: 'no-results'; query: string }
  | {
      status: 'found';
      query: string;
      resultCount: number;
      videoCount: number;
      /** The requested page of videos, best first. */
      videos: LibraryVideoResult[];
      /** Position of the first of `videos` among all `videoCount`. */
      videoOffset: number;
    };

export interface LibraryPage {
  /** Videos to describe, from `videoOffset` on. */
  videoLimit: number;
  videoOffset?: number | undefined;
  hitsPerVideo: number;
}

/** Where the search reads from: the indexes in use, and segment text for the videos shown. */
export interface LibrarySource {
  /**
   * The indexes of the library, most trusted first (the active dataset's, then
   * the captions cache's); none when there is no library. A video in two of
   * them is found in the first only.
   */
  loadIndexes: () => Promise<readonly LibraryIndex[]>;
  /** The segments of some videos of one index's source. */
  loadSegments: (sourceId: string, videoIds: readonly VideoId[]) => Promise<Map<VideoId, Segment[]>>;
}

export interface LibrarySearch {
  /** Side effects: reads the source (each index once per identity). */
  search: (query: string, page: LibraryPage) => Promise<LibrarySearchResult>;
}

/** One index ready to query, with the ids of its videos (to leave out of the indexes after it). */
interface QueryableIndex {
  index: LibraryIndex;
  query: IndexQuery;
  videoIds: ReadonlySet<string>;
  /** The segments of videos shown lately (or being read), least recent first: typing on shows the same videos again. */
  recentSegments: Map<VideoId, Promise<Segment[] | undefined>>;
}

/** Videos whose segments stay in memory per index (~450 segments each): a few pages of the popup's and the search page's. */
const RECENT_VIDEOS = 40;
/** Videos after the shown ones whose segments are read ahead (not awaited) after each answer. */
const PREFETCHED_VIDEOS = 5;

/** A matching video, with the index it is from. */
interface FoundVideo {
  from: QueryableIndex;
  matches: IndexMatches;
  video: VideoMatches;
}

/** Videos of every index, best first: by best segment, then more matching segments, then index order. */
function mergeVideos(found: ReadonlyArray<{ from: QueryableIndex; matches: IndexMatches }>): FoundVideo[] {
  const merged: FoundVideo[] = [];
  found.forEach(({ from, matches }, position) => {
    const earlier = found.slice(0, position);
    for (const video of matches.videos) {
      const videoId = from.index.videos[video.video]!.videoId;
      if (!earlier.some((other) => other.from.videoIds.has(videoId))) merged.push({ from, matches, video });
    }
  });
  // A stable sort keeps each index's own order among equals, and the first index first.
  return merged.sort((a, b) => b.video.bestRank - a.video.bestRank || b.video.docs.length - a.video.docs.length);
}

export function createLibrarySearch(source: LibrarySource): LibrarySearch {
  const loaded = new Map<LibraryIndex, QueryableIndex>();
  let last: { indexes: readonly LibraryIndex[]; query: string; videos: FoundVideo[] | undefined } | undefined;

  async function currentIndexes(): Promise<QueryableIndex[]> {
    const indexes = (await source.loadIndexes()).filter((index) => index.videos.length > 0);
    for (const index of loaded.keys()) if (!indexes.includes(index)) loaded.delete(index);
    return indexes.map((index) => {
      let ready = loaded.get(index);
      if (!ready) {
        ready = { index, query: createIndexQuery(index), videoIds: new Set(index.videos.map((video) => video.videoId)), recentSegments: new Map() };
        loaded.set(index, ready);
      }
      return ready;
    });
  }

  function findVideos(indexes: readonly QueryableIndex[], query: string): FoundVideo[] | undefined {
    const found = indexes.flatMap((from) => {
      const matches = from.query(query);
      return matches ? [{ from, matches }] : [];
    });
    // Every index reads words the same way: a query without words has none in any of them.
    return found.length === 0 ? undefined : mergeVideos(found);
  }

  /**
   * The segments of some videos of one index: the recent ones (or those being
   * read) from memory, the others read in one go and kept. A video the source
   * lacks, or a failed read, is not kept.
   */
  async function loadSegments({ index, recentSegments }: QueryableIndex, videoIds: readonly VideoId[]): Promise<Map<VideoId, Segment[]>> {
    const missing = videoIds.filter((videoId) => !recentSegments.has(videoId));
    if (missing.length > 0) {
      const reading = source.loadSegments(index.sourceId, missing);
      for (const videoId of missing) {
        const one = reading.then((read) => read.get(videoId));
        recentSegments.set(videoId, one);
        const forget = () => {
          if (recentSegments.get(videoId) === one) recentSegments.delete(videoId);
        };
        one.then((segments) => segments ?? forget(), forget);
      }
    }
    const wanted = videoIds.map((videoId) => {
      const segments = recentSegments.get(videoId)!;
      // Most recent last: delete first, so a video seen again moves to the end.
      recentSegments.delete(videoId);
      recentSegments.set(videoId, segments);
      return [videoId, segments] as const;
    });
    for (const videoId of recentSegments.keys()) {
      if (recentSegments.size <= RECENT_VIDEOS) break;
      recentSegments.delete(videoId);
    }
    const found = new Map<VideoId, Segment[]>();
    for (const [videoId, segments] of wanted) {
      const read = await segments;
      if (read) found.set(videoId, read);
    }
    return found;
  }

  /** The videos of each index among `videos`, by id. */
  function groupByIndex(videos: readonly FoundVideo[]): Map<QueryableIndex, VideoId[]> {
    const groups = new Map<QueryableIndex, VideoId[]>();
    for (const { from, video } of videos) {
      const videoId = from.index.videos[video.video]!.videoId;
      groups.set(from, [...(groups.get(from) ?? []), videoId]);
    }
    return groups;
  }

  async function describe(shown: readonly FoundVideo[], hitsPerVideo: number): Promise<LibraryVideoResult[]> {
    const texts = new Map<LibraryIndex, Map<VideoId, Segment[]>>();
    for (const [from, videoIds] of groupByIndex(shown)) texts.set(from.index, await loadSegments(from, videoIds));
    return shown.map(({ from: { index }, matches, video: { video, docs, ranks } }): LibraryVideoResult => {
      const info = index.videos[video]!;
      const firstDoc = index.videoFirstDoc[video]!;
      return {
        ...info,
        hitCount: docs.length,
        hits: describeVideoHits({
          videoId: info.videoId,
          segments: texts.get(index)?.get(info.videoId) ?? [],
          docs,
          firstDoc,
          ranks,
          queryWords: matches.queryWords,
          limit: hitsPerVideo,
          segmentWords: (segmentIndex) => readDocWords(index.parts, firstDoc + segmentIndex),
        }),
      };
    });
  }

  async function search(query: string, { videoLimit, videoOffset = 0, hitsPerVideo }: LibraryPage): Promise<LibrarySearchResult> {
    const current = await currentIndexes();
    if (current.length === 0) return { status: 'empty-library' };
    const indexes = current.map(({ index }) => index);
    // Paging through the same query reuses its matches.
    const isSame = last !== undefined && last.query === query && last.indexes.length === indexes.length && last.indexes.every((index, i) => index === indexes[i]);
    const videos = isSame ? last!.videos : findVideos(current, query);
    last = { indexes, query, videos };
    if (!videos) return { status: 'no-words', query };
    if (videos.length === 0) return { status: 'no-results', query };
    const resultCount = videos.reduce((sum, { video }) => sum + video.docs.length, 0);
    const shown = await describe(videos.slice(videoOffset, videoOffset + videoLimit), hitsPerVideo);
    // Typing on mostly narrows the results: the next few videos are read now, so the next keystroke finds them in memory.
    const next = videos.slice(videoOffset + videoLimit, videoOffset + videoLimit + PREFETCHED_VIDEOS);
    for (const [from, videoIds] of groupByIndex(next)) loadSegments(from, videoIds).catch(() => undefined);
    return { status: 'found', query, resultCount, videoCount: videos.length, videos: shown, videoOffset };
  }

  return { search };
}
