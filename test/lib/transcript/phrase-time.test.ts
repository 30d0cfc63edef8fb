import { describe, expect, it } from 'vitest';
import { estimatePhraseTime, findSegmentIndexAt, LEAD_IN_SECONDS } from '../../../lib/transcript/phrase-time';
import type { Segment } from '../../../lib/transcript/types';

const segment: Segment = { start: 100, end: 125, text: 'x'.repeat(400) };

describe('estimatePhraseTime', () => {
  it('interpolates by character offset and leads in by about a second', () => {
    expect(estimatePhraseTime(segment, 200)).toBeCloseTo(100 + 12.5 - LEAD_IN_SECONDS);
    expect(estimatePhraseTime(segment, 320)).toBeCloseTo(100 + 20 - LEAD_IN_SECONDS);
  });

  it('never leaves the segment', () => {
    expect(estimatePhraseTime(segment, 0)).toBe(100);
    expect(estimatePhraseTime(segment, 8)).toBe(100);
    expect(estimatePhraseTime(segment, 10_000)).toBe(125 - LEAD_IN_SECONDS);
    expect(estimatePhraseTime(segment, -5)).toBe(100);
  });

  it('gives the start of a segment with no text', () => {
    expect(estimatePhraseTime({ start: 100, end: 125, text: '' }, 0)).toBe(100);
  });
});

describe('findSegmentIndexAt', () => {
  const segments: Segment[] = [
    { start: 0, end: 20, text: 'a' },
    { start: 20, end: 45, text: 'b' },
    { start: 50, end: 70, text: 'c' },
  ];

  it.each([
    [0, 0],
    [19.9, 0],
    [20, 1],
    [47, 1], // in the gap, the last words heard
    [50, 2],
    [69.9, 2],
    [70, -1], // after the last segment
    [-1, -1],
  ])('at %s s → %s', (seconds, expected) => {
    expect(findSegmentIndexAt(segments, seconds)).toBe(expected);
  });

  it('handles an empty transcript', () => {
    expect(findSegmentIndexAt([], 10)).toBe(-1);
  });

  it.each([
    [5, 0],
    [10, -1],
  ])('in a one-segment transcript, at %s s → %s', (seconds, expected) => {
    expect(findSegmentIndexAt([{ start: 0, end: 10, text: 'a' }], seconds)).toBe(expected);
  });
});
