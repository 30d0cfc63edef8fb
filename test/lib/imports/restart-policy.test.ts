import { describe, expect, it } from 'vitest';
import type { ImportJob, RunningJob } from '../../../lib/imports/job';
import { createRunningJob, toCancelledJob } from '../../../lib/imports/job-record';
import { decideResume, MAX_RESTARTS } from '../../../lib/imports/restart-policy';

const interrupted = (restarts: number): RunningJob => ({
  ...createRunningJob({ kind: 'file', uploadId: 'u1', name: 'big.csv' }, 100, { id: 'job-1', restarts }),
  bytesRead: 5000,
  rows: 40,
});

describe('decideResume', () => {
  it.each<[string, ImportJob | null]>([
    ['no job', null],
    ['a finished job', toCancelledJob(interrupted(0), 200)],
  ])('leaves %s alone', (_label, stored) => {
    expect(decideResume(stored, 1000)).toEqual({ action: 'none' });
  });

  it.each([0, 1, MAX_RESTARTS - 1])('starts over a job interrupted %i times, from the start, under the same id', (restarts) => {
    expect(decideResume(interrupted(restarts), 1000)).toEqual({
      action: 'restart',
      job: {
        id: 'job-1',
        source: { kind: 'file', uploadId: 'u1', name: 'big.csv' },
        status: 'running',
        phase: 'reading',
        bytesRead: 0,
        totalBytes: null,
        rows: 0,
        videosWritten: 0,
        videosTotal: 0,
        startedAt: 1000,
        updatedAt: 1000,
        restarts: restarts + 1,
      },
    });
  });

  it(`gives up after ${MAX_RESTARTS} restarts, in words`, () => {
    expect(MAX_RESTARTS).toBe(3);
    const decision = decideResume(interrupted(3), 1000);
    // What the automatic download's backoff is told.
    expect(decision.action === 'give-up' && decision.error).toMatchObject({ name: 'ImportInterruptedError', times: 4 });
    expect({ ...decision, error: undefined }).toEqual({
      error: undefined,
      action: 'give-up',
      job: {
        id: 'job-1',
        source: { kind: 'file', uploadId: 'u1', name: 'big.csv' },
        status: 'failed',
        startedAt: 100,
        updatedAt: 1000,
        restarts: 3,
        error: { message: 'The import was interrupted 4 times and has stopped. The dataset you had is still in use.' },
      },
    });
  });
});
