/** Binary search over sorted arrays, written once. Pure. */

/**
 * How many leading items of `items` satisfy `isBefore`, which must hold for a
 * prefix of the array and fail for the rest (the array is sorted by it).
 * That count is also the index of the first item that does not.
 */
export function countLeading<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isBefore(items[mid]!)) low = mid + 1;
    else high = mid;
  }
  return low;
}
