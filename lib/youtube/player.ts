/**
 * YouTube's main player as the panel sees it: where playback is, moving it,
 * and hearing when it moves. Functions take the document they work on.
 */
import { SELECTORS } from './selectors';

/** The player, as the panel's components reach it (through context). */
export interface Player {
  /** Seconds into the main video, or `null` when the page has none. */
  currentTime: () => number | null;
  /** Moves playback to `seconds` (clamped to the video) and plays. Does nothing without a main video. */
  seek: (seconds: number) => void;
  /** Calls `listener` whenever the main video's time moves or it loads, until `signal` aborts. */
  onTimeChange: (listener: () => void, signal: AbortSignal) => void;
}

/**
 * Media events that move the time shown. They do not bubble, but a capturing
 * listener on the document hears them on the way down, from whichever video
 * element YouTube has put in the player by then.
 */
const TIME_EVENTS = ['timeupdate', 'seeked', 'loadedmetadata'] as const;

/** The `<video>` of YouTube's main player, if the page has one. */
export function findMainVideo(doc: Document): HTMLVideoElement | null {
  return doc.querySelector<HTMLVideoElement>(SELECTORS.mainVideo);
}

/**
 * Moves playback to `seconds`, clamped to [0, duration], and starts it if
 * paused. Side effect on the video. Setting `currentTime` is enough from a
 * content script; the page's own `movie_player.seekTo()` is only reachable
 * from the main world.
 */
export function seekVideo(video: HTMLVideoElement, seconds: number): void {
  const limit = Number.isFinite(video.duration) ? video.duration : Number.POSITIVE_INFINITY;
  video.currentTime = Math.min(Math.max(0, seconds), limit);
  if (video.paused) {
    // Autoplay rules may refuse play(); the seek still happened, so there is nothing to report.
    video.play().catch(() => undefined);
  }
}

/** The main player of `doc`, looked up at each call: YouTube may replace the video element at any time. */
export function createYouTubePlayer(doc: Document): Player {
  return {
    currentTime: () => findMainVideo(doc)?.currentTime ?? null,
    seek(seconds) {
      const video = findMainVideo(doc);
      if (video) seekVideo(video, seconds);
    },
    onTimeChange(listener, signal) {
      const onMediaEvent = (event: Event): void => {
        if (event.target instanceof HTMLVideoElement && event.target.matches(SELECTORS.mainVideo)) listener();
      };
      for (const type of TIME_EVENTS) doc.addEventListener(type, onMediaEvent, { capture: true, signal });
    },
  };
}
