/** Job records from start to end: pure functions, each returning a new record. */
import type { DatasetRecord, DatasetSource, ImportSource } from '../store/records';
import type { CancelledJob, FailedJob, ImportError, ImportJob, RunningJob, SucceededJob } from './job';

/** A job that has just started (or started over after `restarts` interruptions). */
export function createRunningJob(
  source: ImportSource,
  at: number,
  { id = crypto.randomUUID(), restarts = 0 }: { id?: string; restarts?: number } = {},
): RunningJob {
  return {
    id,
    source,
    status: 'running',
    phase: 'reading',
    bytesRead: 0,
    totalBytes: null,
    rows: 0,
    videosWritten: 0,
    videosTotal: 0,
    startedAt: at,
    updatedAt: at,
    restarts,
  };
}

function baseOf(job: ImportJob, at: number) {
  const { id, source, startedAt, restarts } = job;
  return { id, source, startedAt, restarts, updatedAt: at };
}

function bytesOf(job: ImportJob) {
  return job.status === 'running' || job.status === 'succeeded'
    ? { bytesRead: job.bytesRead, totalBytes: job.totalBytes, rows: job.rows }
    : { bytesRead: 0, totalBytes: null, rows: 0 };
}

export function toSucceededJob(job: ImportJob, dataset: DatasetRecord, at: number): SucceededJob {
  return {
    ...baseOf(job, at),
    ...bytesOf(job),
    status: 'succeeded',
    datasetId: dataset.id,
    rows: dataset.report.totalRows,
    report: dataset.report,
    format: dataset.format ?? 'jsonl',
  };
}

export function toFailedJob(job: ImportJob, error: ImportError, at: number): FailedJob {
  return { ...baseOf(job, at), status: 'failed', error };
}

export function toCancelledJob(job: ImportJob, at: number): CancelledJob {
  return { ...baseOf(job, at), status: 'cancelled' };
}

/** What the saved dataset keeps of the source it was read from. */
export function toDatasetSource(source: ImportSource, bundledPath: string): DatasetSource {
  switch (source.kind) {
    case 'url':
      return { kind: 'url', url: source.url };
    case 'file':
      return { kind: 'file', name: source.name };
    case 'bundled':
      return { kind: 'bundled', path: bundledPath };
  }
}

/** Rows per second so far, or `null` before there is anything to measure. */
export function rowsPerSecond(job: Pick<RunningJob, 'rows' | 'startedAt' | 'updatedAt'>): number | null {
  const seconds = (job.updatedAt - job.startedAt) / 1000;
  return seconds > 0 && job.rows > 0 ? job.rows / seconds : null;
}

/**
 * How far a running import is, as a whole percentage: bytes read while
 * reading (when the total is known and the bytes did not outgrow it), videos
 * saved while writing; `null` when that cannot be told. Pure.
 */
export function measureImportPercent(job: Pick<RunningJob, 'phase' | 'bytesRead' | 'totalBytes' | 'videosWritten' | 'videosTotal'>): number | null {
  const [done, total] = job.phase === 'reading' ? [job.bytesRead, job.totalBytes] : [job.videosWritten, job.videosTotal];
  if (total === null || total <= 0 || done > total) return null;
  return Math.floor((done / total) * 100);
}
