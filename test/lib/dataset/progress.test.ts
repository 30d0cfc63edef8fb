import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressReporter } from '../../../lib/dataset/progress';

describe('createProgressReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp() {
    let value = 0;
    const seen: number[] = [];
    const reporter = createProgressReporter((progress: number) => seen.push(progress), () => value, 100);
    return { seen, reporter, set: (next: number) => (value = next) };
  }

  it('reports at once again when the next update comes after a quiet interval', () => {
    const { seen, reporter, set } = setUp();
    set(1);
    reporter.update();
    vi.advanceTimersByTime(150);
    set(2);
    reporter.update();
    expect(seen).toEqual([1, 2]);
  });

  it('reports at once, then at most every interval, and always the latest', () => {
    const { seen, reporter, set } = setUp();
    set(1);
    reporter.update();
    set(2);
    reporter.update();
    set(3);
    reporter.update();
    expect(seen).toEqual([1]);
    // The source stalls here: the rows already read still show.
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([1, 3]);
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual([1, 3]);
  });

  it('sends the final state on stop, and nothing after', () => {
    const { seen, reporter, set } = setUp();
    reporter.update();
    set(5);
    reporter.update();
    reporter.stop();
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual([0, 5]);
  });

  it('sends nothing more once cancelled', () => {
    const { seen, reporter, set } = setUp();
    reporter.update();
    set(5);
    reporter.update();
    reporter.cancel();
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual([0]);
  });
});
