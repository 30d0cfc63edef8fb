/**
 * Where the panel goes on a watch page, and keeping it there while YouTube
 * re-renders around it. Functions take the document they work on.
 */
import { onYouTubeNavigated } from './navigation';
import { SELECTORS } from './selectors';

/** First child of the sidebar, else under the player, else floating over the page's corner. */
export type PanelPlacement = { kind: 'sidebar' | 'below-player'; anchor: Element } | { kind: 'floating' };

/** Marks the panel's host while it floats (host.css styles it). */
export const FLOATING_ATTRIBUTE = 'data-floating';

/** How often, at most, we check that YouTube has not dropped, moved or hidden the panel. */
export const PLACEMENT_CHECK_MS = 250;

function isShown(element: Element): boolean {
  // `getClientRects` is empty for `display: none` and its descendants.
  return element.getClientRects().length > 0;
}

/** Finds the best visible place for the panel. Reads the DOM (and its layout), changes nothing. */
export function findPanelPlacement(doc: Document): PanelPlacement {
  const sidebar = doc.querySelector(SELECTORS.sidebar);
  if (sidebar && isShown(sidebar)) return { kind: 'sidebar', anchor: sidebar };
  const below = doc.querySelector(SELECTORS.belowPlayer);
  if (below && isShown(below)) return { kind: 'below-player', anchor: below };
  return { kind: 'floating' };
}

/** Whether the page has loaded: before that, a missing sidebar is one not built yet, not one that is gone. */
function isPageLoaded(doc: Document): boolean {
  return doc.readyState === 'complete';
}

/**
 * Puts `host` in its best place, deciding that place once. Moves it only when
 * it is missing or elsewhere: other extensions also insert at the top of the
 * sidebar, and fighting over the first place would never settle. While the
 * page is still loading it waits for a place rather than float (the panel
 * starts with the page: issue 11). Returns whether the host is in the page.
 */
export function placePanelHost(host: HTMLElement, doc: Document): boolean {
  const placement = findPanelPlacement(doc);
  const anchor = placement.kind === 'floating' ? (isPageLoaded(doc) ? doc.body : null) : placement.anchor;
  if (!anchor) return host.isConnected;
  host.toggleAttribute(FLOATING_ATTRIBUTE, placement.kind === 'floating');
  if (host.parentElement !== anchor) anchor.prepend(host);
  return true;
}

/**
 * Places `host` now, and again whenever YouTube re-renders under it or
 * navigates, until `signal` aborts; then takes it out of the page. Until it
 * is first placed, every change to the page is a chance (the sidebar appearing
 * while YouTube builds the page); after that, checks are spaced by a timer,
 * so a page that removes the panel as fast as it can never traps us in a loop.
 */
export function keepPanelHostPlaced(host: HTMLElement, doc: Document, signal: AbortSignal): void {
  if (signal.aborted) return;
  let placed = placePanelHost(host, doc);
  let check: ReturnType<typeof setTimeout> | undefined;
  const scheduleCheck = (): void => {
    check ??= setTimeout(() => {
      check = undefined;
      placePanelHost(host, doc);
    }, PLACEMENT_CHECK_MS);
  };
  const observer = new MutationObserver(() => {
    if (placed) scheduleCheck();
    else placed = placePanelHost(host, doc);
  });
  // `<html>`, not `<body>`: a page may replace its body, and an observer of the old one would hear nothing more.
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  // After a navigation the sidebar is the new page's: move there without waiting.
  onYouTubeNavigated(doc, signal, () => placePanelHost(host, doc));
  // A page that loaded without a place for the panel: it floats from then on.
  doc.defaultView?.addEventListener('load', () => (placed = placePanelHost(host, doc) || placed), { signal, once: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(check);
      host.remove();
    },
    { once: true },
  );
}
