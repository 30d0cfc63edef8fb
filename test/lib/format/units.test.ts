import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, plural } from '../../../lib/format/units';

describe('units', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [10 * 1024, '10 KB'],
    [7.6 * 1024 * 1024, '7.6 MB'],
    [250 * 1024 * 1024, '250 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
    [1024 ** 4, '1.0 TB'],
    [5 * 1024 ** 5, '5120 TB'],
    [-1, '—'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('formatBytes(%d) → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('counts with separators and plurals', () => {
    expect(formatCount(11300)).toBe('11,300');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(0, 'row')).toBe('0 rows');
    expect(formatCount(2.6)).toBe('3');
    expect(plural(100000, 'row')).toBe('100,000 rows');
    expect(plural(2, 'match', 'matches')).toBe('2 matches');
  });
});
