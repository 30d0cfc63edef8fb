/**
 * The panel's view of extension storage: whether it is collapsed, and when a
 * new dataset became the active one. Every call is safe once the extension is
 * gone (see `extension-context.ts`).
 */
import { activeDatasetItem, panelCollapsedItem } from '../settings/storage-items';
import { callExtension } from './extension-context';

export interface PanelSettings {
  /** Collapsed or expanded, as last chosen in any tab (read once, at start-up). */
  readonly collapsed: boolean;
  /** Remembers the choice for every tab and later visits. */
  setCollapsed: (collapsed: boolean) => void;
  /** Calls `listener` when the choice changes (in another tab too), until `signal` aborts. */
  onCollapsedChange: (listener: (collapsed: boolean) => void, signal: AbortSignal) => void;
  /** Calls `listener` when another dataset becomes the active one (an import, a reset), until `signal` aborts. */
  onDatasetChange: (listener: () => void, signal: AbortSignal) => void;
}

/** Calls `unwatch` when `signal` aborts, or at once if it already has. */
function stopWith(signal: AbortSignal, unwatch: (() => void) | undefined): void {
  if (!unwatch) return;
  if (signal.aborted) callExtension(unwatch);
  else signal.addEventListener('abort', () => callExtension(unwatch), { once: true });
}

/** Reads the stored preference and returns the settings. Side effects: storage reads, writes and watches. */
export async function loadPanelSettings(): Promise<PanelSettings> {
  const stored = callExtension(() => panelCollapsedItem.getValue()) ?? Promise.resolve(false);
  const collapsed = await stored.catch(() => false);
  return {
    collapsed,
    setCollapsed(next) {
      void callExtension(() => panelCollapsedItem.setValue(next));
    },
    onCollapsedChange(listener, signal) {
      stopWith(signal, callExtension(() => panelCollapsedItem.watch((next) => listener(next))));
    },
    onDatasetChange(listener, signal) {
      // Written once each time a dataset is switched in, not at every progress write of an import.
      stopWith(signal, callExtension(() => activeDatasetItem.watch(() => listener())));
    },
  };
}
