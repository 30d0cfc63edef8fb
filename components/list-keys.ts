/** Where a key moves focus in a list of `count` rows, some of which (headings) focus skips. Pure. */

/** Rows Page Up and Page Down move by. */
export const PAGE_ROWS = 5;

/**
 * The row the key moves focus to from row `index`: arrows step one
 * focusable row, Page Up/Down five, Home and End go to the first and the
 * last; at either end focus stays. `undefined` for any other key.
 */
export function findKeyTarget(key: string, index: number, count: number, isFocusable: (index: number) => boolean): number | undefined {
  const step = (direction: 1 | -1, rows: number): number => {
    let found = index;
    let taken = 0;
    for (let row = index + direction; row >= 0 && row < count && taken < rows; row += direction) {
      if (!isFocusable(row)) continue;
      found = row;
      taken += 1;
    }
    return found;
  };
  const firstFrom = (from: number, direction: 1 | -1): number | undefined => {
    for (let row = from; row >= 0 && row < count; row += direction) if (isFocusable(row)) return row;
    return undefined;
  };
  switch (key) {
    case 'ArrowDown':
      return step(1, 1);
    case 'ArrowUp':
      return step(-1, 1);
    case 'PageDown':
      return step(1, PAGE_ROWS);
    case 'PageUp':
      return step(-1, PAGE_ROWS);
    case 'Home':
      return firstFrom(0, 1);
    case 'End':
      return firstFrom(count - 1, -1);
    default:
      return undefined;
  }
}
