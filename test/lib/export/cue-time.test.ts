import { describe, expect, it } from 'vitest';
import { formatCueTime, normalizeCueSpan } from '../../../lib/export/cue-time';

describe('formatCueTime', () => {
  it.each([
    [0, '00:00:00,000', '00:00:00.000'],
    [25.4, '00:00:25,400', '00:00:25.400'],
    [61.0005, '00:01:01,001', '00:01:01.001'],
    [59.9996, '00:01:00,000', '00:01:00.000'],
    [3725.125, '01:02:05,125', '01:02:05.125'],
    [360000, '100:00:00,000', '100:00:00.000'],
    [-3, '00:00:00,000', '00:00:00.000'],
    [Number.NaN, '00:00:00,000', '00:00:00.000'],
    [Number.POSITIVE_INFINITY, '00:00:00,000', '00:00:00.000'],
  ])('%s s is %s in SRT and %s in VTT', (seconds, srt, vtt) => {
    expect(formatCueTime(seconds, 'srt')).toBe(srt);
    expect(formatCueTime(seconds, 'vtt')).toBe(vtt);
  });
});

describe('normalizeCueSpan', () => {
  it.each([
    [{ start: 1, end: 2 }, { start: 1, end: 2 }],
    [{ start: 5, end: 5 }, { start: 5, end: 5.001 }],
    [{ start: 5, end: 4 }, { start: 5, end: 5.001 }],
    [{ start: -1, end: 2 }, { start: 0, end: 2 }],
    [{ start: Number.NaN, end: 2 }, { start: 0, end: 2 }],
    [{ start: 3, end: Number.NaN }, { start: 3, end: 3.001 }],
  ])('%o becomes %o', (span, expected) => {
    const normalized = normalizeCueSpan(span);
    expect(normalized.start).toBe(expected.start);
    expect(normalized.end).toBeCloseTo(expected.end, 9);
  });
});
