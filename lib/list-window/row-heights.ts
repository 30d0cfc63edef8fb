/**
 * The heights of a list's rows, measured or estimated, with prefix sums in a
 * Fenwick (binary indexed) tree: a row's offset, the row at an offset and a
 * new measurement each cost O(log n), so a 50,000-row list stays cheap
 * whatever is measured. Rows not measured yet count as their kind's mean
 * measured height (or the initial estimate). Pure apart from its own state.
 */

export interface RowHeights {
  readonly count: number;
  /** Top of row `index` from the top of the first row (`count` gives the total height). */
  offsetOf: (index: number) => number;
  heightOf: (index: number) => number;
  /** The row that covers `offset` (the last row starting at or before it), clamped to the rows. */
  indexAt: (offset: number) => number;
  /** Records a measured height. Returns whether any offset changed. */
  measure: (index: number, height: number) => boolean;
  /** Whether row `index` was measured. */
  isMeasured: (index: number) => boolean;
  /** The mean height of the measured rows of `kind`, else its estimate: a guess for another list of such rows. */
  meanOf: (kind: number) => number;
  /**
   * Re-estimates the rows not measured yet from the mean of the measured
   * rows of their kind, when it has moved by more than a pixel since the last
   * time (O(n)). Returns whether any offset changed.
   */
  refreshEstimates: () => boolean;
}

export interface RowHeightsOptions {
  count: number;
  /** The kind of a row (a segment, a chapter heading): rows of one kind are estimated alike. */
  kindOf: (index: number) => number;
  /** Height to assume for a kind before any of its rows is measured. */
  initialEstimate: (kind: number) => number;
}

/** Creates the heights of `count` rows, all estimated. */
export function createRowHeights({ count, kindOf, initialEstimate }: RowHeightsOptions): RowHeights {
  const heights = new Float64Array(count);
  const measured = new Uint8Array(count);
  const tree = new Float64Array(count + 1);
  const totals = new Map<number, { sum: number; rows: number; estimate: number }>();
  const statsOf = (kind: number) => {
    let stats = totals.get(kind);
    if (!stats) {
      stats = { sum: 0, rows: 0, estimate: initialEstimate(kind) };
      totals.set(kind, stats);
    }
    return stats;
  };

  function rebuild(): void {
    tree.fill(0);
    for (let i = 0; i < count; i += 1) {
      if (!measured[i]) heights[i] = statsOf(kindOf(i)).estimate;
      tree[i + 1]! += heights[i]!;
      const parent = i + 1 + ((i + 1) & -(i + 1));
      if (parent <= count) tree[parent]! += tree[i + 1]!;
    }
  }

  function add(index: number, delta: number): void {
    for (let i = index + 1; i <= count; i += i & -i) tree[i]! += delta;
  }

  function offsetOf(index: number): number {
    let sum = 0;
    for (let i = Math.min(Math.max(index, 0), count); i > 0; i -= i & -i) sum += tree[i]!;
    return sum;
  }

  function indexAt(offset: number): number {
    if (count === 0) return 0;
    // Walks down the tree: the largest prefix whose sum stays at or below `offset`.
    let position = 0;
    let remaining = offset;
    for (let step = 2 ** Math.floor(Math.log2(count)); step > 0; step >>= 1) {
      const next = position + step;
      if (next <= count && tree[next]! <= remaining) {
        position = next;
        remaining -= tree[next]!;
      }
    }
    return Math.min(position, count - 1);
  }

  rebuild();
  return {
    count,
    offsetOf,
    heightOf: (index) => heights[index] ?? 0,
    indexAt,
    isMeasured: (index) => measured[index] === 1,
    meanOf(kind) {
      const stats = statsOf(kind);
      return stats.rows === 0 ? stats.estimate : stats.sum / stats.rows;
    },
    measure(index, height) {
      if (!Number.isInteger(index) || index < 0 || index >= count || !Number.isFinite(height)) return false;
      const stats = statsOf(kindOf(index));
      if (measured[index]) stats.sum -= heights[index]!;
      else stats.rows += 1;
      stats.sum += height;
      measured[index] = 1;
      const delta = height - heights[index]!;
      if (delta === 0) return false;
      heights[index] = height;
      add(index, delta);
      return true;
    },
    refreshEstimates() {
      let changed = false;
      for (const stats of totals.values()) {
        if (stats.rows === 0) continue;
        const mean = stats.sum / stats.rows;
        if (Math.abs(mean - stats.estimate) > 1) {
          stats.estimate = mean;
          changed = true;
        }
      }
      if (!changed || !measured.includes(0)) return false;
      rebuild();
      return true;
    },
  };
}
