import { describe, expect, it } from 'vitest';
import { formatDuration, formatTimestamp } from '../../../lib/format/time';

describe('formatTimestamp', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [59.9, '0:59'],
    [60, '1:00'],
    [673, '11:13'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [36000, '10:00:00'],
    [-3, '0:00'],
    [Number.NaN, '0:00'],
  ])('%s s → %s', (seconds, expected) => {
    expect(formatTimestamp(seconds)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it('rounds to minutes, with hours past an hour', () => {
    expect(formatDuration(1858)).toBe('31 min');
    expect(formatDuration(3900)).toBe('1 h 5 min');
  });
});
