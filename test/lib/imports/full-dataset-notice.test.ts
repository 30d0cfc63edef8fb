import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET_URL } from '../../../lib/imports/default-dataset';
import { describeFullDataset, isFailureExplained, retryFullDataset } from '../../../lib/imports/full-dataset-notice';
import type { DatasetStatus, RunningJob, StartImportResponse } from '../../../lib/imports/job';
import { toFailedJob } from '../../../lib/imports/job-record';
import { makeDatasetRecord, makeFullDatasetDownload } from '../../fixtures/records';

const SAMPLE = makeDatasetRecord({ kind: 'bundled', path: '/sample.jsonl' });
const FAILED: DatasetStatus['fullDataset'] = {
  automatic: true,
  failures: 2,
  lastTryAt: 1,
  nextTryAt: 2,
  failure: 'huggingface.co could not be reached',
  heldByUser: false,
};
const status = (overrides: Partial<DatasetStatus> = {}): DatasetStatus => ({
  dataset: SAMPLE,
  job: null,
  savedUrl: null,
  fullDataset: FAILED,
  ...overrides,
});

describe('describeFullDataset', () => {
  it.each<[string, Partial<DatasetStatus>, string | null]>([
    ['the first download under way', { job: makeFullDatasetDownload() }, 'Downloading the full dataset: 3.1 of 7.6 MB'],
    ['a download of unknown size', { job: makeFullDatasetDownload({ totalBytes: null }) }, 'Downloading the full dataset: 3.1 MB'],
    ['a total the server misreported', { job: makeFullDatasetDownload({ totalBytes: 1_000 }) }, 'Downloading the full dataset: 3.1 MB'],
    ['sizes in different units', { job: makeFullDatasetDownload({ bytesRead: 900_000 }) }, 'Downloading the full dataset: 879 KB of 7.6 MB'],
    ['saving it', { job: makeFullDatasetDownload({ phase: 'writing', videosWritten: 350, videosTotal: 700 }) }, 'Saving the full dataset: 350 of 700 videos'],
    ['the sample kept after a failure', {}, 'Using the bundled sample: the full dataset could not be downloaded (huggingface.co could not be reached).'],
    ['nothing cached and a failure', { dataset: null }, 'Using the bundled sample: the full dataset could not be downloaded (huggingface.co could not be reached).'],
    ['another import running', { job: makeFullDatasetDownload({ source: { kind: 'url', url: 'https://data.example/a.csv' } }) }, 'Using the bundled sample: the full dataset could not be downloaded (huggingface.co could not be reached).'],
    ['no failure', { fullDataset: { ...FAILED, failure: null } }, null],
    ['the setting off', { fullDataset: { ...FAILED, automatic: false } }, null],
    ['the sample chosen by the user', { fullDataset: { ...FAILED, heldByUser: true } }, null],
    ['a dataset of the user', { dataset: makeDatasetRecord({ kind: 'file', name: 'mine.jsonl' }) }, null],
  ])('%s', (_label, overrides, expected) => {
    expect(describeFullDataset(status(overrides))?.text ?? null).toBe(expected);
  });
});

describe('retryFullDataset', () => {
  it.each<[string, () => Promise<StartImportResponse | { status: 'not-needed' }>, string]>([
    ['it started', () => Promise.resolve({ status: 'started', jobId: 'j' }), ''],
    ['another import runs', () => Promise.resolve({ status: 'busy' }), 'Another import is running: try again once it has finished.'],
    [
      'the sample is no longer in use',
      () => Promise.resolve({ status: 'not-needed' }),
      'Nothing to download: the dataset in use is no longer the bundled sample.',
    ],
    [
      'the worker did not answer',
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      'The download could not be started (Could not establish connection. Receiving end does not exist.).',
    ],
  ])('when %s, says so (never rejects)', async (_label, request, expected) => {
    expect(await retryFullDataset(request)).toBe(expected);
  });
});

describe('describeFullDataset: the last byte', () => {
  it('shows the total once every byte has arrived', () => {
    expect(describeFullDataset(status({ job: makeFullDatasetDownload({ bytesRead: 7_969_177 }) }))?.text).toBe('Downloading the full dataset: 7.6 of 7.6 MB');
  });
});

describe('isFailureExplained', () => {
  const failedDownload = (source: RunningJob['source']) => toFailedJob(makeFullDatasetDownload({ source }), { message: 'The server answered 503.' }, 2);
  const full = { kind: 'url' as const, url: DEFAULT_DATASET_URL };

  it("is the full dataset's failed download while the notice tells of it", () => {
    expect(isFailureExplained(status({ job: failedDownload(full) }))).toBe(true);
  });

  it.each<[string, Partial<DatasetStatus>]>([
    ['no job', { job: null }],
    ['the download still running', { job: makeFullDatasetDownload() }],
    ['the failed download of another URL', { job: failedDownload({ kind: 'url', url: 'https://data.example/a.jsonl' }) }],
    ['a failed file import', { job: failedDownload({ kind: 'file', name: 'mine.jsonl', uploadId: 'u' }) }],
    ['no notice (the setting off)', { job: failedDownload(full), fullDataset: { ...FAILED, automatic: false } }],
  ])('must not hide the message of %s', (_label, overrides) => {
    expect(isFailureExplained(status(overrides))).toBe(false);
  });
});
