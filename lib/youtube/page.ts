/**
 * The YouTube page as the panel sees it: which video it shows, when it
 * navigates, its theme, its player, the panel's place in it, the clipboard.
 * Everything that listens takes an `AbortSignal` and stops when it aborts.
 */
import { onYouTubeNavigated } from './navigation';
import { keepPanelHostPlaced } from './placement';
import { createYouTubePlayer, type Player } from './player';
import { DARK_THEME_ATTRIBUTE } from './selectors';
import { parseVideoId, type VideoId } from './url';

export type Theme = 'light' | 'dark';

export interface YouTubePage {
  /** The video the page shows now, or `null` (home, search results, channel pages). */
  videoId: () => VideoId | null;
  /** Calls `listener` after each in-page navigation, until `signal` aborts. */
  onNavigated: (listener: () => void, signal: AbortSignal) => void;
  theme: () => Theme;
  /** Calls `listener` when YouTube switches between light and dark, until `signal` aborts. */
  onThemeChange: (listener: () => void, signal: AbortSignal) => void;
  readonly player: Player;
  /** Puts the panel in the page and keeps it placed until `signal` aborts, then takes it out. */
  showPanel: (signal: AbortSignal) => void;
  /** Puts `text` on the clipboard; rejects if the browser refuses. */
  copyText: (text: string) => Promise<void>;
}

/** Whether YouTube shows its dark theme. */
export function isDarkTheme(doc: Document): boolean {
  return doc.documentElement.hasAttribute(DARK_THEME_ATTRIBUTE);
}

/** The page of `doc`, with `panelHost` as the element that carries the panel (a shadow host). */
export function createYouTubePage(doc: Document, { panelHost }: { panelHost: HTMLElement }): YouTubePage {
  return {
    videoId: () => parseVideoId(doc.location.href),
    onNavigated: (listener, signal) => onYouTubeNavigated(doc, signal, listener),
    theme: () => (isDarkTheme(doc) ? 'dark' : 'light'),
    onThemeChange(listener, signal) {
      if (signal.aborted) return;
      const observer = new MutationObserver(listener);
      observer.observe(doc.documentElement, { attributes: true, attributeFilter: [DARK_THEME_ATTRIBUTE] });
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    },
    player: createYouTubePlayer(doc),
    showPanel: (signal) => keepPanelHostPlaced(panelHost, doc, signal),
    copyText: (text) => doc.defaultView?.navigator.clipboard.writeText(text) ?? Promise.reject(new Error('no window')),
  };
}
