import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startKeepAlive } from '../../../lib/imports/keep-alive';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startKeepAlive', () => {
  it('pings every 20 s until stopped, and a failed ping does not stop it', async () => {
    const ping = vi.fn<() => Promise<unknown>>().mockRejectedValueOnce(new Error('context invalidated')).mockResolvedValue(undefined);
    const stop = startKeepAlive(ping);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(ping).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(ping).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(ping).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).toHaveBeenCalledTimes(3);
  });
});
