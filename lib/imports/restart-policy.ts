/**
 * What a worker does at start-up with a job the browser interrupted (Chrome
 * stops an MV3 worker after ~30 s idle, and can stop it at any time): start
 * it over from its source, or give up after a few tries. Pure.
 */
import { describeImportError, ImportInterruptedError } from './errors';
import type { FailedJob, ImportJob, RunningJob } from './job';
import { createRunningJob, toFailedJob } from './job-record';

/** How many times an interrupted import starts over before it is reported as failed. */
export const MAX_RESTARTS = 3;

export type ResumeDecision =
  | { action: 'none' }
  | { action: 'restart'; job: RunningJob }
  | { action: 'give-up'; job: FailedJob; error: ImportInterruptedError };

/** Decides what to do with the stored job record, found at start-up. */
export function decideResume(stored: ImportJob | null, at: number): ResumeDecision {
  if (stored?.status !== 'running') return { action: 'none' };
  if (stored.restarts >= MAX_RESTARTS) {
    const error = new ImportInterruptedError(stored.restarts + 1);
    return { action: 'give-up', job: toFailedJob(stored, describeImportError(error), at), error };
  }
  return { action: 'restart', job: createRunningJob(stored.source, at, { id: stored.id, restarts: stored.restarts + 1 }) };
}
