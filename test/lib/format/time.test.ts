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
  it.each([
    [0, '0 min'],
    [-120, '0 min'],
    [89, '1 min'],
    [90, '2 min'],
    [1858, '31 min'],
    [3540, '59 min'],
    [3600, '1 h 0 min'],
    [3900, '1 h 5 min'],
    [7260, '2 h 1 min'],
  ])('%s s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});
