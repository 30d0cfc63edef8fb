/**
 * The panel's short memory (issue 11): the last few transcripts it found,
 * opened (search index and all), so going back to a video draws it at once,
 * and lookups started early (at `yt-navigate-start`, as the content script
 * starts) that the panel's own lookup then joins instead of asking again.
 */
import type { LookupOptions, PanelLookupOutcome, TranscriptLookup } from './transcript-lookup';
import type { VideoId } from '../youtube/url';

export interface TranscriptMemory {
  /**
   * The panel's lookup: answers from memory or joins an early lookup unless
   * `fresh`; remembers what it finds. `peek` gives a remembered one at once.
   */
  lookup: TranscriptLookup;
  /** Starts looking `videoId` up now, for the panel to find when it asks. */
  prefetch: (videoId: VideoId) => void;
}

export interface TranscriptMemoryOptions {
  /** The whole chain (the dataset, then YouTube's captions). */
  lookup: TranscriptLookup;
  /**
   * What may run before the page has changed: the cached dataset only.
   * YouTube's captions wait for the panel, since the page still holds the
   * previous video's data at `yt-navigate-start`.
   */
  early: TranscriptLookup;
  /** Transcripts kept (besides the ones being looked up). */
  entries: number;
  /** Segments kept in all, so a few 50,000-segment videos do not stay in the page's memory. */
  segments: number;
}

const segmentsOf = (outcome: PanelLookupOutcome): number => (outcome.status === 'found' ? outcome.transcript.segments.length : 0);

/** Wraps the panel's lookup. Side effects: its own memory only. */
export function createTranscriptMemory({ lookup, early, entries, segments }: TranscriptMemoryOptions): TranscriptMemory {
  // Oldest first; only found transcripts are kept (a miss may be found later, by captions or a new dataset).
  const found = new Map<VideoId, PanelLookupOutcome>();
  const pending = new Map<VideoId, Promise<PanelLookupOutcome>>();

  const remember = (videoId: VideoId, outcome: PanelLookupOutcome): void => {
    found.delete(videoId);
    if (outcome.status !== 'found') return;
    found.set(videoId, outcome);
    let kept = [...found.values()].reduce((sum, kept) => sum + segmentsOf(kept), 0);
    for (const [key, value] of found) {
      if (found.size <= 1 || (found.size <= entries && kept <= segments)) break;
      found.delete(key);
      kept -= segmentsOf(value);
    }
  };

  const lookUpFresh = async (videoId: VideoId, signal: AbortSignal, options?: LookupOptions): Promise<PanelLookupOutcome> => {
    const outcome = await lookup(videoId, signal, options);
    if (!signal.aborted) remember(videoId, outcome);
    return outcome;
  };

  const peek = (videoId: VideoId): PanelLookupOutcome | undefined => {
    const known = found.get(videoId);
    if (known) remember(videoId, known);
    return known;
  };

  const answer = async (videoId: VideoId, signal: AbortSignal, options?: LookupOptions): Promise<PanelLookupOutcome> => {
    if (!options?.fresh) {
      const known = peek(videoId);
      if (known) return known;
      const started = pending.get(videoId);
      const outcome = started && (await started);
      if (outcome?.status === 'found') return outcome;
    }
    return lookUpFresh(videoId, signal, options);
  };

  return {
    lookup: Object.assign(answer, { peek }),
    prefetch(videoId) {
      if (found.has(videoId) || pending.has(videoId)) return;
      // Not tied to any page's lifetime: a dataset read is cheap, and the panel may join it.
      const request = early(videoId, new AbortController().signal).then((outcome) => {
        remember(videoId, outcome);
        return outcome;
      });
      pending.set(videoId, request);
      void request.finally(() => pending.delete(videoId));
    },
  };
}
