/**
 * The one import slot: at most one import (or daily check that may become
 * one) runs at a time, whoever starts it. Whoever holds the slot holds its
 * lease: an abort signal that Cancel fires, the job it shows, and `release`.
 */
import type { ImportJob } from './job';

export interface ImportLease {
  /** Fired by `cancel`: everything the holder started takes it. */
  readonly signal: AbortSignal;
  /** The job the holder runs, once it has one: what status requests see while it runs. */
  job: ImportJob | null;
  /** Frees the slot; later calls do nothing. */
  release(): void;
}

export interface ImportSlot {
  /** Takes the slot, or returns `null` when it is held. */
  take(): ImportLease | null;
  /** The lease held now, if any. */
  readonly held: ImportLease | null;
  /**
   * Aborts the holder and resolves once it has let go; `false` when the slot
   * was free. With a `reason`, the holder failed because of it (the job says
   * why); without, the user cancelled.
   */
  cancel(reason?: Error): Promise<boolean>;
  /** Resolves when the slot is free. */
  whenFree(): Promise<void>;
}

export function createImportSlot(): ImportSlot {
  let held: { lease: ImportLease; abort: AbortController; freed: Promise<void> } | null = null;

  return {
    take() {
      if (held) return null;
      const abort = new AbortController();
      let free = (): void => undefined;
      const freed = new Promise<void>((resolve) => (free = resolve));
      const lease: ImportLease = {
        signal: abort.signal,
        job: null,
        release() {
          if (held?.lease !== lease) return;
          held = null;
          free();
        },
      };
      held = { lease, abort, freed };
      return lease;
    },
    get held() {
      return held?.lease ?? null;
    },
    async cancel(reason) {
      if (!held) return false;
      const { abort, freed } = held;
      abort.abort(reason);
      await freed;
      return true;
    },
    whenFree() {
      return held?.freed ?? Promise.resolve();
    },
  };
}
