/** From a scroll position to the rows to draw, and from a row to the scroll position that shows it. Pure. */
import type { RowHeights } from './row-heights';

/** Rows `[start, end)`. */
export interface RowRange {
  start: number;
  end: number;
}

export interface Viewport {
  scrollTop: number;
  height: number;
}

/**
 * The rows that cover the viewport, plus `overscan` pixels above and below,
 * so a scroll of up to that much shows rows already drawn.
 */
export function findVisibleRange(rows: RowHeights, { scrollTop, height }: Viewport, overscan: number): RowRange {
  if (rows.count === 0) return { start: 0, end: 0 };
  const start = rows.indexAt(Math.max(0, scrollTop - overscan));
  const last = rows.indexAt(scrollTop + height + overscan);
  return { start, end: Math.min(rows.count, last + 1) };
}

/**
 * Where to scroll so row `index` is in view: centred, or (`center: false`)
 * moved just enough to show it whole; the current position if it already is.
 * Never below 0 or past the end.
 */
export function scrollTopFor(rows: RowHeights, index: number, { scrollTop, height }: Viewport, { center }: { center: boolean }): number {
  const top = rows.offsetOf(index);
  const rowHeight = rows.heightOf(index);
  const bottom = top + rowHeight;
  let target = scrollTop;
  if (center) target = top - (height - rowHeight) / 2;
  else if (top < scrollTop) target = top;
  else if (bottom > scrollTop + height) target = bottom - height;
  const maxTop = Math.max(0, rows.offsetOf(rows.count) - height);
  return Math.round(Math.min(maxTop, Math.max(0, target)));
}
