import { describe, expect, it } from 'vitest';
import { createRowHeights } from '../../../lib/list-window/row-heights';
import { findVisibleRange, scrollTopFor } from '../../../lib/list-window/visible-range';

const SEGMENT = 0;
const CHAPTER = 1;

/** Ten rows, every fourth a chapter heading; segments guessed at 40 px, headings at 30 px. */
const tenRows = () =>
  createRowHeights({ count: 10, kindOf: (index) => (index % 4 === 0 ? CHAPTER : SEGMENT), initialEstimate: (kind) => (kind === CHAPTER ? 30 : 40) });

describe('createRowHeights', () => {
  it('adds up estimates until rows are measured', () => {
    const rows = tenRows();
    // Rows 0, 4, 8 are headings (30), the seven others segments (40).
    expect(rows.offsetOf(0)).toBe(0);
    expect(rows.offsetOf(1)).toBe(30);
    expect(rows.offsetOf(5)).toBe(30 + 3 * 40 + 30);
    expect(rows.offsetOf(10)).toBe(3 * 30 + 7 * 40);
  });

  it('moves every later offset when a row is measured, and says whether anything moved', () => {
    const rows = tenRows();
    expect(rows.measure(2, 100)).toBe(true);
    expect(rows.offsetOf(2)).toBe(70);
    expect(rows.offsetOf(3)).toBe(170);
    expect(rows.offsetOf(10)).toBe(3 * 30 + 6 * 40 + 100);
    expect(rows.measure(2, 100)).toBe(false);
    expect(rows.isMeasured(2)).toBe(true);
    expect(rows.isMeasured(3)).toBe(false);
  });

  it.each([
    { offset: -5, index: 0 },
    { offset: 0, index: 0 },
    { offset: 29.5, index: 0 },
    { offset: 30, index: 1 },
    { offset: 69, index: 1 },
    { offset: 70, index: 2 },
    { offset: 369, index: 9 },
    { offset: 10_000, index: 9 },
  ])('finds row $index at offset $offset', ({ offset, index }) => {
    expect(tenRows().indexAt(offset)).toBe(index);
  });

  it('estimates unmeasured rows from the mean of their kind once asked to', () => {
    const rows = tenRows();
    rows.measure(1, 60);
    rows.measure(2, 80);
    expect(rows.heightOf(3)).toBe(40);
    expect(rows.refreshEstimates()).toBe(true);
    // Segments now count as 70 px; headings keep their guess, measured rows their height.
    expect(rows.heightOf(3)).toBe(70);
    expect(rows.heightOf(4)).toBe(30);
    expect(rows.heightOf(1)).toBe(60);
    expect(rows.offsetOf(10)).toBe(3 * 30 + 60 + 80 + 5 * 70);
    expect(rows.refreshEstimates()).toBe(false);
  });

  it('gives the mean measured height of a kind, or its guess while none is measured, for the next list of such rows', () => {
    const rows = tenRows();
    expect(rows.meanOf(SEGMENT)).toBe(40);
    rows.measure(1, 61);
    rows.measure(2, 80);
    rows.measure(2, 82); // measured again: only its latest height counts
    expect(rows.meanOf(SEGMENT)).toBe(71.5);
    expect(rows.meanOf(CHAPTER)).toBe(30);
  });

  it('finds rows in a 50,000-row list of mixed heights as a plain sum would', () => {
    const count = 50_000;
    const rows = createRowHeights({ count, kindOf: () => SEGMENT, initialEstimate: () => 24 });
    const truth = Array.from({ length: count }, () => 24);
    for (let index = 7; index < count; index += 997) {
      truth[index] = 24 + (index % 50);
      rows.measure(index, truth[index]!);
    }
    let sum = 0;
    for (let index = 0; index < count; index += 1) {
      if (index % 4_999 === 0) {
        expect(rows.offsetOf(index)).toBe(sum);
        expect(rows.indexAt(sum)).toBe(index);
        expect(rows.indexAt(sum + truth[index]! - 0.5)).toBe(index);
      }
      sum += truth[index]!;
    }
    expect(rows.offsetOf(count)).toBe(sum);
  });

  it('ignores rows outside the list and heights that are not numbers', () => {
    const rows = tenRows();
    expect(rows.measure(-1, 50)).toBe(false);
    expect(rows.measure(10, 50)).toBe(false);
    expect(rows.measure(3, Number.NaN)).toBe(false);
    expect(rows.offsetOf(10)).toBe(370);
  });

  it('holds an empty list', () => {
    const rows = createRowHeights({ count: 0, kindOf: () => SEGMENT, initialEstimate: () => 24 });
    expect(rows.offsetOf(0)).toBe(0);
    expect(findVisibleRange(rows, { scrollTop: 0, height: 400 }, 100)).toEqual({ start: 0, end: 0 });
  });
});

describe('findVisibleRange', () => {
  // 100 rows of 20 px: 2,000 px in all.
  const rows = createRowHeights({ count: 100, kindOf: () => SEGMENT, initialEstimate: () => 20 });

  it.each([
    { scrollTop: 0, height: 100, overscan: 0, range: { start: 0, end: 6 } },
    { scrollTop: 0, height: 100, overscan: 40, range: { start: 0, end: 8 } },
    { scrollTop: 500, height: 100, overscan: 40, range: { start: 23, end: 33 } },
    { scrollTop: 1_900, height: 100, overscan: 40, range: { start: 93, end: 100 } },
  ])('at $scrollTop px, $height px high, $overscan px overscan: rows $range.start to $range.end', ({ scrollTop, height, overscan, range }) => {
    expect(findVisibleRange(rows, { scrollTop, height }, overscan)).toEqual(range);
  });
});

describe('scrollTopFor', () => {
  const rows = createRowHeights({ count: 100, kindOf: () => SEGMENT, initialEstimate: () => 20 });
  const viewport = { scrollTop: 500, height: 100 };

  it.each([
    { index: 50, center: true, expected: 960 },
    { index: 0, center: true, expected: 0 },
    { index: 99, center: true, expected: 1_900 },
    // Already in view: stays.
    { index: 27, center: false, expected: 500 },
    // Above: its top at the top. Below: its bottom at the bottom.
    { index: 10, center: false, expected: 200 },
    { index: 40, center: false, expected: 720 },
  ])('row $index, centred $center: $expected', ({ index, center, expected }) => {
    expect(scrollTopFor(rows, index, viewport, { center })).toBe(expected);
  });
});

describe('row heights: the first and last rows, and a row measured twice', () => {
  const rowsOf = (count: number) => createRowHeights({ count, kindOf: () => 0, initialEstimate: () => 20 });

  it('measures the first row and counts the last row in the total', () => {
    const rows = rowsOf(3);
    expect(rows.measure(0, 30)).toBe(true);
    expect(rows.measure(2, 50)).toBe(true);
    expect(rows.offsetOf(3)).toBe(100);
  });

  it('estimates from the latest height of a row measured twice', () => {
    const rows = rowsOf(3);
    rows.measure(0, 50);
    rows.measure(0, 50);
    rows.refreshEstimates();
    expect(rows.heightOf(2)).toBe(50);
  });

  it('has no row to find in an empty list', () => {
    expect(rowsOf(0).indexAt(10)).toBe(0);
  });
});
