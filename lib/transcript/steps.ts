/**
 * Long work as steps (issue 11): a generator that pauses (`yield`) between
 * small pieces of work and returns the result. Run it all at once, or in
 * slices of a few milliseconds that give the page its turn in between, so a
 * 50,000-segment transcript never holds YouTube's thread for long.
 */

/** Work that pauses between pieces and returns a `T`. */
export type Steps<T> = Generator<undefined, T, undefined>;

export interface SliceScheduling {
  /** Resolves when the page has had its turn (a task later). */
  yieldToPage: () => Promise<void>;
  /** A clock in milliseconds (`performance.now`). */
  now: () => number;
  /** Work per slice before yielding. */
  sliceMs: number;
  /** Stops the work (the video or the query changed); the promise then rejects with the signal's reason. */
  signal: AbortSignal;
}

/** Runs every step now. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps in slices of about `sliceMs`, giving the page its turn between them. Side effects: the timers `yieldToPage` sets. */
export async function runInSlices<T>(steps: Steps<T>, { yieldToPage, now, sliceMs, signal }: SliceScheduling): Promise<T> {
  for (;;) {
    signal.throwIfAborted();
    const sliceEnd = now() + sliceMs;
    do {
      const step = steps.next();
      if (step.done) return step.value;
    } while (now() < sliceEnd);
    await yieldToPage();
  }
}
