/**
 * Going to another video the way YouTube's own links do: a `yt-navigate`
 * event with the link's endpoint, which the app's router turns into an
 * in-page navigation (the player is kept, the page is not reloaded). When the
 * router does not take it (no app, YouTube changed), the watch URL is loaded.
 */
import { SELECTORS } from './selectors';
import { parseVideoId, type VideoId } from './url';

/** The router's "navigate" event, on `ytd-app`. Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube. */
export const NAVIGATE_EVENT = 'yt-navigate';
/** Fired on `document` as a navigation begins: the router took ours. */
export const NAVIGATION_STARTED_EVENT = 'yt-navigate-start';
/** How long the router has to start before the watch URL is loaded instead. */
const FALLBACK_MS = 1_500;
/** `rootVe` of the watch page in YouTube's endpoints (a "visual element" id). */
const WATCH_ROOT_VE = 3832;

/** The endpoint a watch link carries, as YouTube's renderers build it. Pure. */
export function buildWatchEndpoint(videoId: VideoId, seconds: number) {
  const startTimeSeconds = Math.max(0, Math.floor(seconds));
  return {
    commandMetadata: {
      webCommandMetadata: { url: `/watch?v=${videoId}&t=${startTimeSeconds}s`, webPageType: 'WEB_PAGE_TYPE_WATCH', rootVe: WATCH_ROOT_VE },
    },
    watchEndpoint: { videoId, startTimeSeconds },
  };
}

/** Firefox's way to hand an object to the page's world (content scripts see page objects through Xrays, and the page cannot read ours). */
type CloneInto = <T>(value: T, target: object) => T;

export interface OpenVideoOptions {
  /** Wait for the router this long (ms) before loading the URL. */
  fallbackMs?: number | undefined;
}

/**
 * Goes to `videoId` at `seconds`: in-page through YouTube's router, else by
 * loading the watch URL. Side effects: an event on the app, a timer, maybe a
 * page load. Never throws.
 */
export function openVideo(doc: Document, videoId: VideoId, seconds: number, { fallbackMs = FALLBACK_MS }: OpenVideoOptions = {}): void {
  const endpoint = buildWatchEndpoint(videoId, seconds);
  const url = endpoint.commandMetadata.webCommandMetadata.url;
  const load = (): void => doc.location.assign(url);
  const app = doc.querySelector(SELECTORS.app);
  const win = doc.defaultView;
  if (!app || !win) {
    load();
    return;
  }
  let started = false;
  const onStarted = (): void => {
    started = true;
  };
  doc.addEventListener(NAVIGATION_STARTED_EVENT, onStarted, { once: true });
  setTimeout(() => {
    doc.removeEventListener(NAVIGATION_STARTED_EVENT, onStarted);
    if (!started && parseVideoId(doc.location.href) !== videoId) load();
  }, fallbackMs);
  const cloneInto = (globalThis as { cloneInto?: CloneInto }).cloneInto;
  const detail = { endpoint };
  try {
    app.dispatchEvent(new win.CustomEvent(NAVIGATE_EVENT, { bubbles: true, composed: true, detail: cloneInto ? cloneInto(detail, win) : detail }));
  } catch {
    // The event could not be made for the page's world: the timer loads the URL.
  }
}
