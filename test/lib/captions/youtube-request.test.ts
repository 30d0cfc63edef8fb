import { describe, expect, it, vi } from 'vitest';
import { createYouTubeRequest } from '../../../lib/captions/youtube-request';

describe('createYouTubeRequest', () => {
  it("sends the page's cookies and reads status, body and Retry-After", async () => {
    const pageFetch = vi.fn<typeof fetch>(() => Promise.resolve(new Response('sorry', { status: 429, headers: { 'Retry-After': '30' } })));
    const request = createYouTubeRequest(pageFetch);

    const answer = await request('/youtubei/v1/get_panel?prettyPrint=false', { method: 'POST', body: '{}', signal: new AbortController().signal });

    expect(answer).toEqual({ status: 429, body: 'sorry', retryAfter: '30' });
    const init = pageFetch.mock.calls[0]![1]!;
    expect(init).toMatchObject({ method: 'POST', body: '{}', credentials: 'include', headers: { 'Content-Type': 'application/json' } });
  });

  it('gives up with the video: an aborted signal aborts the request', async () => {
    const pageFetch = vi.fn<typeof fetch>((_url, init) => {
      init?.signal?.throwIfAborted();
      return Promise.resolve(new Response(''));
    });
    const controller = new AbortController();
    controller.abort();
    await expect(createYouTubeRequest(pageFetch)('/api/timedtext?v=x&lang=en', { method: 'GET', signal: controller.signal })).rejects.toThrow();
  });

  it("uses Firefox's content.fetch (the page's own) where there is one", async () => {
    const pageFetch = vi.fn<typeof fetch>(() => Promise.resolve(new Response('{}')));
    vi.stubGlobal('content', { fetch: pageFetch });
    try {
      await createYouTubeRequest()('/api/timedtext?v=x&lang=en', { method: 'GET', signal: new AbortController().signal });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(pageFetch).toHaveBeenCalledOnce();
  });

  it("uses the content script's own fetch where there is no content.fetch (Chrome)", async () => {
    const chromeFetch = vi.fn<typeof fetch>(() => Promise.resolve(new Response('{}')));
    vi.stubGlobal('fetch', chromeFetch);
    try {
      expect((globalThis as { content?: unknown }).content).toBeUndefined();
      await createYouTubeRequest()('/api/timedtext?v=x&lang=en', { method: 'GET', signal: new AbortController().signal });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(chromeFetch).toHaveBeenCalledOnce();
  });
});
