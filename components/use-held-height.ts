import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Keeps a box at least as tall as it last was while `holding` is false, so
 * that swapping what it holds (search results, "No matches") does not move
 * anything below it on a keystroke (issue 9). `minHeight` is undefined while
 * not holding.
 */
export function useHeldHeight(holding: boolean): { ref: { current: HTMLDivElement | null }; minHeight: number | undefined } {
  const ref = useRef<HTMLDivElement>(null);
  const height = useRef<number | undefined>(undefined);
  // After every render while not holding: the height to hold once holding starts.
  useLayoutEffect(() => {
    if (!holding && ref.current) height.current = ref.current.offsetHeight;
  });
  return { ref, minHeight: holding ? height.current : undefined };
}
