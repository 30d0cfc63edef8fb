import { describe, expect, it, vi } from 'vitest';
import { isPageRequest, isPageResponse, isRequest } from '../../../lib/messaging/guards';
import { createMessageListener, createPageMessageListener } from '../../../lib/messaging/listener';
import type { DatasetStatus } from '../../../lib/imports/job';
import type { MessageHandlers } from '../../../lib/messaging/protocol';
import { parseVideoId } from '../../../lib/youtube/url';

const OWN_ID = 'ownextensionid';
const EMPTY_STATUS: DatasetStatus = {
  dataset: null,
  job: null,
  savedUrl: null,
  fullDataset: { automatic: true, failures: 0, lastTryAt: null, nextTryAt: null, failure: null, heldByUser: false },
};
const handlers: MessageHandlers = {
  getTranscript: () => Promise.resolve({ status: 'not-found' }),
  getTranscriptSegments: () => Promise.resolve({ status: 'not-found' }),
  getVideoInfo: () => Promise.resolve({ status: 'not-found' }),
  getDatasetStatus: () => Promise.resolve(EMPTY_STATUS),
  startImport: () => Promise.resolve({ status: 'started', jobId: 'job' }),
  cancelImport: () => Promise.resolve({ cancelled: false }),
  checkForUpdate: () => Promise.resolve({ status: 'no-url' }),
  searchLibrary: ({ query }) => Promise.resolve({ status: 'no-results', query }),
  downloadFullDataset: () => Promise.resolve({ status: 'not-needed' }),
  setFullDatasetAutomatic: ({ automatic }) => Promise.resolve({ automatic }),
  getCachedCaptions: () => Promise.resolve({ status: 'not-found', chosenTrackId: 'a.en' }),
  saveCaptions: () => Promise.resolve({ status: 'saved' }),
  rememberCaptionsTrack: () => Promise.resolve({ status: 'saved' }),
  getCaptionsCacheSummary: () => Promise.resolve({ status: 'found', videos: 3, chars: 1200 }),
  clearCaptionsCache: () => Promise.resolve({ status: 'saved' }),
};

const CAPTIONS = {
  videoId: 'yexR53My2O4',
  trackId: '.en',
  track: { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' },
  tracks: [],
  lines: [{ start: 0, end: 1, text: 'hi' }],
  chapters: [],
  method: 'get_panel',
  fetchedAt: 1,
};

describe('isRequest', () => {
  it.each([
    [{ type: 'getTranscript', videoId: 'yexR53My2O4' }, true],
    [{ type: 'getTranscript', videoId: 'not-an-id' }, false],
    [{ type: 'getTranscript' }, false],
    [{ type: 'getTranscriptSegments', videoId: 'yexR53My2O4', datasetId: 'd1', from: 5_000, to: 10_000 }, true],
    [{ type: 'getTranscriptSegments', videoId: 'yexR53My2O4', datasetId: 'd1', from: 0, to: 1 }, true],
    [{ type: 'getTranscriptSegments', videoId: 'yexR53My2O4', datasetId: 'd1', from: 0, to: 5_001 }, false],
    [{ type: 'getTranscriptSegments', videoId: 'yexR53My2O4', datasetId: 'd1', from: 10, to: 10 }, false],
    [{ type: 'getTranscriptSegments', videoId: 'yexR53My2O4', datasetId: 'd1', from: -1, to: 10 }, false],
    [{ type: 'getTranscriptSegments', videoId: 'yexR53My2O4', datasetId: 'd1', from: 0.5, to: 10 }, false],
    [{ type: 'getTranscriptSegments', videoId: 'yexR53My2O4', datasetId: 7, from: 0, to: 10 }, false],
    [{ type: 'getTranscriptSegments', videoId: 'yexR53My2O4', datasetId: 'x'.repeat(201), from: 0, to: 10 }, false],
    [{ type: 'getTranscriptSegments', videoId: 'yexR53My2O4', datasetId: 'x'.repeat(200), from: 0, to: 10 }, true],
    [{ type: 'getTranscriptSegments', videoId: 'not-an-id', datasetId: 'd1', from: 0, to: 10 }, false],
    [{ type: 'deleteEverything', videoId: 'yexR53My2O4' }, false],
    [{ type: 'toString' }, false],
    [{ type: 'getDatasetStatus' }, true],
    [{ type: 'startImport', source: { kind: 'url', url: 'https://huggingface.co/x.jsonl' } }, true],
    [{ type: 'startImport', source: { kind: 'url', url: 'javascript:alert(1)' } }, false],
    [{ type: 'startImport', source: { kind: 'file', uploadId: 'u1', name: 'a.csv' } }, true],
    [{ type: 'startImport', source: { kind: 'url', url: 'http://localhost:8080/x.csv' } }, true],
    [{ type: 'startImport', source: { kind: 'url', url: 'HTTPS://HUGGINGFACE.CO/X.JSONL' } }, true],
    [{ type: 'startImport', source: { kind: 'url', url: 'file:///etc/passwd#https://x' } }, false],
    [{ type: 'startImport', source: { kind: 'url', url: 'ftp://example.com/x.csv' } }, false],
    [{ type: 'startImport', source: { kind: 'url', url: 42 } }, false],
    [{ type: 'startImport', source: { kind: 'file' } }, false],
    [{ type: 'startImport', source: { kind: 'file', uploadId: 'u1' } }, false],
    [{ type: 'startImport', source: { kind: 'file', name: 'a.csv' } }, false],
    [{ type: 'startImport', source: { kind: 'folder' } }, false],
    [{ type: 'startImport', source: 'bundled' }, false],
    [{ type: 'getVideoInfo', videoId: 'yexR53My2O4' }, true],
    [{ type: 'getVideoInfo', videoId: 'yexR53My2O' }, false],
    [{ type: 'cancelImport' }, true],
    [{ type: 'checkForUpdate' }, true],
    [{ type: 42 }, false],
    [{ type: 'startImport', source: { kind: 'bundled' } }, true],
    [{ type: 'startImport' }, false],
    [{ type: 'getCachedCaptions', videoId: 'yexR53My2O4' }, true],
    [{ type: 'getCachedCaptions', videoId: 'yexR53My2O4', trackId: 'a.en' }, true],
    [{ type: 'getCachedCaptions', videoId: 'yexR53My2O4', trackId: 42 }, false],
    [{ type: 'getCachedCaptions', videoId: 'nope' }, false],
    [{ type: 'saveCaptions', captions: CAPTIONS }, true],
    [{ type: 'saveCaptions', captions: { ...CAPTIONS, lines: [{ start: 0, end: 1, text: 7 }] } }, false],
    [{ type: 'rememberCaptionsTrack', videoId: 'yexR53My2O4', trackId: 'a.en' }, true],
    [{ type: 'rememberCaptionsTrack', videoId: 'yexR53My2O4', trackId: '' }, false],
    [{ type: 'getCaptionsCacheSummary' }, true],
    [{ type: 'clearCaptionsCache' }, true],
    [{ type: 'searchLibrary', query: 'negative sampling', page: { videoLimit: 10, hitsPerVideo: 3 } }, true],
    [{ type: 'searchLibrary', query: '', page: { videoLimit: 10, videoOffset: 20, hitsPerVideo: 3 } }, true],
    [{ type: 'searchLibrary', query: 'x'.repeat(501), page: { videoLimit: 10, hitsPerVideo: 3 } }, false],
    [{ type: 'searchLibrary', query: 42, page: { videoLimit: 10, hitsPerVideo: 3 } }, false],
    [{ type: 'searchLibrary', query: 'a', page: { videoLimit: 0, hitsPerVideo: 3 } }, false],
    [{ type: 'searchLibrary', query: 'a', page: { videoLimit: 1e9, hitsPerVideo: 3 } }, false],
    [{ type: 'searchLibrary', query: 'a', page: { videoLimit: 10, videoOffset: -1, hitsPerVideo: 3 } }, false],
    [{ type: 'searchLibrary', query: 'a', page: { videoLimit: 2.5, hitsPerVideo: 3 } }, false],
    [{ type: 'searchLibrary', query: 'a' }, false],
    ['getTranscript', false],
    [null, false],
  ])('%j → %s', (message, expected) => {
    expect(isRequest(message)).toBe(expected);
  });
});

describe('createMessageListener', () => {
  const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;
  const listener = createMessageListener(handlers, OWN_ID, OWN_ORIGIN);
  const contentScript = { id: OWN_ID, url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' };
  const optionsPage = { id: OWN_ID, url: `${OWN_ORIGIN}options.html` };

  it('answers a request from this extension', async () => {
    const sendResponse = vi.fn();
    const keptOpen = listener({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' }, contentScript, sendResponse);
    expect(keptOpen).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ status: 'not-found' }));
  });

  it('takes dataset controls only from its own pages, not from the content script in YouTube', async () => {
    const sendResponse = vi.fn();
    const start = { type: 'startImport', source: { kind: 'url', url: 'https://evil.example/x.jsonl' } };
    expect(listener(start, contentScript, sendResponse)).toBe(false);
    expect(listener({ type: 'getDatasetStatus' }, contentScript, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
    expect(listener(start, optionsPage, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ status: 'started', jobId: 'job' }));
  });

  it.each([
    ['getDatasetStatus', { type: 'getDatasetStatus' }],
    ['startImport', { type: 'startImport', source: { kind: 'bundled' } }],
    ['cancelImport', { type: 'cancelImport' }],
    ['checkForUpdate', { type: 'checkForUpdate' }],
    ['getCaptionsCacheSummary', { type: 'getCaptionsCacheSummary' }],
    ['clearCaptionsCache', { type: 'clearCaptionsCache' }],
  ])('leaves %s unanswered from YouTube or from a page outside the extension', (_type, request) => {
    const sendResponse = vi.fn();
    expect(listener(request, contentScript, sendResponse)).toBe(false);
    expect(listener(request, { id: OWN_ID }, sendResponse)).toBe(false);
    expect(listener(request, { id: OWN_ID, url: `https://evil.example/${OWN_ORIGIN}` }, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it.each([
    [{ type: 'getDatasetStatus' }, EMPTY_STATUS],
    [{ type: 'cancelImport' }, { cancelled: false }],
    [{ type: 'checkForUpdate' }, { status: 'no-url' }],
    [{ type: 'getVideoInfo', videoId: 'dQw4w9WgXcQ' }, { status: 'not-found' }],
  ])('answers %j from its own pages with that handler', async (request, expected) => {
    const sendResponse = vi.fn();
    expect(listener(request, optionsPage, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(expected));
  });

  it.each([
    [{ type: 'getCachedCaptions', videoId: 'yexR53My2O4' }, { status: 'not-found', chosenTrackId: 'a.en' }],
    [{ type: 'saveCaptions', captions: CAPTIONS }, { status: 'saved' }],
    [{ type: 'rememberCaptionsTrack', videoId: 'yexR53My2O4', trackId: 'a.en' }, { status: 'saved' }],
  ])('answers the content script about the captions of its video: %j', async (request, expected) => {
    const sendResponse = vi.fn();
    expect(listener(request, contentScript, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(expected));
  });

  it.each([
    ['rejects', () => Promise.reject(new DOMException('The database connection is closing.', 'InvalidStateError'))],
    [
      'throws at once',
      () => {
        throw new Error('The database connection is closing.');
      },
    ],
  ])('answers every request it takes, even when its handler %s', async (_how, failing: () => Promise<never>) => {
    const failingListener = createMessageListener({ ...handlers, getDatasetStatus: failing, getTranscript: failing }, OWN_ID, OWN_ORIGIN);
    for (const [request, sender] of [
      [{ type: 'getDatasetStatus' }, optionsPage],
      [{ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' }, contentScript],
    ] as const) {
      const sendResponse = vi.fn();
      expect(failingListener(request, sender, sendResponse)).toBe(true);
      await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ backgroundError: 'The database connection is closing.' }));
    }
  });

  it('answers library searches from the content script too', async () => {
    const sendResponse = vi.fn();
    const request = { type: 'searchLibrary', query: 'zebra', page: { videoLimit: 5, hitsPerVideo: 3 } };
    expect(listener(request, contentScript, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ status: 'no-results', query: 'zebra' }));
  });

  it('ignores other extensions and pages', () => {
    const sendResponse = vi.fn();
    expect(listener({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' }, { id: 'someoneelse' }, sendResponse)).toBe(false);
    expect(listener({ type: 'getTranscript', videoId: 'dQw4w9WgXcQ' }, {}, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('ignores malformed messages', () => {
    const sendResponse = vi.fn();
    expect(listener({ type: 'getTranscript', videoId: '../../etc' }, optionsPage, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });
});

describe('isPageRequest', () => {
  it('accepts only getPageVideo', () => {
    expect(isPageRequest({ type: 'getPageVideo' })).toBe(true);
    expect(isPageRequest({ type: 'getTranscript', videoId: 'yexR53My2O4' })).toBe(false);
    expect(isPageRequest(null)).toBe(false);
    expect(isPageRequest('getPageVideo')).toBe(false);
  });
});

describe('isPageResponse', () => {
  it.each([
    [{ videoId: 'yexR53My2O4' }, true],
    [{ videoId: null }, true],
    [{ videoId: 'not-an-id' }, false],
    [{}, false],
    [null, false],
  ])('%j → %s', (message, expected) => {
    expect(isPageResponse(message)).toBe(expected);
  });
});

describe('createPageMessageListener', () => {
  it("tells our popup the tab's video, and nobody else", () => {
    const listener = createPageMessageListener(() => 'https://www.youtube.com/watch?v=yexR53My2O4&t=5s', OWN_ID, parseVideoId);
    const sendResponse = vi.fn();
    // It answers at once, so it never holds a sender's channel open (`false`).
    expect(listener({ type: 'getPageVideo' }, { id: 'other' }, sendResponse)).toBe(false);
    expect(listener({ type: 'getTranscript', videoId: 'yexR53My2O4' }, { id: OWN_ID }, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
    expect(listener({ type: 'getPageVideo' }, { id: OWN_ID }, sendResponse)).toBe(false);
    expect(sendResponse).toHaveBeenCalledWith({ videoId: 'yexR53My2O4' });
  });
});
