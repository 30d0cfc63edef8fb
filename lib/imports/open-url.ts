/**
 * Downloading a dataset URL: the request (with the HTTP validators the daily
 * check sends), the response as a byte stream with its size and validators,
 * and whether the server still has the version we saved.
 */
import { DownloadAccessError, HttpStatusError } from './errors';
import type { SavedDatasetUrl } from './job';

/** A source opened for reading, whatever it is. */
export interface OpenedSource {
  stream: ReadableStream<Uint8Array>;
  /** From Content-Length or the file size; `null` when unknown. */
  totalBytes: number | null;
  /** HTTP validators, kept for the daily check. */
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** SHA-256 of the file, where it was read whole first (the bundled sample). */
  contentHash?: string | undefined;
}

export type Validators = Pick<SavedDatasetUrl, 'etag' | 'lastModified'>;

/**
 * GETs `url`, bypassing the HTTP cache, with `If-None-Match` / `If-Modified-Since`
 * when `validators` are given. A request that gets no readable answer throws
 * `DownloadAccessError`, unless it was aborted.
 */
export async function requestUrl(
  fetchFn: typeof fetch,
  url: string,
  signal: AbortSignal,
  validators: Validators = {},
): Promise<Response> {
  const headers = new Headers();
  if (validators.etag) headers.set('If-None-Match', validators.etag);
  if (validators.lastModified) headers.set('If-Modified-Since', validators.lastModified);
  try {
    return await fetchFn(url, { signal, headers, cache: 'no-store' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DownloadAccessError(url);
  }
}

/** The body of a successful response, with its size and validators; throws on an HTTP error. */
export function openResponse(response: Response): OpenedSource {
  if (!response.ok || !response.body) throw new HttpStatusError(response.status, response.statusText);
  const length = Number(response.headers.get('Content-Length'));
  // With Content-Encoding, Content-Length counts the encoded bytes but the body
  // yields decoded ones: the total is then unknown to us.
  const encoded = response.headers.has('Content-Encoding');
  return {
    stream: response.body,
    totalBytes: !encoded && Number.isFinite(length) && length > 0 ? length : null,
    etag: response.headers.get('ETag') ?? undefined,
    lastModified: response.headers.get('Last-Modified') ?? undefined,
  };
}

/** Whether the server says it still has the version `saved` describes: a 304, or the same ETag (else Last-Modified). */
export function isSavedVersion(response: Response, saved: Validators): boolean {
  if (response.status === 304) return true;
  if (!response.ok) return false;
  const etag = response.headers.get('ETag') ?? undefined;
  const lastModified = response.headers.get('Last-Modified') ?? undefined;
  return etag !== undefined ? etag === saved.etag : lastModified !== undefined && lastModified === saved.lastModified;
}

/**
 * The daily check's request: asks with the saved validators and returns the
 * response. If-None-Match / If-Modified-Since make a cross-origin request need
 * a CORS preflight, which many static hosts do not answer; then it asks
 * plainly, and the caller compares.
 */
export async function requestIfChanged(fetchFn: typeof fetch, saved: SavedDatasetUrl, signal: AbortSignal): Promise<Response> {
  try {
    return await requestUrl(fetchFn, saved.url, signal, saved);
  } catch (error) {
    if (!(error instanceof DownloadAccessError)) throw error;
    return requestUrl(fetchFn, saved.url, signal);
  }
}
