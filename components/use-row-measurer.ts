import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { RowHeights } from '../lib/list-window/row-heights';

/**
 * Measures the rows of `rowsRef` (its `<li data-index>` children) as they are
 * drawn and whenever their size changes (a row expanded, the panel resized),
 * with one ResizeObserver. `onMeasured` gets a function that records the new
 * heights in `heights` and says whether any offset moved, so it can look at
 * the list before and after.
 */
export function useRowMeasurer(
  rowsRef: RefObject<HTMLUListElement | null>,
  heights: RowHeights,
  onMeasured: (measure: () => boolean) => void,
): void {
  const latest = useRef({ heights, onMeasured });
  latest.current = { heights, onMeasured };
  const observer = useRef<ResizeObserver | null>(null);
  const observed = useRef(new Set<Element>());

  useLayoutEffect(() => {
    // happy-dom and old engines: rows keep their guessed heights.
    if (typeof ResizeObserver === 'undefined') return;
    const resizes = new ResizeObserver((entries) => {
      const { heights: rows, onMeasured: report } = latest.current;
      report(() => {
        let changed = false;
        for (const entry of entries) {
          if (!(entry.target instanceof HTMLElement) || !entry.target.isConnected) continue;
          const height = entry.borderBoxSize[0]?.blockSize ?? entry.target.getBoundingClientRect().height;
          if (rows.measure(Number(entry.target.dataset.index), height)) changed = true;
        }
        return rows.refreshEstimates() || changed;
      });
    });
    observer.current = resizes;
    const watched = observed.current;
    return () => {
      resizes.disconnect();
      watched.clear();
      observer.current = null;
    };
  }, []);

  // After every render: watch the rows just drawn, forget the ones gone. New heights (the rows now
  // show other content in the same elements) watch every row afresh: a row reports its size once watched.
  const observedFor = useRef(heights);
  useLayoutEffect(() => {
    const resizes = observer.current;
    const list = rowsRef.current;
    if (!resizes || !list) return;
    const isAfresh = observedFor.current !== heights;
    observedFor.current = heights;
    for (const row of observed.current) {
      if (isAfresh || row.parentElement !== list) {
        resizes.unobserve(row);
        observed.current.delete(row);
      }
    }
    for (const row of list.children) {
      if (!(row instanceof HTMLElement) || row.dataset.index === undefined || observed.current.has(row)) continue;
      observed.current.add(row);
      resizes.observe(row);
    }
  });
}
