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
  const isHolding = useRef(holding);
  isHolding.current = holding;
  // The height to hold once holding starts, as the browser lays the box out: reading offsetHeight
  // after each render would make it lay the whole page out inside our task (issue 11).
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const resizes = new ResizeObserver(([entry]) => {
      if (!isHolding.current && entry) height.current = entry.borderBoxSize[0]?.blockSize ?? box.offsetHeight;
    });
    resizes.observe(box);
    return () => resizes.disconnect();
  }, []);
  // Without a ResizeObserver (happy-dom, old engines): after every render while not holding.
  useLayoutEffect(() => {
    if (typeof ResizeObserver === 'undefined' && !holding && ref.current) height.current = ref.current.offsetHeight;
  });
  return { ref, minHeight: holding ? height.current : undefined };
}
