/**
 * YouTube is a single-page app: moving to another video does not reload the
 * page or re-run content scripts. These are the events that say a navigation
 * has finished and the URL is the new page's.
 */

/** Desktop (`yt-navigate-finish`) and mobile (`state-navigateend`) "navigation done" events, on `document`. */
export const NAVIGATION_FINISHED_EVENTS = ['yt-navigate-finish', 'state-navigateend'] as const;

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
