/**
 * The text of the videos shown lately, for one index: typing on shows the
 * same videos again, so their segments stay in memory (a few pages' worth),
 * and a video being read is not read twice. A video the source lacks, or a
 * failed read, is not kept: the next request reads it again.
 */
import type { Segment } from '../transcript/types';
import type { VideoId } from '../youtube/url';

/** One video's text: `segments` as soon as it is in memory; `read` settles with it, or with `undefined` when it could not be read. */
export interface SegmentsRead {
  readonly read: Promise<Segment[] | undefined>;
  readonly segments: Segment[] | undefined;
}

export interface RecentSegments {
  /**
   * The text of `videoIds`, in order. Side effects: starts one read of those
   * not in memory nor being read, and makes them all the most recent.
   */
  request: (videoIds: readonly VideoId[]) => SegmentsRead[];
}

/** `load` reads some videos' segments in one go; at most `capacity` videos are kept. */
export function createRecentSegments(load: (videoIds: readonly VideoId[]) => Promise<Map<VideoId, Segment[]>>, capacity: number): RecentSegments {
  // Least recent first: a Map keeps insertion order.
  const recent = new Map<VideoId, SegmentsRead>();

  function startReading(videoIds: readonly VideoId[]): void {
    let reading: Promise<Map<VideoId, Segment[]>>;
    try {
      reading = load(videoIds);
    } catch (error) {
      reading = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    for (const videoId of videoIds) {
      const entry: { read: Promise<Segment[] | undefined>; segments: Segment[] | undefined } = { read: Promise.resolve(undefined), segments: undefined };
      entry.read = reading.then(
        (read) => {
          entry.segments = read.get(videoId);
          if (!entry.segments && recent.get(videoId) === entry) recent.delete(videoId);
          return entry.segments;
        },
        () => {
          if (recent.get(videoId) === entry) recent.delete(videoId);
          return undefined;
        },
      );
      recent.set(videoId, entry);
    }
  }

  return {
    request(videoIds) {
      const missing = videoIds.filter((videoId) => !recent.has(videoId));
      if (missing.length > 0) startReading(missing);
      const wanted = videoIds.map((videoId) => {
        const entry = recent.get(videoId)!;
        // Most recent last: delete first, so a video seen again moves to the end.
        recent.delete(videoId);
        recent.set(videoId, entry);
        return entry;
      });
      for (const videoId of recent.keys()) {
        if (recent.size <= capacity) break;
        recent.delete(videoId);
      }
      return wanted;
    },
  };
}
