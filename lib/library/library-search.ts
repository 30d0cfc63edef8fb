/**
 * The library search as its callers see it: a query in, videos with their
 * best hits out, or a plain state (no library, no words, nothing found). The
 * index is loaded once per source and kept; segment text is read only for
 * the videos shown.
 */
import type { Segment } from '../transcript/types';
import type { VideoId } from '../youtube/url';
import { describeVideoHits, type LibraryHit } from './describe-hits';
import type { LibraryIndex, LibraryVideo } from './library-index';
import { createIndexQuery, type IndexMatches, type IndexQuery } from './query-index';

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

/** Where the search reads from: the active index, and segment text for the videos shown. */
export interface LibrarySource {
  /** The index of the library in use, or `undefined` when there is none. */
  loadIndex: () => Promise<LibraryIndex | undefined>;
  /** The segments of some videos of the index's source. */
  loadSegments: (sourceId: string, videoIds: readonly VideoId[]) => Promise<Map<VideoId, Segment[]>>;
}

export interface LibrarySearch {
  /** Side effects: reads the source (the index once per source id). */
  search: (query: string, page: LibraryPage) => Promise<LibrarySearchResult>;
}

export function createLibrarySearch(source: LibrarySource): LibrarySearch {
  let loaded: { index: LibraryIndex; query: IndexQuery } | undefined;
  let last: { index: LibraryIndex; query: string; matches: IndexMatches | undefined } | undefined;

  async function currentQuery(): Promise<{ index: LibraryIndex; query: IndexQuery } | undefined> {
    const index = await source.loadIndex();
    if (!index) return undefined;
    if (loaded?.index !== index) loaded = { index, query: createIndexQuery(index) };
    return loaded;
  }

  async function search(query: string, { videoLimit, videoOffset = 0, hitsPerVideo }: LibraryPage): Promise<LibrarySearchResult> {
    const current = await currentQuery();
    if (!current || current.index.videos.length === 0) return { status: 'empty-library' };
    const { index } = current;
    // Paging through the same query reuses its matches.
    const matches = last?.index === index && last.query === query ? last.matches : current.query(query);
    last = { index, query, matches };
    if (!matches) return { status: 'no-words', query };
    if (matches.resultCount === 0) return { status: 'no-results', query };

    const shown = matches.videos.slice(videoOffset, videoOffset + videoLimit);
    const videoIds = shown.map(({ video }) => index.videos[video]!.videoId);
    const segmentsById = await source.loadSegments(index.sourceId, videoIds);
    const videos = shown.map(({ video, docs }): LibraryVideoResult => {
      const info = index.videos[video]!;
      const firstDoc = index.videoFirstDoc[video]!;
      return {
        ...info,
        hitCount: docs.length,
        hits: describeVideoHits({
          videoId: info.videoId,
          segments: segmentsById.get(info.videoId) ?? [],
          candidates: Array.from(docs, (doc) => ({ segmentIndex: doc - firstDoc, rank: matches.rankOf(doc) })),
          queryWords: matches.queryWords,
          limit: hitsPerVideo,
        }),
      };
    });
    return { status: 'found', query, resultCount: matches.resultCount, videoCount: matches.videos.length, videos, videoOffset };
  }

  return { search };
}
