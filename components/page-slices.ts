import type { SliceScheduling } from '../lib/transcript/steps';

/**
 * Work per slice: a keystroke, a frame or the page's own task that comes
 * while a slice runs waits for it, so a slice stays well under the 4 ms a
 * keystroke may cost (issue 11).
 */
const SLICE_MS = 3;
/** A slice waiting for a quiet moment runs after this long anyway: a page that is never quiet still gets its search. */
const LONGEST_WAIT_MS = 100;

/**
 * The page's turn: the next slice is a task of the lowest priority
 * (`scheduler.postTask` 'background'), so the page's input, frames and own
 * tasks all go first; a slice that waited `LONGEST_WAIT_MS` runs anyway.
 * Where there is no `scheduler` (Firefox before 142), a message task, not
 * `setTimeout(0)`, which browsers slow to 4 ms once timers nest.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const ran = new AbortController();
    const run = () => {
      ran.abort();
      resolve();
    };
    try {
      scheduler.postTask(run, { priority: 'background', signal: ran.signal }).catch(() => undefined);
    } catch {
      // No scheduler here (or one a content script may not call).
      postMessageTask(run);
      return;
    }
    const timer = setTimeout(run, LONGEST_WAIT_MS);
    ran.signal.addEventListener('abort', () => clearTimeout(timer));
  });
}

function postMessageTask(run: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(null);
}

/** Slices of the page's main thread for work that `signal` stops. */
function inPageSlices(signal: AbortSignal): SliceScheduling {
  return { yieldToPage, now: () => performance.now(), sliceMs: SLICE_MS, signal };
}

/**
 * Runs `work` with slices of the page's main thread, the first one in a task
 * of its own too: an effect that starts it runs right after a frame, in a
 * task the page's next one (a keystroke's echo, its own work) would wait for.
 */
export function runInPageSlices<T>(signal: AbortSignal, work: (scheduling: SliceScheduling) => Promise<T>): Promise<T> {
  const scheduling = inPageSlices(signal);
  return scheduling.yieldToPage().then(() => {
    signal.throwIfAborted();
    return work(scheduling);
  });
}
