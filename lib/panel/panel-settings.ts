/**
 * The panel's view of extension storage: whether it is collapsed, whether the
 * one-line "no transcript" notice hides its reason, and when a new dataset
 * became the active one. Every call is safe once the extension is gone (see
 * `extension-context.ts`).
 */
import type { WxtStorageItem } from '#imports';
import { activeDatasetItem, noticeCollapsedItem, panelCollapsedItem } from '../settings/storage-items';
import { callExtension } from './extension-context';

export interface PanelSettings {
  /** Collapsed or expanded, as last chosen in any tab (read once, at start-up). */
  readonly collapsed: boolean;
  /** Remembers the choice for every tab and later visits. */
  setCollapsed: (collapsed: boolean) => void;
  /** Calls `listener` when the choice changes (in another tab too), until `signal` aborts. */
  onCollapsedChange: (listener: (collapsed: boolean) => void, signal: AbortSignal) => void;
  /** The same three for the one-line notice of a video with no transcript (collapsed by default). */
  readonly noticeCollapsed: boolean;
  setNoticeCollapsed: (collapsed: boolean) => void;
  onNoticeCollapsedChange: (listener: (collapsed: boolean) => void, signal: AbortSignal) => void;
  /** Calls `listener` when another dataset becomes the active one (an import, a reset), until `signal` aborts. */
  onDatasetChange: (listener: () => void, signal: AbortSignal) => void;
}

/** Calls `unwatch` when `signal` aborts, or at once if it already has. */
function stopWith(signal: AbortSignal, unwatch: (() => void) | undefined): void {
  if (!unwatch) return;
  if (signal.aborted) callExtension(unwatch);
  else signal.addEventListener('abort', () => callExtension(unwatch), { once: true });
}

/** A stored boolean's value now, or its fallback when storage cannot be read. */
async function readFlag(item: WxtStorageItem<boolean, Record<string, unknown>>): Promise<boolean> {
  const stored = callExtension(() => item.getValue()) ?? Promise.resolve(item.fallback);
  return stored.catch(() => item.fallback);
}

/** Reads the stored preferences and returns the settings. Side effects: storage reads, writes and watches. */
export async function loadPanelSettings(): Promise<PanelSettings> {
  const [collapsed, noticeCollapsed] = await Promise.all([readFlag(panelCollapsedItem), readFlag(noticeCollapsedItem)]);
  const write = (item: WxtStorageItem<boolean, Record<string, unknown>>, next: boolean): void => {
    void callExtension(() => item.setValue(next));
  };
  const watch = (item: WxtStorageItem<boolean, Record<string, unknown>>, listener: (next: boolean) => void, signal: AbortSignal) => {
    stopWith(signal, callExtension(() => item.watch((next) => listener(next))));
  };
  return {
    collapsed,
    setCollapsed: (next) => write(panelCollapsedItem, next),
    onCollapsedChange: (listener, signal) => watch(panelCollapsedItem, listener, signal),
    noticeCollapsed,
    setNoticeCollapsed: (next) => write(noticeCollapsedItem, next),
    onNoticeCollapsedChange: (listener, signal) => watch(noticeCollapsedItem, listener, signal),
    onDatasetChange(listener, signal) {
      // Written once each time a dataset is switched in, not at every progress write of an import.
      stopWith(signal, callExtension(() => activeDatasetItem.watch(() => listener())));
    },
  };
}
