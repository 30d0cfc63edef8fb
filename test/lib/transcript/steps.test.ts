import { describe, expect, it } from 'vitest';
import { runInSlices, runToEnd, type Steps } from '../../../lib/transcript/steps';

/** Counts to `to`, pausing after each number; the clock moves 1 ms per read. */
function* countTo(to: number, log: number[]): Steps<string> {
  for (let n = 1; n <= to; n += 1) {
    log.push(n);
    yield;
  }
  return `counted to ${to}`;
}

function fakeScheduling(signal = new AbortController().signal) {
  let time = 0;
  const turns: number[] = [];
  const log: number[] = [];
  return {
    log,
    turns,
    scheduling: {
      now: () => (time += 1),
      sliceMs: 4,
      signal,
      yieldToPage: () => {
        turns.push(log.length);
        return Promise.resolve();
      },
    },
  };
}

describe('runToEnd', () => {
  it('runs every step at once and returns the result', () => {
    const log: number[] = [];
    expect(runToEnd(countTo(5, log))).toBe('counted to 5');
    expect(log).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('runInSlices', () => {
  it('gives the page its turn between slices of about sliceMs, and returns the result', async () => {
    const { scheduling, turns, log } = fakeScheduling();
    await expect(runInSlices(countTo(10, log), scheduling)).resolves.toBe('counted to 10');
    expect(log).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // A slice reads the clock as it starts and after each step (1 ms a read): 4 steps per 4 ms slice.
    expect(turns).toEqual([4, 8]);
  });

  it('does not wait for the page when the work fits in one slice', async () => {
    const { scheduling, turns, log } = fakeScheduling();
    await runInSlices(countTo(2, log), scheduling);
    expect(turns).toEqual([]);
  });

  it('stops at the next slice once the signal aborts, with its reason', async () => {
    const controller = new AbortController();
    const { scheduling, log } = fakeScheduling(controller.signal);
    const yieldToPage = () => {
      controller.abort(new Error('typed over'));
      return Promise.resolve();
    };
    await expect(runInSlices(countTo(10, log), { ...scheduling, yieldToPage })).rejects.toThrow('typed over');
    expect(log).toEqual([1, 2, 3, 4]);
  });
});
