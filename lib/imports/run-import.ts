/**
 * One import from start to end, holding the slot's lease: open the source,
 * read and save it beside the dataset in use, switch to it, and record how it
 * ended. The dataset in use stays untouched until the switch, whatever happens.
 */
import { deleteUpload } from '../store/uploads';
import type { ActiveDataset } from '../store/records';
import type { TranscriptDb } from '../store/schema';
import { describeImportError } from './errors';
import type { ImportLease } from './import-slot';
import { importDatasetStream, type ImportProgress } from './import-dataset';
import type { ImportJob, RunningJob, SavedDatasetUrl } from './job';
import { toCancelledJob, toDatasetSource, toFailedJob, toSucceededJob } from './job-record';
import { createJobRecorder, type ValueStore } from './job-recorder';
import { startKeepAlive } from './keep-alive';
import { openSource, type SourceOpeners } from './open-source';
import type { OpenedSource } from './open-url';

export interface ImportRunner {
  database: () => Promise<TranscriptDb>;
  jobStore: ValueStore<ImportJob | null>;
  urlStore: ValueStore<SavedDatasetUrl | null>;
  activeStore: ValueStore<ActiveDataset | null>;
  openers: SourceOpeners;
  bundledPath: string;
  now: () => number;
  progressIntervalMs: number;
  keepAlive?: (() => Promise<unknown>) | undefined;
  /** Told how the run ended, while it still holds the slot. */
  onEnded?: ((result: RunResult) => unknown) | undefined;
}

/** How a run ended: the job's last record, and the error behind a failure. */
export interface RunResult {
  job: ImportJob;
  error?: unknown;
}

function toJobProgress(progress: ImportProgress): Partial<RunningJob> {
  return progress.phase === 'reading'
    ? { phase: 'reading', bytesRead: progress.bytes, rows: progress.rows }
    : { phase: 'writing', rows: progress.rows, videosWritten: progress.videosWritten, videosTotal: progress.videosTotal };
}

/** Whether the slot was cancelled without a reason of its own: the user pressed Cancel. */
function isCancelledByUser(signal: AbortSignal): boolean {
  const reason: unknown = signal.reason;
  return signal.aborted && (!(reason instanceof Error) || reason.name === 'AbortError');
}

/**
 * Runs `job` to its end, tells `runner.onEnded`, and releases `lease`.
 * `opened` is a source already opened by the caller (the daily check's
 * response, the bundled file it hashed). Never throws: a failure is recorded
 * on the job.
 */
export async function runImport(
  job: RunningJob,
  lease: ImportLease,
  runner: ImportRunner,
  opened?: OpenedSource,
): Promise<RunResult> {
  const stopKeepAlive = runner.keepAlive ? startKeepAlive(runner.keepAlive) : () => undefined;
  try {
    const result = await importJob(job, lease, runner, opened);
    await Promise.resolve(runner.onEnded?.(result)).catch(() => undefined);
    return result;
  } finally {
    stopKeepAlive();
    lease.release();
  }
}

async function importJob(job: RunningJob, lease: ImportLease, runner: ImportRunner, opened?: OpenedSource): Promise<RunResult> {
  const { now, jobStore, urlStore, activeStore } = runner;
  const recorder = createJobRecorder(job, {
    store: jobStore,
    now,
    intervalMs: runner.progressIntervalMs,
    onChange: (next) => (lease.job = next),
  });
  let db: TranscriptDb | undefined;
  try {
    db = await runner.database();
    await recorder.save({ ...job, updatedAt: now() });
    const source = opened ?? (await openSource(job.source, { db, signal: lease.signal, openers: runner.openers }));
    recorder.progress({ totalBytes: source.totalBytes });
    const dataset = await importDatasetStream(db, source.stream, {
      source: toDatasetSource(job.source, runner.bundledPath),
      contentHash: source.contentHash,
      signal: lease.signal,
      onProgress: (progress) => recorder.progress(toJobProgress(progress)),
      now,
    });
    await activeStore.setValue({ id: dataset.id, importedAt: dataset.importedAt });
    // A dataset from elsewhere replaces the URL the daily check follows.
    await urlStore.setValue(
      job.source.kind === 'url'
        ? { url: job.source.url, etag: source.etag, lastModified: source.lastModified, lastCheckedAt: now(), lastCheck: 'imported' }
        : null,
    );
    const succeeded = toSucceededJob(recorder.job, dataset, now());
    await recorder.save(succeeded);
    return { job: succeeded };
  } catch (error) {
    const ended = isCancelledByUser(lease.signal)
      ? toCancelledJob(recorder.job, now())
      : toFailedJob(recorder.job, describeImportError(lease.signal.aborted ? lease.signal.reason : error), now());
    await recorder.save(ended).catch(() => undefined);
    await opened?.stream.cancel().catch(() => undefined); // a download the import never read
    return { job: ended, error: lease.signal.aborted ? lease.signal.reason : error };
  } finally {
    if (db && job.source.kind === 'file') await deleteUpload(db, job.source.uploadId).catch(() => undefined);
  }
}
