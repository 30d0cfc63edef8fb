import { describe, expect, it, vi } from 'vitest';
import { browser } from '#imports';
import { sendRequest } from '../../../lib/messaging/client';
import type { VideoId } from '../../../lib/youtube/url';

describe('sendRequest', () => {
  it('resolves with the background’s answer', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ status: 'not-found' } as never);
    await expect(sendRequest({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' as VideoId })).resolves.toEqual({ status: 'not-found' });
    expect(send).toHaveBeenCalledWith({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' });
  });

  it('rejects with the background’s words when its handler failed', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ backgroundError: 'The database connection is closing.' } as never);
    await expect(sendRequest({ type: 'getDatasetStatus' })).rejects.toThrow('The database connection is closing.');
  });

  it('rejects when nobody answered', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await expect(sendRequest({ type: 'getDatasetStatus' })).rejects.toThrow('no answer');
  });
});
