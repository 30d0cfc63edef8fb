/**
 * The captions cache as part of the library search: an index of every cached
 * video's captions (one line, one segment, as the panel lists them), built in
 * memory when first searched and kept until the caller says the cache changed
 * (the background announces each change through a storage item), so a
 * keystroke reads nothing; the lines of the videos shown. Never throws: a
 * captions cache that cannot be read leaves the dataset's search answering
 * alone. Where the browser runs no WebAssembly no index can be built: the
 * dataset's stored index still answers, and a notice says the cached videos
 * are left out (only when there are some).
 */
import { hasCachedCaptions, readSearchableCaptions, type CaptionsDb } from '../captions/cache-db';
import type { CachedCaptions } from '../captions/cached-captions';
import { buildLibraryIndex, type LibraryIndex } from '../library/library-index';
import { assertCanNumberWords, WebAssemblyUnavailableError } from '../library/numbering-instance';
import type { Segment, Transcript } from '../transcript/types';
import type { VideoId } from '../youtube/url';
import { createReadPerConnection } from './read-per-connection';

/** The captions cache's index's `sourceId`: never a dataset's (those are UUIDs). */
export const CAPTIONS_SOURCE_ID = 'youtube-captions';

/** Said beside the library's answers where cached captions exist but WebAssembly is off. */
export const CAPTIONS_NEED_WEBASSEMBLY = 'Videos known only from YouTube captions cannot be searched in this browser: it has WebAssembly turned off.';

/** A cached video as the library lists it; YouTube serves every video's thumbnail at this address. */
function toTranscript({ videoId, title, lines }: CachedCaptions): Transcript {
  const id = videoId as VideoId;
  return {
    video: {
      videoId: id,
      title: title ?? `YouTube video ${videoId}`,
      thumbnail: `https://i.ytimg.com/vi/${videoId}/hqdefault.jpg`,
      segmentCount: lines.length,
      duration: lines.at(-1)?.end ?? 0,
    },
    segments: lines.map(({ start, end, text }) => ({ start, end, text })),
  };
}

export interface CaptionsLibrary {
  /** The index of the cached captions, or `undefined` when there are none, the cache cannot be read or WebAssembly is off. */
  loadIndex: () => Promise<LibraryIndex | undefined>;
  /** `CAPTIONS_NEED_WEBASSEMBLY` when cached videos are left out because WebAssembly is off; otherwise `undefined`. Shares `loadIndex`'s read. */
  loadNotice: () => Promise<string | undefined>;
  /** The lines of some cached videos. */
  loadSegments: (videoIds: readonly VideoId[]) => Promise<Map<VideoId, Segment[]>>;
  /** What the search reads from the cache changed (videos, chosen tracks): the next search builds the index again. */
  forgetIndex: () => void;
}

export function createCaptionsLibrary(database: () => Promise<CaptionsDb>): CaptionsLibrary {
  const index = createReadPerConnection(async (db: CaptionsDb): Promise<{ index?: LibraryIndex; notice?: string }> => {
    try {
      // Without WebAssembly no index can be built: learn it before reading every cached video.
      assertCanNumberWords();
    } catch (error) {
      if (!(error instanceof WebAssemblyUnavailableError)) throw error;
      return (await hasCachedCaptions(db)) ? { notice: CAPTIONS_NEED_WEBASSEMBLY } : {};
    }
    const all = await readSearchableCaptions(db);
    return all.length === 0 ? {} : { index: buildLibraryIndex(CAPTIONS_SOURCE_ID, all.map(toTranscript)) };
  });
  const read = async () => {
    try {
      return await index.get(await database());
    } catch {
      return {};
    }
  };
  return {
    loadIndex: async () => (await read()).index,
    loadNotice: async () => (await read()).notice,
    forgetIndex: index.forget,
    async loadSegments(videoIds) {
      try {
        const all = await readSearchableCaptions(await database(), videoIds);
        return new Map(all.map((captions) => [captions.videoId as VideoId, toTranscript(captions).segments]));
      } catch {
        return new Map();
      }
    },
  };
}
