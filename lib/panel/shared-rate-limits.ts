/**
 * One captions back-off for every YouTube tab: a 429 that one tab met holds
 * the others back too, as YouTube limits the viewer, not the tab. The state
 * sits in extension storage; each tab keeps a copy for synchronous reads,
 * updated when any tab writes. Every call is safe once the extension is gone.
 */
import { createRateLimits, readRateLimitState, type RateLimits, type RateLimitState } from '../captions/rate-limits';
import { captionsBackOffItem } from '../settings/storage-items';
import { callExtension } from './extension-context';

/**
 * Rate limits sharing the stored back-off, usable at once: the stored state
 * arrives a moment later (before the panel's first captions request, which
 * waits for the dataset's answer), and other tabs' changes until `signal`
 * aborts. Side effects: a storage read, writes and a watch.
 */
export function createSharedRateLimits(signal: AbortSignal, now: () => number = Date.now): RateLimits {
  let state: RateLimitState = {};
  let changed = false;
  const adopt = (next: unknown): void => {
    state = readRateLimitState(next);
    changed = true;
  };
  void callExtension(() => captionsBackOffItem.getValue())?.then((stored) => {
    // A change seen meanwhile (ours or another tab's) is newer than this read.
    if (!changed) adopt(stored);
  }).catch(() => undefined);
  const unwatch = callExtension(() => captionsBackOffItem.watch(adopt));
  if (unwatch) {
    if (signal.aborted) callExtension(unwatch);
    else signal.addEventListener('abort', () => callExtension(unwatch), { once: true });
  }
  return createRateLimits(now, {
    read: () => state,
    write(next) {
      adopt(next);
      void callExtension(() => captionsBackOffItem.setValue(next));
    },
  });
}
