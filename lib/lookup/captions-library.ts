/**
 * The captions cache as part of the library search: an index of every cached
 * video's captions (one line, one segment, as the panel lists them), built in
 * memory when first searched and again only after the cache changed; the
 * lines of the videos shown. Never throws: a captions cache that cannot be
 * read leaves the dataset's search answering alone.
 */
import { readSearchableCaptions, readSearchableVersion, type CaptionsDb } from '../captions/cache-db';
import type { CachedCaptions } from '../captions/cached-captions';
import { buildLibraryIndex, type LibraryIndex } from '../library/library-index';
import type { Segment, Transcript } from '../transcript/types';
import type { VideoId } from '../youtube/url';

/** The captions cache's index's `sourceId`: never a dataset's (those are UUIDs). */
export const CAPTIONS_SOURCE_ID = 'youtube-captions';

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
  /** The index of the cached captions, or `undefined` when there are none or the cache cannot be read. */
  loadIndex: () => Promise<LibraryIndex | undefined>;
  /** The lines of some cached videos. */
  loadSegments: (videoIds: readonly VideoId[]) => Promise<Map<VideoId, Segment[]>>;
}

export function createCaptionsLibrary(database: () => Promise<CaptionsDb>): CaptionsLibrary {
  let built: { version: string; index: Promise<LibraryIndex> } | undefined;
  return {
    async loadIndex() {
      try {
        const db = await database();
        const version = await readSearchableVersion(db);
        if (version === '') return undefined;
        if (built?.version !== version) {
          const index = readSearchableCaptions(db).then((all) => buildLibraryIndex(CAPTIONS_SOURCE_ID, all.map(toTranscript)));
          built = { version, index };
          index.catch(() => {
            if (built?.index === index) built = undefined;
          });
        }
        return await built.index;
      } catch {
        return undefined;
      }
    },
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
