/**
 * What we know about YouTube's watch-page DOM: selectors, where the panel goes,
 * the main player. Functions take the document (or element) they work on.
 */

/** YouTube's DOM, named once. */
export const SELECTORS = {
  /** The main player's video. Not `document.querySelector('video')`: feeds hold hover previews (#inline-preview-player) and the miniplayer has its own. */
  mainVideo: '#movie_player video.html5-main-video',
  /** Right-hand column of the desktop watch page, above the related videos (where SponsorBlock and Return YouTube Dislike insert too). */
  sidebar: 'ytd-watch-flexy #secondary-inner',
  /** Under the player, in the primary column: used when the sidebar is missing or hidden. */
  belowPlayer: 'ytd-watch-flexy #below',
} as const;

/** Dark theme marker on `<html>`. */
export const DARK_THEME_ATTRIBUTE = 'dark';

/** The `<video>` of YouTube's main player, if the page has one. */
export function findMainVideo(doc: Document): HTMLVideoElement | null {
  return doc.querySelector<HTMLVideoElement>(SELECTORS.mainVideo);
}

/** Where the panel goes: first child of the sidebar, else under the player, else floating (`null`). */
export type PanelPlacement = { kind: 'sidebar' | 'below-player'; anchor: Element } | { kind: 'floating' };

function isShown(element: Element): boolean {
  // `getClientRects` is empty for `display: none` and its descendants.
  return element.getClientRects().length > 0;
}

/** Finds the best visible place for the panel. Reads the DOM, changes nothing. */
export function findPanelPlacement(doc: Document): PanelPlacement {
  const sidebar = doc.querySelector(SELECTORS.sidebar);
  if (sidebar && isShown(sidebar)) return { kind: 'sidebar', anchor: sidebar };
  const below = doc.querySelector(SELECTORS.belowPlayer);
  if (below && isShown(below)) return { kind: 'below-player', anchor: below };
  return { kind: 'floating' };
}

/** Whether YouTube shows its dark theme. */
export function isDarkTheme(doc: Document): boolean {
  return doc.documentElement.hasAttribute(DARK_THEME_ATTRIBUTE);
}

/**
 * Moves playback to `seconds` and starts it if paused. Side effect on the video.
 * Setting `currentTime` is enough from a content script; the page's own
 * `movie_player.seekTo()` is only reachable from the main world.
 */
export function seekVideo(video: HTMLVideoElement, seconds: number): void {
  const limit = Number.isFinite(video.duration) ? video.duration : Number.POSITIVE_INFINITY;
  video.currentTime = Math.min(Math.max(0, seconds), limit);
  if (video.paused) {
    // Autoplay rules may refuse play(); the seek still happened, so there is nothing to report.
    video.play().catch(() => undefined);
  }
}
