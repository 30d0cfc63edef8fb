/**
 * Where the panel goes on a watch page, and keeping it there while YouTube
 * re-renders around it. Functions take the document they work on.
 */
import { onYouTubeNavigated } from './navigation';
import { SELECTORS } from './selectors';

/**
 * First child of the sidebar; else right after the title and description
 * block under the player; else floating over the window's corner.
 */
export type PanelPlacement = { kind: 'sidebar' | 'below-player'; anchor: Element } | { kind: 'floating' };

/** Marks the panel's host while it floats (host.css styles it). */
export const FLOATING_ATTRIBUTE = 'data-floating';
/** The placement's kind, on the host (host.css spaces it per place). */
export const PLACEMENT_ATTRIBUTE = 'data-placement';

/** How often, at most, we check that YouTube has not dropped, moved or hidden the panel. */
export const PLACEMENT_CHECK_MS = 250;

/** How far the page's fixed bars reach into the window, in px: a floating panel stays between them. */
export interface WindowInsets {
  top: number;
  bottom: number;
}

function isShown(element: Element): boolean {
  // `getClientRects` is empty for `display: none` and its descendants.
  return element.getClientRects().length > 0;
}

/** Finds the best visible place for the panel. Reads the DOM (and its layout), changes nothing. */
export function findPanelPlacement(doc: Document): PanelPlacement {
  const sidebar = doc.querySelector(SELECTORS.sidebar);
  if (sidebar && isShown(sidebar)) return { kind: 'sidebar', anchor: sidebar };
  const metadata = doc.querySelector(SELECTORS.belowPlayerMetadata);
  if (metadata && isShown(metadata)) return { kind: 'below-player', anchor: metadata };
  return { kind: 'floating' };
}

/** Whether the page has loaded: before that, a missing sidebar is one not built yet, not one that is gone. */
function isPageLoaded(doc: Document): boolean {
  return doc.readyState === 'complete';
}

/** The least height a floating panel keeps below the player before it gives up and overlaps it. */
const MIN_ROOM_BELOW_PLAYER = 200;

/**
 * The space YouTube's fixed top bars (masthead, Music's nav bar) and bottom
 * bars (Music's player bar, mobile's pivot bar) take from the window, and the
 * player when it sits above `host`'s column with room to spare below it
 * (mobile YouTube in a tall window). Reads layout.
 */
export function measureWindowInsets(doc: Document, host?: Element): WindowInsets {
  const height = doc.defaultView?.innerHeight ?? 0;
  const insets: WindowInsets = { top: 0, bottom: 0 };
  for (const bar of doc.querySelectorAll(SELECTORS.topBars)) {
    const box = bar.getBoundingClientRect();
    // Only a bar pinned to the top edge; a masthead scrolled away takes nothing.
    if (isShown(bar) && box.top <= 1 && box.bottom > insets.top && box.bottom < height / 2) insets.top = box.bottom;
  }
  for (const bar of doc.querySelectorAll(SELECTORS.bottomBars)) {
    const box = bar.getBoundingClientRect();
    if (isShown(bar) && box.bottom >= height - 1 && box.top > height / 2) insets.bottom = Math.max(insets.bottom, height - box.top);
  }
  const player = doc.querySelector(SELECTORS.player);
  if (host && player && isShown(player)) {
    const column = host.getBoundingClientRect();
    const box = player.getBoundingClientRect();
    const overlaps = box.left < column.right && box.right > column.left && box.bottom > insets.top;
    if (overlaps && height - insets.bottom - box.bottom >= MIN_ROOM_BELOW_PLAYER) insets.top = box.bottom;
  }
  return { top: Math.round(insets.top), bottom: Math.round(insets.bottom) };
}

function setInsets(host: HTMLElement, { top, bottom }: WindowInsets): void {
  // Custom properties survive WXT's `all: initial` on the host and reach host.css.
  for (const [name, value] of [['--yts-inset-top', `${top}px`], ['--yts-inset-bottom', `${bottom}px`]] as const) {
    if (host.style.getPropertyValue(name) !== value) host.style.setProperty(name, value);
  }
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
  const floating = placement.kind === 'floating';
  if (floating && !isPageLoaded(doc)) return host.isConnected;
  host.toggleAttribute(FLOATING_ATTRIBUTE, floating);
  if (host.getAttribute(PLACEMENT_ATTRIBUTE) !== placement.kind) host.setAttribute(PLACEMENT_ATTRIBUTE, placement.kind);
  switch (placement.kind) {
    case 'sidebar':
      if (host.parentElement !== placement.anchor) placement.anchor.prepend(host);
      break;
    case 'below-player':
      // After the title and description, before comments (issue 9: never between player and title).
      if (host.parentElement !== placement.anchor.parentElement) placement.anchor.after(host);
      break;
    case 'floating':
      if (host.parentElement !== doc.body) doc.body.append(host);
      setInsets(host, measureWindowInsets(doc, host));
      break;
  }
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
  // A narrower window drops the sidebar (YouTube goes to one column); the floating panel's room changes too.
  doc.defaultView?.addEventListener('resize', scheduleCheck, { signal });
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
