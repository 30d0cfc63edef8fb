/**
 * The library search as its callers see it: a query in, videos with their
 * best hits out, or a plain state (no library, no words, nothing found). The
 * index is loaded once per source and kept; segment text is read for the
 * videos shown, and read ahead for those that may be shown next, as far as
 * the text memory allows (`text-memory.ts`). The library may be several
 * indexes (the dataset's, the captions cache's): their videos are ranked
 * together on the same keys.
 *
 * The answer comes in two steps: the ranking, the counts and each video's
 * card come from the index (in memory); only the hits need the videos' text,
 * from the store. So the cards are answered at once, with the hits of the
 * videos whose text is in memory, and the rest follow (issue 8: a keystroke
 * that waited for the store missed its frame).
 */
import type { Segment } from '../transcript/types';
import type { VideoId } from '../youtube/url';
import { describeVideoHits, type LibraryHit } from './describe-hits';
import type { LibraryIndex, LibraryVideo } from './library-index';
import { createIndexQuery, type IndexMatches, type IndexQuery, type VideoMatches } from './query-index';
import { readDocWords } from './read-part';
import { createReadAhead } from './read-ahead';
import { createRecentSegments, createTextBudget, type RecentSegments, type SegmentsRead } from './recent-segments';
import { WORKER_TEXT_MEMORY, type TextMemory } from './text-memory';

export type { LibraryHit } from './describe-hits';

export interface LibraryVideoResult extends LibraryVideo {
  /** Segments of this video that match. */
  hitCount: number;
  /** Its best hits, best first; none unless `hitsState` is 'described'. */
  hits: LibraryHit[];
  /** 'pending' while its text is read (the hits follow), 'unreadable' when the store lacks the video or the read failed. */
  hitsState: 'described' | 'pending' | 'unreadable';
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

/** A search's answer in two steps: the cards from the index, then the hits from the text. */
export interface LibraryAnswer<Result = LibrarySearchResult> {
  /** The index's answer: every card, with the hits of the videos whose text is in memory; the other videos' hits 'pending'. */
  result: Result;
  /** Only when some video of `result` is pending: `result` with those described (or 'unreadable'). Never rejects. */
  complete?: Promise<Result> | undefined;
}

export interface LibrarySearch {
  /** Cards first, hits when their text arrives. Side effects: reads the source (each index once per identity). */
  searchInSteps: (query: string, page: LibraryPage) => Promise<LibraryAnswer>;
  /** One answer with every hit (or 'unreadable'), for callers that answer once. Side effects: as `searchInSteps`. */
  search: (query: string, page: LibraryPage) => Promise<LibrarySearchResult>;
  /** Characters of segment text held in memory now, over every index. */
  heldTextChars: () => number;
}

/** One index ready to query, with the ids of its videos (to leave out of the indexes after it). */
interface QueryableIndex {
  index: LibraryIndex;
  query: IndexQuery;
  videoIds: ReadonlySet<string>;
  /** The text of the videos shown lately (or being read). */
  texts: RecentSegments;
}

/** Videos read ahead at once: enough to keep the store busy between keystrokes, few enough that a keystroke's own read waits on little. */
const READS_AHEAD_IN_FLIGHT = 3;

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

const videoIdOf = ({ from, video }: FoundVideo): VideoId => from.index.videos[video.video]!.videoId;

/** The text of each of `videos`, in order: one read per index for those not in memory. Side effect: starts those reads. */
function requestTexts(videos: readonly FoundVideo[]): SegmentsRead[] {
  const groups = new Map<QueryableIndex, FoundVideo[]>();
  for (const found of videos) groups.set(found.from, [...(groups.get(found.from) ?? []), found]);
  const reads = new Map<FoundVideo, SegmentsRead>();
  for (const [from, group] of groups) {
    const requested = from.texts.request(group.map(videoIdOf));
    group.forEach((found, i) => reads.set(found, requested[i]!));
  }
  return videos.map((found) => reads.get(found)!);
}

/** A video's card, and its hits from `segments`: 'pending' while they are read, `undefined` when they could not be. Pure. */
function describeVideo({ from: { index }, matches, video }: FoundVideo, hitsPerVideo: number, segments: readonly Segment[] | 'pending' | undefined): LibraryVideoResult {
  const info = index.videos[video.video]!;
  const card = { ...info, hitCount: video.docs.length };
  if (segments === 'pending') return { ...card, hits: [], hitsState: 'pending' };
  if (segments === undefined) return { ...card, hits: [], hitsState: 'unreadable' };
  const firstDoc = index.videoFirstDoc[video.video]!;
  const hits = describeVideoHits({
    videoId: info.videoId,
    segments,
    docs: video.docs,
    firstDoc,
    // Read only now: the first read settles the phrase checks put off while ranking.
    ranks: video.ranks,
    queryWords: matches.queryWords,
    limit: hitsPerVideo,
    segmentWords: (segmentIndex) => readDocWords(index.parts, firstDoc + segmentIndex),
  });
  return { ...card, hits, hitsState: 'described' };
}

/** `textMemory`: how much text is kept and read ahead (the worker's unless said). */
export function createLibrarySearch(source: LibrarySource, textMemory: TextMemory = WORKER_TEXT_MEMORY): LibrarySearch {
  const loaded = new Map<LibraryIndex, QueryableIndex>();
  // One budget for the text of every index of the library.
  const budget = createTextBudget(textMemory.maxChars);
  // Typing on shows videos that ranked lower a keystroke before: they are read between keystrokes (an index gone since reads nothing: released).
  const readAhead = createReadAhead((found: FoundVideo) => found.from.texts.readAhead(videoIdOf(found)), READS_AHEAD_IN_FLIGHT);
  let last: { indexes: readonly LibraryIndex[]; query: string; videos: FoundVideo[] | undefined } | undefined;

  async function currentIndexes(): Promise<QueryableIndex[]> {
    const indexes = (await source.loadIndexes()).filter((index) => index.videos.length > 0);
    for (const [index, { texts }] of loaded) {
      if (indexes.includes(index)) continue;
      texts.release();
      loaded.delete(index);
    }
    return indexes.map((index) => {
      let ready = loaded.get(index);
      if (!ready) {
        const texts = createRecentSegments((videoIds) => source.loadSegments(index.sourceId, videoIds), budget);
        ready = { index, query: createIndexQuery(index), videoIds: new Set(index.videos.map((video) => video.videoId)), texts };
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

  async function searchInSteps(query: string, { videoLimit, videoOffset = 0, hitsPerVideo }: LibraryPage): Promise<LibraryAnswer> {
    const current = await currentIndexes();
    if (current.length === 0) {
      last = undefined;
      readAhead.follow([]);
      return { result: { status: 'empty-library' } };
    }
    const indexes = current.map(({ index }) => index);
    // Paging through the same query reuses its matches.
    const isSame = last !== undefined && last.query === query && last.indexes.length === indexes.length && last.indexes.every((index, i) => index === indexes[i]);
    const videos = isSame ? last!.videos : findVideos(current, query);
    last = { indexes, query, videos };
    if (!videos || videos.length === 0) {
      // Nothing shown: nothing to read ahead either (the last list may be another library's).
      readAhead.follow([]);
      return { result: videos ? { status: 'no-results', query } : { status: 'no-words', query } };
    }
    const resultCount = videos.reduce((sum, { video }) => sum + video.docs.length, 0);
    const shown = videos.slice(videoOffset, videoOffset + videoLimit);
    const reads = requestTexts(shown);
    // Issued after the shown videos' reads, so it queues behind them.
    readAhead.follow(videos.slice(videoOffset + videoLimit, videoOffset + videoLimit + textMemory.readAhead));
    const cards = shown.map((found, i) => describeVideo(found, hitsPerVideo, reads[i]!.segments ?? 'pending'));
    const result: LibrarySearchResult = { status: 'found', query, resultCount, videoCount: videos.length, videos: cards, videoOffset };
    const texts = Promise.all(reads.map(({ read }) => read));
    if (cards.every(({ hitsState }) => hitsState !== 'pending')) return { result };
    const describePending = (read: ReadonlyArray<Segment[] | undefined>): LibraryVideoResult[] =>
      cards.map((card, i) => (card.hitsState === 'pending' ? describeVideo(shown[i]!, hitsPerVideo, read[i]) : card));
    const complete = texts
      .then(describePending)
      // Describing is pure and should not throw; if it ever does, the cards end plain, not pending.
      .catch(() => describePending([]))
      .then((described): LibrarySearchResult => ({ ...result, videos: described }));
    return { result, complete };
  }

  return {
    searchInSteps,
    async search(query, page) {
      const { result, complete } = await searchInSteps(query, page);
      return complete ? await complete : result;
    },
    heldTextChars: () => [...loaded.values()].reduce((sum, { texts }) => sum + texts.heldChars(), 0),
  };
}
