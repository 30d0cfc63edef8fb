import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, plural } from '../../../lib/format/units';

describe('units', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [7.6 * 1024 * 1024, '7.6 MB'],
    [250 * 1024 * 1024, '250 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
  ])('formatBytes(%d) → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('counts with separators and plurals', () => {
    expect(formatCount(11300)).toBe('11,300');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(100000, 'row')).toBe('100,000 rows');
    expect(plural(2, 'match', 'matches')).toBe('2 matches');
  });
});
