import { describe, expect, it } from 'vitest';
import { DatasetFormatError } from '../../../lib/dataset/format-error';
import {
  CacheLostError,
  DownloadAccessError,
  DownloadStalledError,
  HttpStatusError,
  ImportInterruptedError,
  describeDownloadFailure,
  describeImportError,
} from '../../../lib/imports/errors';
import { EmptyDatasetError } from '../../../lib/imports/import-dataset';
import type { ImportError } from '../../../lib/imports/job';

const KEPT = 'The dataset you had is still in use.';
const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const URL_ = 'https://huggingface.co/datasets/x/resolve/main/data.jsonl';

describe('describeImportError', () => {
  it.each<[string, unknown, ImportError]>([
    ['a full disk', quota, { message: `There is not enough storage space for this dataset. ${KEPT}` }],
    ['an object named like a full disk', { name: 'QuotaExceededError' }, { message: `There is not enough storage space for this dataset. ${KEPT}` }],
    [
      'a host it may not read',
      new DownloadAccessError(URL_),
      {
        message: `Could not download from huggingface.co: it could not be reached, or it does not let browser extensions read it. If the address is right, allow access to huggingface.co and try again. ${KEPT}`,
        accessPattern: 'https://huggingface.co/*',
      },
    ],
    ['the cache cleared mid-import', new CacheLostError(), { message: "The extension's stored data was cleared while this import ran, so it stopped. The bundled sample is in use again." }],
    ['a file without rows', new EmptyDatasetError(0), { message: `The file has no rows. ${KEPT}` }],
    ['a file of another format', new DatasetFormatError('Line 3 is not JSON.'), { message: `Line 3 is not JSON. ${KEPT}` }],
    ['an HTTP error', new HttpStatusError(404, 'Not Found'), { message: `The server answered 404 Not Found. ${KEPT}` }],
    ['an HTTP error without a status text', new HttpStatusError(502, ''), { message: `The server answered 502. ${KEPT}` }],
    ['a stalled download', new DownloadStalledError(URL_, 30_000), { message: `The download from huggingface.co stalled: no data arrived for 30 seconds. ${KEPT}` }],
    ['an import interrupted too often', new ImportInterruptedError(3), { message: `The import was interrupted 3 times and has stopped. ${KEPT}` }],
    ['a broken-off download', new TypeError('network error'), { message: `The download broke off (network error). ${KEPT}` }],
    ['a TypeError of a bug', new TypeError('x is not a function'), { message: `The import failed: x is not a function. ${KEPT}` }],
    ['a network-sounding Error that is no TypeError', new Error('network down'), { message: `The import failed: network down. ${KEPT}` }],
    ['an object with another name', { name: 'AbortError' }, { message: `The import failed: [object Object]. ${KEPT}` }],
    ['a thrown string', 'boom', { message: `The import failed: boom. ${KEPT}` }],
    ['null', null, { message: `The import failed: null. ${KEPT}` }],
  ])('%s', (_label, error, expected) => {
    expect(describeImportError(error)).toEqual(expected);
  });
});

describe('HttpStatusError', () => {
  // Built inside the test (the tables above are built while the file loads, which a mutation run does not count).
  it('words an answer without a status text plainly', () => {
    expect(new HttpStatusError(502, '').message).toBe('The server answered 502.');
    expect(new HttpStatusError(404, 'Not Found').message).toBe('The server answered 404 Not Found.');
  });
});

describe('describeDownloadFailure', () => {
  it.each<[string, unknown, string]>([
    ['a full disk', quota, 'there is not enough storage space'],
    ['a host it may not read', new DownloadAccessError(URL_), 'huggingface.co could not be reached'],
    ['an HTTP error', new HttpStatusError(404, 'Not Found'), 'the server answered 404'],
    ['a stalled download', new DownloadStalledError(URL_, 30_000), 'the download stalled'],
    ['an import interrupted too often', new ImportInterruptedError(3), 'the download was interrupted 3 times'],
    ['the cache cleared mid-download', new CacheLostError(), "the extension's data was cleared during the download"],
    ['a file without rows', new EmptyDatasetError(2), 'the file was not a dataset: The file has no usable rows: all 2 rows were rejected.'],
    ['a file of another format', new DatasetFormatError('Line 3 is not JSON.'), 'the file was not a dataset: Line 3 is not JSON.'],
    ['a broken-off download', new TypeError('Failed to fetch'), 'the download broke off'],
    ['a TypeError of a bug', new TypeError('x is not a function'), 'x is not a function'],
    ['a network-sounding Error that is no TypeError', new Error('network down'), 'network down'],
    ['a thrown string', 'boom', 'boom'],
  ])('%s', (_label, error, expected) => {
    expect(describeDownloadFailure(error)).toBe(expected);
  });
});
