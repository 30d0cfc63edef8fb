/** Requests to YouTube from the content script: same origin, with the page's cookies. */
import type { HttpAnswer } from '../youtube/captions/outcome';
import type { YouTubeRequest } from './fetch-captions';

/** A stalled timed-text answer can take ~8 s; past this we call it no answer. */
const TIMEOUT_MS = 15_000;

/**
 * Firefox runs a content script's `fetch` with the extension's origin; its
 * `content.fetch` is the page's own. Chrome's content-script fetch already is.
 */
function findPageFetch(): typeof fetch {
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return typeof content?.fetch === 'function' ? content.fetch.bind(content) : fetch;
}

/** A {@link YouTubeRequest} for the page the content script runs on. Side effect: network requests. */
export function createYouTubeRequest(pageFetch: typeof fetch = findPageFetch()): YouTubeRequest {
  return async (url, { method, body, signal }): Promise<HttpAnswer> => {
    const response = await pageFetch(url, {
      method,
      body,
      credentials: 'include',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
    });
    return { status: response.status, body: await response.text(), retryAfter: response.headers.get('Retry-After') };
  };
}
