/**
 * Downloading a dataset URL: the request (with the HTTP validators the daily
 * check sends), the response as a byte stream with its size and validators,
 * and whether the server still has the version we saved.
 */
import { DownloadAccessError, DownloadStalledError, HttpStatusError } from './errors';
import { DEFAULT_IDLE_TIMEOUT_MS, fetchWithIdleTimeout, withIdleTimeout } from './idle-timeout';
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

/** How a URL is downloaded. */
export interface Downloader {
  fetch: typeof fetch;
  /** A download that gets no bytes for this long fails (default 30 s). */
  idleTimeoutMs?: number | undefined;
}

/**
 * GETs `url`, bypassing the HTTP cache, with `If-None-Match` / `If-Modified-Since`
 * when `validators` are given. A request that gets no readable answer throws
 * `DownloadAccessError`, one that gets no answer in time `DownloadStalledError`,
 * unless it was aborted.
 */
export async function requestUrl(
  { fetch: fetchFn, idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS }: Downloader,
  url: string,
  signal: AbortSignal,
  validators: Validators = {},
): Promise<Response> {
  const headers = new Headers();
  if (validators.etag) headers.set('If-None-Match', validators.etag);
  if (validators.lastModified) headers.set('If-Modified-Since', validators.lastModified);
  try {
    const stalled = () => new DownloadStalledError(url, idleTimeoutMs);
    return await fetchWithIdleTimeout(fetchFn, url, { signal, headers, cache: 'no-store' }, idleTimeoutMs, stalled);
  } catch (error) {
    if (signal.aborted || error instanceof DownloadStalledError) throw error;
    throw new DownloadAccessError(url);
  }
}

/**
 * The body of a successful response to a request for `url`, with its size and
 * validators; throws on an HTTP error. The body fails if no bytes arrive for
 * `idleTimeoutMs`.
 */
export function openResponse(
  response: Response,
  { url, idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS }: { url: string } & Pick<Downloader, 'idleTimeoutMs'>,
): OpenedSource {
  if (!response.ok || !response.body) throw new HttpStatusError(response.status, response.statusText);
  const length = Number(response.headers.get('Content-Length'));
  // With Content-Encoding, Content-Length counts the encoded bytes but the body
  // yields decoded ones: the total is then unknown to us.
  const encoded = response.headers.has('Content-Encoding');
  return {
    stream: withIdleTimeout(response.body, idleTimeoutMs, () => new DownloadStalledError(url, idleTimeoutMs)),
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
export async function requestIfChanged(downloader: Downloader, saved: SavedDatasetUrl, signal: AbortSignal): Promise<Response> {
  try {
    return await requestUrl(downloader, saved.url, signal, saved);
  } catch (error) {
    if (!(error instanceof DownloadAccessError)) throw error;
    return requestUrl(downloader, saved.url, signal);
  }
}
