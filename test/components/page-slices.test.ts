import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInPageSlices } from '../../components/page-slices';
import { stubScheduler } from '../support/manual-scheduler';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Lets promise callbacks run. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => Promise.resolve());

describe('runInPageSlices', () => {
  it('starts the work in a task of the lowest priority, not in the task that asked for it', async () => {
    const scheduler = stubScheduler();
    const work = vi.fn(() => Promise.resolve('done'));
    const result = runInPageSlices(new AbortController().signal, work);
    await settle();
    expect(work).not.toHaveBeenCalled();
    expect(scheduler.asked).toEqual(['background']);
    scheduler.runNext();
    await expect(result).resolves.toBe('done');
  });

  it('gives each later slice a background task of its own', async () => {
    const scheduler = stubScheduler();
    const result = runInPageSlices(new AbortController().signal, async ({ yieldToPage }) => {
      await yieldToPage();
      await yieldToPage();
      return 'three slices';
    });
    for (let slice = 0; slice < 3; slice += 1) {
      await settle();
      expect(scheduler.pending()).toBe(1);
      scheduler.runNext();
    }
    await expect(result).resolves.toBe('three slices');
    expect(scheduler.asked).toEqual(['background', 'background', 'background']);
  });

  it('works in slices of at most 3 ms, well under the 4 ms a keystroke may cost', async () => {
    const scheduler = stubScheduler();
    const result = runInPageSlices(new AbortController().signal, (scheduling) => Promise.resolve(scheduling.sliceMs));
    await settle();
    scheduler.runNext();
    expect(await result).toBeLessThanOrEqual(3);
  });

  it('runs a slice that waited 100 ms for a quiet page anyway, and drops its background task', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const scheduler = stubScheduler();
    const work = vi.fn(() => Promise.resolve('ran'));
    const result = runInPageSlices(new AbortController().signal, work);
    await vi.advanceTimersByTimeAsync(99);
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('ran');
    expect(scheduler.pending()).toBe(0);
  });

  it('never starts work stopped while it waited', async () => {
    const scheduler = stubScheduler();
    const controller = new AbortController();
    const work = vi.fn(() => Promise.resolve('ran'));
    const result = runInPageSlices(controller.signal, work);
    controller.abort(new Error('typed over'));
    scheduler.runNext();
    await expect(result).rejects.toThrow('typed over');
    expect(work).not.toHaveBeenCalled();
  });

  it('waits for a message task where the scheduler may not be called', async () => {
    vi.stubGlobal('scheduler', {
      postTask: () => {
        throw new TypeError('Permission denied to access object');
      },
    });
    const work = vi.fn(() => Promise.resolve('ran'));
    const result = runInPageSlices(new AbortController().signal, work);
    expect(work).not.toHaveBeenCalled();
    await expect(result).resolves.toBe('ran');
  });

  it('waits for a message task where there is no scheduler', async () => {
    vi.stubGlobal('scheduler', undefined);
    const work = vi.fn(() => Promise.resolve('ran'));
    const result = runInPageSlices(new AbortController().signal, work);
    expect(work).not.toHaveBeenCalled();
    await expect(result).resolves.toBe('ran');
  });
});
