/**
 * Progress reports at most every `intervalMs`, the latest one always
 * delivered: a burst of rows followed by a stalled download still shows the
 * rows. Side effects: one timer, until `stop`.
 */
export interface ProgressReporter {
  /** Something changed; report it now or soon. */
  update(): void;
  /** Reports the final state now and cancels any pending report. */
  stop(): void;
  /** Cancels any pending report without sending one (the work failed). */
  cancel(): void;
}

export function createProgressReporter<T>(onProgress: ((progress: T) => void) | undefined, read: () => T, intervalMs = 100): ProgressReporter {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    timer = undefined;
    last = Date.now();
    onProgress?.(read());
  };
  return {
    update() {
      if (!onProgress || timer !== undefined) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) send();
      else timer = setTimeout(send, wait);
    },
    stop() {
      clearTimeout(timer);
      send();
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
