/**
 * The YouTube page as the panel sees it: which video it shows, when it
 * navigates, its theme, its player, the panel's place in it, the clipboard,
 * and saving a file.
 * Everything that listens takes an `AbortSignal` and stops when it aborts.
 */
import { onYouTubeNavigated } from './navigation';
import { openVideo } from './open-video';
import { keepPanelHostPlaced } from './placement';
import { createYouTubePlayer, type Player } from './player';
import { DARK_THEME_ATTRIBUTE } from './selectors';
import { readTheme, type Theme } from './theme';
import { parseVideoId, type VideoId } from './url';

export type { Theme } from './theme';

export interface YouTubePage {
  /** The video the page shows now, or `null` (home, search results, channel pages). */
  videoId: () => VideoId | null;
  /** Calls `listener` after each in-page navigation, until `signal` aborts. */
  onNavigated: (listener: () => void, signal: AbortSignal) => void;
  theme: () => Theme;
  /** Calls `listener` when YouTube switches between light and dark, until `signal` aborts. */
  onThemeChange: (listener: () => void, signal: AbortSignal) => void;
  readonly player: Player;
  /** Goes to another video at `seconds`, in-page as YouTube's own links do where it can. */
  openVideo: (videoId: VideoId, seconds: number) => void;
  /** Puts the panel in the page and keeps it placed until `signal` aborts, then takes it out. */
  showPanel: (signal: AbortSignal) => void;
  /** Puts `text` on the clipboard; rejects if the browser refuses. */
  copyText: (text: string) => Promise<void>;
  /** Saves `text` as a download named `fileName` (the browser may ask where). */
  saveFile: (file: TextFile) => void;
}

export interface TextFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/**
 * A Blob URL clicked as `<a download>`: a download without the `downloads`
 * permission. The URL is revoked once the browser has had time to start it.
 */
export function saveTextFile(doc: Document, { fileName, mimeType, text }: TextFile): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  // In the document: Firefox ignores a click on a detached link.
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The page of `doc`, with `panelHost` as the element that carries the panel (a shadow host). */
export function createYouTubePage(doc: Document, { panelHost }: { panelHost: HTMLElement }): YouTubePage {
  return {
    videoId: () => parseVideoId(doc.location.href),
    onNavigated: (listener, signal) => onYouTubeNavigated(doc, signal, listener),
    theme: () => readTheme(doc),
    onThemeChange(listener, signal) {
      if (signal.aborted) return;
      const observer = new MutationObserver(listener);
      observer.observe(doc.documentElement, { attributes: true, attributeFilter: [DARK_THEME_ATTRIBUTE] });
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    },
    player: createYouTubePlayer(doc),
    openVideo: (videoId, seconds) => openVideo(doc, videoId, seconds),
    showPanel: (signal) => keepPanelHostPlaced(panelHost, doc, signal),
    copyText: (text) => doc.defaultView?.navigator.clipboard.writeText(text) ?? Promise.reject(new Error('no window')),
    saveFile: (file) => saveTextFile(doc, file),
  };
}
