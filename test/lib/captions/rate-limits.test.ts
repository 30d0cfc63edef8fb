import { describe, expect, it } from 'vitest';
import { createRateLimits, readRateLimitState } from '../../../lib/captions/rate-limits';

describe('createRateLimits', () => {
  it('lets every method through at first', () => {
    expect(createRateLimits(() => 0).secondsLeft('get_panel')).toBe(0);
  });

  it("waits as long as YouTube asks, for that method only", () => {
    let now = 0;
    const limits = createRateLimits(() => now);
    limits.record('timedtext', 300);
    expect(limits.secondsLeft('timedtext')).toBe(300);
    expect(limits.secondsLeft('get_panel')).toBe(0);
    now = 299_500;
    expect(limits.secondsLeft('timedtext')).toBe(1);
    now = 300_000;
    expect(limits.secondsLeft('timedtext')).toBe(0);
  });

  it('doubles the wait for each 429 in a row, up to 15 minutes, and starts over after another answer', () => {
    const limits = createRateLimits(() => 0);
    const waits: number[] = [];
    for (let strike = 0; strike < 6; strike += 1) {
      limits.record('get_panel', undefined);
      waits.push(limits.secondsLeft('get_panel'));
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900]);
    limits.clear('get_panel');
    expect(limits.secondsLeft('get_panel')).toBe(0);
    limits.record('get_panel', 5);
    expect(limits.secondsLeft('get_panel')).toBe(60);
  });

  it('keeps a Retry-After longer than the ceiling', () => {
    const limits = createRateLimits(() => 0);
    limits.record('get_panel', 3600);
    expect(limits.secondsLeft('get_panel')).toBe(3600);
  });
});

describe('readRateLimitState: what storage may hold', () => {
  it.each<[string, unknown, unknown]>([
    ['nothing', null, {}],
    ['a list', [], {}],
    ['an entry with no strikes', { get_panel: { until: 5, strikes: 0 } }, {}],
    ['an entry with one strike', { get_panel: { until: 5, strikes: 1 } }, { get_panel: { until: 5, strikes: 1 } }],
  ])('%s', (_label, stored, expected) => {
    expect(readRateLimitState(stored)).toEqual(expected);
  });
});
