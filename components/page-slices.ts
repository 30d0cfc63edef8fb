import type { SliceScheduling } from '../lib/transcript/steps';

/** Work per slice: well under a frame, so the page never waits on the panel's long work (issue 11). */
const SLICE_MS = 8;

/**
 * The page's turn: a message task, not `setTimeout(0)`, which browsers slow
 * to 4 ms once timers nest (each slice would idle half as long as it works).
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Slices of the page's main thread for work that `signal` stops. */
export function inPageSlices(signal: AbortSignal): SliceScheduling {
  return { yieldToPage, now: () => performance.now(), sliceMs: SLICE_MS, signal };
}
