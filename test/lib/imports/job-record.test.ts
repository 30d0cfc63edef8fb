import { describe, expect, it } from 'vitest';
import { createRunningJob, rowsPerSecond, toFailedJob, toSucceededJob } from '../../../lib/imports/job-record';
import type { DatasetRecord } from '../../../lib/store/records';

const SOURCE = { kind: 'url' as const, url: 'https://example.com/data.jsonl' };
const REPORT = { totalRows: 40, acceptedRows: 40, rejectedRows: 0, rejectedByReason: {}, rejectedExamples: [], duplicateRows: 0, videoCount: 2 };
const DATASET: DatasetRecord = { id: 'd1', source: SOURCE, report: REPORT, segmentCount: 40, importedAt: 5_000 };

describe('rowsPerSecond', () => {
  it.each([
    ['40 rows in 2 s', { rows: 40, startedAt: 1_000, updatedAt: 3_000 }, 20],
    ['no time yet', { rows: 40, startedAt: 1_000, updatedAt: 1_000 }, null],
    ['a clock that went back', { rows: 40, startedAt: 3_000, updatedAt: 1_000 }, null],
    ['no rows yet', { rows: 0, startedAt: 1_000, updatedAt: 3_000 }, null],
  ])('%s → %j', (_label, job, expected) => {
    expect(rowsPerSecond(job)).toBe(expected);
  });
});

describe('toSucceededJob', () => {
  it("keeps a running job's bytes, takes the rows from the report, and calls an unnamed format JSON Lines", () => {
    const running = { ...createRunningJob(SOURCE, 1_000, { id: 'j1' }), bytesRead: 900, totalBytes: 1_000, rows: 38 };
    expect(toSucceededJob(running, DATASET, 5_000)).toEqual({
      id: 'j1',
      source: SOURCE,
      startedAt: 1_000,
      restarts: 0,
      updatedAt: 5_000,
      bytesRead: 900,
      totalBytes: 1_000,
      status: 'succeeded',
      datasetId: 'd1',
      rows: 40,
      report: REPORT,
      format: 'jsonl',
    });
  });

  it('keeps the format the file was read as, and counts no bytes for a job that had failed', () => {
    const failed = toFailedJob(createRunningJob(SOURCE, 1_000, { id: 'j1' }), { message: 'x' }, 2_000);
    expect(toSucceededJob(failed, { ...DATASET, format: 'csv' }, 5_000)).toMatchObject({ bytesRead: 0, totalBytes: null, rows: 40, format: 'csv' });
  });
});
