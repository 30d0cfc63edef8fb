/**
 * The text of the videos shown lately, for one index: typing on shows the
 * same videos again, so their segments stay in memory, and a video being read
 * is not read twice. Memory is counted in characters of text, against a
 * budget every index of the library shares: past it, each index drops its
 * videos shown least recently. A video the source lacks, or a failed read,
 * is not kept: the next request reads it again.
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
  /**
   * Reads one video ahead of its being shown, if there is room for it: a
   * read ahead never drops a video shown. The read, or `undefined` when there
   * is nothing to start (in memory, being read, or no room).
   */
  readAhead: (videoId: VideoId) => Promise<unknown> | undefined;
  /** Characters of segment text held now. */
  heldChars: () => number;
  /** The index left the library: its text leaves the budget, and reads still under way keep nothing. */
  release: () => void;
}

/** Characters of text held by every memory sharing it, and their bound. */
export interface TextBudget {
  readonly maxChars: number;
  held: number;
}

export const createTextBudget = (maxChars: number): TextBudget => ({ maxChars, held: 0 });

interface Entry {
  read: Promise<Segment[] | undefined>;
  segments: Segment[] | undefined;
  /** Characters of its text, once read. */
  chars: number;
  /** Read ahead and not asked for since: kept only if it fits. */
  isAhead: boolean;
}

const charsOf = (segments: readonly Segment[]): number => segments.reduce((sum, { text }) => sum + text.length, 0);

/** `load` reads some videos' segments in one go; about `budget.maxChars` characters of text are kept, with the other indexes'. */
export function createRecentSegments(load: (videoIds: readonly VideoId[]) => Promise<Map<VideoId, Segment[]>>, budget: TextBudget): RecentSegments {
  // Least recent first: a Map keeps insertion order.
  const recent = new Map<VideoId, Entry>();
  let held = 0;
  let isReleased = false;

  const hold = (chars: number): void => {
    held += chars;
    budget.held += chars;
  };
  // The most text one video has had: a read ahead starts only with that much room, so it seldom reads what it cannot keep.
  let largest = 0;

  /**
   * Drops the least recent videos read until the text fits, never one of
   * `keep` and never one being read: so a read, when it settles, always
   * finds its own entry in `recent`.
   */
  function fitBudget(keep: ReadonlySet<VideoId>): void {
    for (const [videoId, entry] of recent) {
      if (budget.held <= budget.maxChars) return;
      if (keep.has(videoId) || entry.segments === undefined) continue;
      recent.delete(videoId);
      hold(-entry.chars);
    }
  }

  /** Starts one read of `videoIds` (none of them in `recent`); their entries, in order. */
  function startReading(videoIds: readonly VideoId[]): Entry[] {
    let reading: Promise<Map<VideoId, Segment[]>>;
    try {
      reading = load(videoIds);
    } catch (error) {
      reading = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return videoIds.map((videoId) => {
      const entry: Entry = { read: Promise.resolve(undefined), segments: undefined, chars: 0, isAhead: false };
      entry.read = reading.then(
        (read) => {
          const segments = read.get(videoId);
          if (isReleased) return segments;
          if (!segments) {
            recent.delete(videoId);
            return undefined;
          }
          const chars = charsOf(segments);
          largest = Math.max(largest, chars);
          // A read ahead only fills free room; a video asked for meanwhile is kept like any shown one.
          if (entry.isAhead && budget.held + chars > budget.maxChars) recent.delete(videoId);
          else {
            entry.segments = segments;
            entry.chars = chars;
            hold(chars);
            fitBudget(new Set([videoId]));
          }
          return segments;
        },
        () => {
          recent.delete(videoId);
          return undefined;
        },
      );
      recent.set(videoId, entry);
      return entry;
    });
  }

  return {
    request(videoIds) {
      const missing = videoIds.filter((videoId) => !recent.has(videoId));
      if (missing.length > 0) startReading(missing);
      const wanted = videoIds.map((videoId) => {
        const entry = recent.get(videoId)!;
        entry.isAhead = false;
        // Most recent last: delete first, so a video seen again moves to the end.
        recent.delete(videoId);
        recent.set(videoId, entry);
        return entry;
      });
      fitBudget(new Set(videoIds));
      return wanted;
    },
    readAhead(videoId) {
      if (isReleased || recent.has(videoId) || budget.held + largest >= budget.maxChars) return undefined;
      const [entry] = startReading([videoId]);
      entry!.isAhead = true;
      return entry!.read;
    },
    heldChars: () => held,
    release() {
      isReleased = true;
      recent.clear();
      hold(-held);
    },
  };
}
