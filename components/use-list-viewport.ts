import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';

export interface ListViewport {
  /** The list's scroll position and height: as last seen once it has been laid out, else read from it. */
  read: () => { scrollTop: number; height: number };
  /** Scrolls the list to `top` unless it is there already; returns where it now is. */
  scrollTo: (top: number) => number;
  /** The list scrolled (its scroll event): records where it is. */
  noteScroll: () => void;
  /** The list was laid out (its ResizeObserver): records its position and height. */
  noteLayout: () => void;
}

/**
 * Where a scrolling list is, without asking it in the middle of a render:
 * reading `scrollTop` or `clientHeight` (or writing `scrollTop`) after the
 * DOM changed makes the browser lay the page out inside our task, and lay it
 * out again for the frame (issue 11: most of a keystroke's cost in a long
 * transcript). The list's own events say where it is; until its first layout
 * (and where there is no ResizeObserver) it is read.
 */
export function useListViewport(listRef: RefObject<HTMLElement | null>): ListViewport {
  const seen = useRef<{ scrollTop: number; height: number } | null>(null);
  const read = () => {
    if (seen.current) return seen.current;
    const list = listRef.current;
    return { scrollTop: list?.scrollTop ?? 0, height: list?.clientHeight ?? 0 };
  };
  return {
    read,
    scrollTo(top) {
      const list = listRef.current;
      if (!list) return top;
      if (Math.abs(read().scrollTop - top) < 1) return read().scrollTop;
      list.scrollTop = top;
      // The browser may have stopped short of `top` (the end of the list).
      const landed = list.scrollTop;
      if (seen.current) seen.current = { ...seen.current, scrollTop: landed };
      return landed;
    },
    noteScroll() {
      const list = listRef.current;
      if (list && seen.current) seen.current = { ...seen.current, scrollTop: list.scrollTop };
    },
    noteLayout() {
      const list = listRef.current;
      if (list) seen.current = { scrollTop: list.scrollTop, height: list.clientHeight };
    },
  };
}
