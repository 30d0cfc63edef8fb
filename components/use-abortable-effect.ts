import { useEffect, useLayoutEffect, type Inputs } from 'preact/hooks';

/**
 * An effect whose work (requests, listeners, observers, timers) takes an
 * `AbortSignal`, aborted when the inputs change or the component goes: the
 * signal replaces hand-written clean-up.
 */
export function useAbortableEffect(effect: (signal: AbortSignal) => void, inputs: Inputs): void {
  useEffect(() => runAbortable(effect), inputs);
}

/** The same, run before the browser paints (for DOM placement). */
export function useAbortableLayoutEffect(effect: (signal: AbortSignal) => void, inputs: Inputs): void {
  useLayoutEffect(() => runAbortable(effect), inputs);
}

function runAbortable(effect: (signal: AbortSignal) => void): () => void {
  const controller = new AbortController();
  effect(controller.signal);
  return () => controller.abort();
}
