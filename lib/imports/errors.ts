/** Import failures in plain words. Pure. */
import { EmptyDatasetError } from './import-dataset';
import { DatasetFormatError } from '../dataset/reader';
import type { ImportError } from './job';
import { describeError } from '../format/describe-error';
import { plural } from '../format/units';

const KEPT = 'The dataset you had is still in use.';

/** The server answered, but not with the file. */
export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  constructor(readonly status: number, statusText: string) {
    super(`The server answered ${status}${statusText ? ` ${statusText}` : ''}.`);
  }
}

/** The browser took the cache away mid-import (the extension's data was cleared): what was written is gone. */
export class CacheLostError extends Error {
  override name = 'CacheLostError';
  constructor() {
    super("The extension's stored data was cleared while this import ran, so it stopped. The bundled sample is in use again.");
  }
}

/** No bytes arrived for a while: the server stalled. */
export class DownloadStalledError extends Error {
  override name = 'DownloadStalledError';
  constructor(url: string, idleMs: number) {
    super(`The download from ${new URL(url).host} stalled: no data arrived for ${plural(Math.round(idleMs / 1000), 'second')}.`);
  }
}

/** The browser stopped the worker mid-import once too often, so the import stopped starting over. */
export class ImportInterruptedError extends Error {
  override name = 'ImportInterruptedError';
  constructor(readonly times: number) {
    super(`The import was interrupted ${times} times and has stopped.`);
  }
}

/** The origin pattern host permissions use for a URL (`https://example.com/*`). */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** The request never got an answer we may read: offline, a wrong host, or CORS without host access. */
export class DownloadAccessError extends Error {
  override name = 'DownloadAccessError';
  readonly accessPattern: string;
  readonly host: string;
  constructor(url: string) {
    const { host } = new URL(url);
    super(
      `Could not download from ${host}: it could not be reached, or it does not let browser extensions read it. ` +
        `If the address is right, allow access to ${host} and try again.`,
    );
    this.accessPattern = originPattern(url);
    this.host = host;
  }
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === name;
}

export function describeImportError(error: unknown): ImportError {
  if (isNamed(error, 'QuotaExceededError')) {
    return { message: `There is not enough storage space for this dataset. ${KEPT}` };
  }
  if (error instanceof DownloadAccessError) return { message: `${error.message} ${KEPT}`, accessPattern: error.accessPattern };
  if (error instanceof CacheLostError) return { message: error.message };
  if (
    error instanceof EmptyDatasetError ||
    error instanceof DatasetFormatError ||
    error instanceof HttpStatusError ||
    error instanceof DownloadStalledError ||
    error instanceof ImportInterruptedError
  ) {
    return { message: `${error.message} ${KEPT}` };
  }
  if (error instanceof TypeError && /network|fetch|decod|aborted/i.test(error.message)) {
    return { message: `The download broke off (${error.message}). ${KEPT}` };
  }
  return { message: `The import failed: ${describeError(error)}. ${KEPT}` };
}

/** Why a download failed, in a few words for one line ("…could not be downloaded (reason)"). Pure. */
export function describeDownloadFailure(error: unknown): string {
  if (isNamed(error, 'QuotaExceededError')) return 'there is not enough storage space';
  if (error instanceof DownloadAccessError) return `${error.host} could not be reached`;
  if (error instanceof HttpStatusError) return `the server answered ${error.status}`;
  if (error instanceof DownloadStalledError) return 'the download stalled';
  if (error instanceof ImportInterruptedError) return `the download was interrupted ${error.times} times`;
  if (error instanceof CacheLostError) return "the extension's data was cleared during the download";
  if (error instanceof EmptyDatasetError || error instanceof DatasetFormatError) return `the file was not a dataset: ${error.message}`;
  if (error instanceof TypeError && /network|fetch|decod|aborted/i.test(error.message)) return 'the download broke off';
  return describeError(error);
}
