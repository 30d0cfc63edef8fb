/**
 * YouTube is a single-page app: moving to another video does not reload the
 * page or re-run content scripts. These are the events that say a navigation
 * has started (naming its target) and finished (the URL is the new page's).
 */
import { isVideoId, parseVideoId, type VideoId } from './url';

/** Desktop (`yt-navigate-finish`) and mobile (`state-navigateend`) "navigation done" events, on `document`. */
export const NAVIGATION_FINISHED_EVENTS = ['yt-navigate-finish', 'state-navigateend'] as const;

/** Fired on `document` before YouTube fetches the next page; its detail names the target. */
export const NAVIGATION_STARTED_EVENT = 'yt-navigate-start';

/**
 * Calls `onNavigated` after each in-page navigation until `signal` aborts.
 * WXT's `wxt:locationchange` is not used: it fires before YouTube commits the
 * new URL and DOM. Side effect: adds listeners to `doc`.
 */
export function onYouTubeNavigated(doc: Document, signal: AbortSignal, onNavigated: () => void): void {
  for (const type of NAVIGATION_FINISHED_EVENTS) doc.addEventListener(type, onNavigated, { signal });
  // Back/forward between videos also ends with yt-navigate-finish; popstate
  // covers pages that change history without it.
  doc.defaultView?.addEventListener('popstate', onNavigated, { signal });
}

const fieldOf = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/**
 * The video a `yt-navigate-start` detail names: `endpoint.watchEndpoint.videoId`,
 * else its `url` (relative to `baseHref`); `null` for a page without one.
 * Pure; the detail is the page's object, so nothing about it is trusted and
 * nothing it does (a getter that throws) escapes.
 */
export function readNavigationTarget(detail: unknown, baseHref: string): VideoId | null {
  try {
    const videoId = fieldOf(fieldOf(fieldOf(detail, 'endpoint'), 'watchEndpoint'), 'videoId');
    if (isVideoId(videoId)) return videoId;
    const url = fieldOf(detail, 'url');
    return typeof url === 'string' ? parseVideoId(new URL(url, baseHref).href) : null;
  } catch {
    return null;
  }
}

/**
 * Calls `onStart` with the target video of each `yt-navigate-start` (before
 * YouTube has fetched anything: a lookup started now is done by the time the
 * page is), until `signal` aborts. Only a hint: `yt-navigate-finish` and the
 * URL stay the truth. Side effect: a listener on `doc`.
 */
export function onYouTubeNavigateStart(doc: Document, signal: AbortSignal, onStart: (videoId: VideoId) => void): void {
  doc.addEventListener(
    NAVIGATION_STARTED_EVENT,
    (event) => {
      const videoId = readNavigationTarget((event as CustomEvent<unknown>).detail, doc.location.href);
      if (videoId !== null) onStart(videoId);
    },
    { signal },
  );
}
