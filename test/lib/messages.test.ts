import { describe, expect, it, vi } from 'vitest';
import { createMessageListener, isRequest, type MessageHandlers } from '../../lib/messages';
import type { VideoId } from '../../lib/youtube-url';

const OWN_ID = 'ownextensionid';
const handlers: MessageHandlers = {
  getTranscript: ({ videoId }) => Promise.resolve({ status: 'not-in-dataset', videoId }),
};

describe('isRequest', () => {
  it.each([
    [{ type: 'getTranscript', videoId: 'yexR53My2O4' }, true],
    [{ type: 'getTranscript', videoId: 'not-an-id' }, false],
    [{ type: 'getTranscript' }, false],
    [{ type: 'deleteEverything', videoId: 'yexR53My2O4' }, false],
    ['getTranscript', false],
    [null, false],
  ])('%j → %s', (message, expected) => {
    expect(isRequest(message)).toBe(expected);
  });
});

describe('createMessageListener', () => {
  const listener = createMessageListener(handlers, OWN_ID);

  it('answers a request from this extension', async () => {
    const sendResponse = vi.fn();
    const keptOpen = listener({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' }, { id: OWN_ID }, sendResponse);
    expect(keptOpen).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ status: 'not-in-dataset', videoId: 'dQw4w9WgXcQ' as VideoId }));
  });

  it('ignores other extensions and pages', () => {
    const sendResponse = vi.fn();
    expect(listener({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' }, { id: 'someoneelse' }, sendResponse)).toBe(false);
    expect(listener({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' }, {}, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('ignores malformed messages', () => {
    const sendResponse = vi.fn();
    expect(listener({ type: 'getTranscript', videoId: '../../etc' }, { id: OWN_ID }, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });
});
