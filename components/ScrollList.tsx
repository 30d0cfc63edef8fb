import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { findVisibleRange, scrollTopFor, type RowRange } from '../lib/list-window/visible-range';
import { findKeyTarget } from './list-keys';
import { useListViewport } from './use-list-viewport';
import { useRememberedHeights } from './use-remembered-heights';
import { useRowMeasurer } from './use-row-measurer';
import './ScrollList.css';

export interface ScrollListProps {
  label: string;
  rowCount: number;
  /** What row `index` shows (its `<li>` is the list's). */
  renderRow: (index: number) => ComponentChildren;
  /** A class for row `index`'s `<li>`. */
  rowClass?: ((index: number) => string | undefined) | undefined;
  /** Rows of one kind (a segment, a chapter heading) are guessed alike until measured. */
  rowKind?: ((index: number) => number) | undefined;
  /** What row `index` shows (a segment's index): a row is guessed as tall as one that showed the same before. */
  rowIdentity?: ((index: number) => number) | undefined;
  /** Arrow keys, Home and End stop only at these rows (headings are skipped). */
  isFocusable?: ((index: number) => boolean) | undefined;
  /** Row to keep in view, or -1. */
  activeIndex: number;
  /** Keep `activeIndex` in view as it changes. */
  follow: boolean;
  /** Centre the active row (following playback) rather than just reveal it (stepping through hits). */
  center: boolean;
  /** The row Tab reaches: drawn even when it is far off screen. */
  tabStopIndex?: number | undefined;
  /** The user moved the list themselves, by scrolling or by keyboard (not us keeping a row in view). */
  onUserScroll?: () => void;
  /** Changes when the rows do (a new query): the rows are measured afresh and the active one brought into view. */
  contentKey?: string;
  /** Focus moved to row `index` (by Tab, arrows or a click): it should be the list's Tab stop. */
  onFocusItem?: (index: number) => void;
  /** Lists of up to this many rows are drawn whole (default `DRAW_ALL_ROWS`); longer ones only near the view. */
  drawAllUpTo?: number | undefined;
}

/** Below this many rows every row is drawn: the browser's find-in-page and screen readers' browse mode see them all. */
export const DRAW_ALL_ROWS = 200;
/** Before a row is measured: a one-line segment, and a chapter heading. */
const GUESSED_HEIGHT = [36, 34];
/** Space above the first row and below the last. */
const LIST_PADDING = 4;
/** The list's height before it is in a page that lays it out (var(--yts-list-height)'s default). */
const FALLBACK_HEIGHT = 420;
/** Rows drawn beyond the view, in view heights: few while new rows keep coming (each keystroke's hits, each
 * laid out in its frame: issue 11), a whole view once they have been still `SETTLE_MS` or the user scrolls. */
const QUICK_OVERSCAN = 0.25;
const SETTLE_MS = 300;

const everyRow = (): number => 0;
const anyRow = (): boolean => true;

/**
 * A scrolling list that draws only the rows near the viewport (issue 11: a
 * 50,000-segment video), each positioned at its offset, and keeps one row in
 * view without moving YouTube's page. Rows carry their place in the whole
 * list (`aria-posinset`/`aria-setsize`); arrow keys, Home and End reach rows
 * not drawn yet, and the row Tab reaches is always drawn.
 */
export function ScrollList(props: ScrollListProps) {
  const { label, rowCount, renderRow, rowClass, activeIndex, follow, center, tabStopIndex, onUserScroll, contentKey, onFocusItem } = props;
  // A short list draws every row, but its first frame only the rows near the view: the rest come in a
  // task after that frame is painted (issue 11: opening a video never holds YouTube's page for long).
  const [isFilled, setFilled] = useState(false);
  useEffect(() => {
    setFilled(true);
  }, []);
  const drawsAll = isFilled && rowCount <= (props.drawAllUpTo ?? DRAW_ALL_ROWS);
  const isFocusable = props.isFocusable ?? anyRow;
  const rowsRef = useRef<HTMLUListElement>(null);
  // Set by us scrolling, so the scroll event it causes is not taken for the user's.
  const expectedTop = useRef<number | null>(null);
  const pendingFocus = useRef<number | null>(null);
  const [focusedRow, setFocusedRow] = useState<number | null>(null);
  const [, redraw] = useReducer((count: number) => count + 1, 0);
  const heights = useRememberedHeights({
    rowCount,
    contentKey,
    kindOf: props.rowKind ?? everyRow,
    identityOf: props.rowIdentity,
    initialEstimate: (kind) => GUESSED_HEIGHT[kind] ?? GUESSED_HEIGHT[0]!,
  });
  const isSettled = useRef(false);
  const overscan = (height: number) => (isSettled.current ? height : height * QUICK_OVERSCAN);
  const [range, setRange] = useState<RowRange>(() => findVisibleRange(heights, { scrollTop: 0, height: FALLBACK_HEIGHT }, overscan(FALLBACK_HEIGHT)));

  const place = useListViewport(rowsRef);
  const viewport = () => {
    const { scrollTop, height } = place.read();
    return { scrollTop: scrollTop - LIST_PADDING, height: height || FALLBACK_HEIGHT, rowsTop: LIST_PADDING };
  };
  const updateRange = (): void => {
    const view = viewport();
    const next = findVisibleRange(heights, view, overscan(view.height));
    setRange((current) => (current.start === next.start && current.end === next.end ? current : next));
  };
  /** Scrolls the list itself (never the page) so `index` shows. */
  const reveal = (index: number, options: { center: boolean }): void => {
    if (!rowsRef.current) return;
    const view = viewport();
    expectedTop.current = place.scrollTo(scrollTopFor(heights, index, view, options) + view.rowsTop);
    updateRange();
  };
  const keepActiveInView = (): boolean => {
    if (!follow || activeIndex < 0 || activeIndex >= rowCount) return false;
    reveal(activeIndex, { center });
    return true;
  };

  // Reading the list's size or scroll position before the browser has laid it out would make it lay
  // out the whole page at once, inside our task (30-70 ms while YouTube loads, issue 11). The list's
  // first layout, which the browser does for its frame anyway, reports through a ResizeObserver
  // before that frame is painted: the list scrolls to its row then (and again when it is resized).
  const latest = useRef({ keepActiveInView, updateRange, place });
  latest.current = { keepActiveInView, updateRange, place };
  const isMounting = useRef(typeof ResizeObserver !== 'undefined');
  useLayoutEffect(() => {
    const list = rowsRef.current;
    if (!list || !isMounting.current) return;
    const resizes = new ResizeObserver(() => {
      latest.current.place.noteLayout();
      if (!latest.current.keepActiveInView()) latest.current.updateRange();
    });
    resizes.observe(list);
    return () => resizes.disconnect();
  }, []);

  // After the list's own observer: its callback reads the list's place, which the rows' redraw would make
  // the browser lay out again inside that callback (a forced layout of every new row while a video opens).
  useRowMeasurer(rowsRef, heights, (measure) => {
    // Keep what the reader sees still while rows above it find their real height.
    const before = viewport();
    const anchor = heights.indexAt(before.scrollTop);
    const intoAnchor = before.scrollTop - heights.offsetOf(anchor);
    if (!measure()) return;
    if (!keepActiveInView() && rowsRef.current && before.scrollTop > 0) {
      const top = heights.offsetOf(anchor) + intoAnchor + before.rowsTop;
      if (Math.abs(place.read().scrollTop - top) >= 1) expectedTop.current = place.scrollTo(top);
    }
    updateRange();
    redraw(undefined);
  });

  // Before the browser paints: the rows at the new position are drawn in the same frame.
  useLayoutEffect(() => {
    if (isMounting.current) {
      isMounting.current = false;
      return;
    }
    if (!keepActiveInView()) updateRange();
  }, [activeIndex, follow, center, heights]);

  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const button = rowsRef.current?.querySelector<HTMLElement>(`:scope > [data-index="${index}"] button`);
    if (!button) return;
    pendingFocus.current = null;
    button.focus({ preventScroll: true });
  });

  // New rows start with few drawn beyond the view, the rest once they have been still a moment.
  useEffect(() => {
    isSettled.current = false;
    const timer = setTimeout(() => {
      isSettled.current = true;
      latest.current.updateRange();
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [heights]);

  const handleScroll = () => {
    if (!rowsRef.current) return;
    place.noteScroll();
    const expected = expectedTop.current;
    // Our own scrolls land where we put them; anything else is the user's, who may go on scrolling.
    const isOurs = expected !== null && Math.abs(place.read().scrollTop - expected) <= 2;
    if (!isOurs) {
      expectedTop.current = null;
      isSettled.current = true;
    }
    updateRange();
    if (!isOurs) onUserScroll?.();
  };

  // One Tab stop for the whole list; arrow keys, Page Up/Down, Home and End move between its rows, drawn or not.
  const handleKeyDown = (event: KeyboardEvent) => {
    const row = event.target instanceof HTMLElement ? event.target.closest('li') : null;
    const index = Number(row?.dataset.index);
    if (row?.parentElement !== rowsRef.current || !Number.isInteger(index)) return;
    const target = findKeyTarget(event.key, index, rowCount, isFocusable);
    if (target === undefined) return;
    event.preventDefault();
    pendingFocus.current = target;
    setFocusedRow(target);
    reveal(target, { center: false });
    redraw(undefined);
    onUserScroll?.(); // browsing by keyboard is the user moving the list too
  };

  const drawn = new Set<number>();
  const shown = drawsAll ? { start: 0, end: rowCount } : range;
  for (let index = shown.start; index < Math.min(shown.end, rowCount); index += 1) drawn.add(index);
  for (const pinned of [tabStopIndex, focusedRow, pendingFocus.current]) {
    if (pinned !== undefined && pinned !== null && pinned >= 0 && pinned < rowCount) drawn.add(pinned);
  }
  const total = heights.offsetOf(rowCount);
  return (
    <ul
      class="yts-list"
      aria-label={label}
      ref={rowsRef}
      // The whole list's height (ScrollList.css gives it to a pseudo-element); the rows drawn sit over it at their offsets.
      style={{ '--yts-list-extent': `${total + 2 * LIST_PADDING}px` }}
      onScroll={handleScroll}
      onKeyDown={handleKeyDown}
      onFocusIn={(event) => {
        const item = event.target instanceof HTMLElement ? event.target.closest('li') : null;
        const index = Number(item?.dataset.index);
        if (item?.parentElement !== rowsRef.current || !Number.isInteger(index)) return;
        setFocusedRow(index);
        onFocusItem?.(index);
      }}
      onFocusOut={(event) => {
        if (!(event.relatedTarget instanceof Node && rowsRef.current?.contains(event.relatedTarget))) setFocusedRow(null);
      }}
    >
      {[...drawn]
        .sort((a, b) => a - b)
        .map((index) => (
          // Keyed by place, not by query: the next query's rows reuse these elements, only what differs is rewritten (issue 11).
          <li
            key={index}
            class={rowClass?.(index)}
            data-index={index}
            aria-setsize={rowCount}
            aria-posinset={index + 1}
            style={{ top: `${heights.offsetOf(index) + LIST_PADDING}px` }}
          >
            {renderRow(index)}
          </li>
        ))}
    </ul>
  );
}
