/**
 * Runs dataset imports in the background worker, one at a time, and keeps
 * their state where a restarted worker finds it. The parts: the slot (one
 * import at a time, and Cancel), the run (open, read, save, switch, record),
 * the restart policy, and the daily check of the saved URL. The bundled
 * sample takes the same path as any other source.
 */
import { getActiveDataset } from '../store/reads';
import { deleteUpload } from '../store/uploads';
import type { ActiveDataset, DatasetRecord, ImportSource } from '../store/records';
import type { TranscriptDb } from '../store/schema';
import { describeImportError } from './errors';
import { createImportSlot, type ImportLease } from './import-slot';
import type { DatasetStatus, ImportJob, RefreshResponse, RunningJob, SavedDatasetUrl, StartImportResponse } from './job';
import { createRunningJob, toCancelledJob } from './job-record';
import type { ValueStore } from './job-recorder';
import { openBundled } from './open-source';
import { isSavedVersion, openResponse, requestIfChanged, type OpenedSource } from './open-url';
import { decideResume } from './restart-policy';
import { runImport, type ImportRunner, type RunResult } from './run-import';

export interface ImportControllerOptions {
  database: () => Promise<TranscriptDb>;
  jobStore: ValueStore<ImportJob | null>;
  urlStore: ValueStore<SavedDatasetUrl | null>;
  /** Which dataset is active, for pages and tabs to watch; written whenever an import switches one in. */
  activeStore: ValueStore<ActiveDataset | null>;
  /** Absolute URL of the bundled sample, and its path as the saved dataset shows it. */
  bundledUrl: string;
  bundledPath: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Called every ~20 s while an import runs: an extension API call keeps the worker from idling out. */
  keepAlive?: () => Promise<unknown>;
  /** How often progress is written to storage. */
  progressIntervalMs?: number;
  /** A download that gets no bytes for this long fails (default 30 s). */
  idleTimeoutMs?: number;
  /** Told how every import ended (the automatic download of the full dataset follows its own tries). */
  onImportEnded?: (result: RunResult) => unknown;
  /**
   * Asked, holding the slot, before an interrupted job starts over (the
   * automatic download may no longer be wanted); `false` ends it as cancelled.
   */
  mayResume?: (job: RunningJob) => Promise<boolean>;
}

/** A job store that keeps nothing. */
const UNRECORDED: ValueStore<ImportJob | null> = {
  getValue: () => Promise.resolve(null),
  setValue: () => Promise.resolve(),
};

export function createImportController(options: ImportControllerOptions) {
  const { database, jobStore, urlStore, activeStore } = options;
  const fetchFn = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? Date.now;
  const slot = createImportSlot();
  const runner: ImportRunner = {
    database,
    jobStore,
    urlStore,
    activeStore,
    openers: { fetch: fetchFn, bundledUrl: options.bundledUrl, idleTimeoutMs: options.idleTimeoutMs },
    bundledPath: options.bundledPath,
    now,
    progressIntervalMs: options.progressIntervalMs ?? 250,
    keepAlive: options.keepAlive,
    onEnded: options.onImportEnded,
  };

  interface RunOptions {
    /** A source the caller opened already (the daily check's response, the bundled file it hashed). */
    opened?: OpenedSource | undefined;
    runner?: ImportRunner;
  }

  /** Runs `job` holding `lease`. */
  function runJob(job: RunningJob, lease: ImportLease, { opened, runner: using = runner }: RunOptions = {}): Promise<RunResult> {
    lease.job = job;
    return runImport(job, lease, using, opened);
  }

  function launch(lease: ImportLease, source: ImportSource, run: RunOptions = {}): { jobId: string; done: Promise<RunResult> } {
    const job = createRunningJob(source, now());
    return { jobId: job.id, done: runJob(job, lease, run) };
  }

  /** Leaves `active` in use, and makes sure pages watching the active dataset know it. */
  async function keepActive(active: DatasetRecord, lease: ImportLease): Promise<{ imported: false }> {
    try {
      const stored = await activeStore.getValue();
      if (stored?.id !== active.id) await activeStore.setValue({ id: active.id, importedAt: active.importedAt });
    } finally {
      lease.release();
    }
    return { imported: false };
  }

  return {
    /** Starts an import unless one is running. Resolves once it has started (not when it ends). */
    start(source: ImportSource): Promise<StartImportResponse> {
      const lease = slot.take();
      if (!lease) return Promise.resolve({ status: 'busy' });
      return Promise.resolve({ status: 'started', jobId: launch(lease, source).jobId });
    },

    /**
     * Starts an import only if `mayStart` says so. It is asked holding the
     * slot, so no other import can switch a dataset in between its answer and
     * the start. Resolves once it has started (not when it ends).
     */
    async startIf(source: ImportSource, mayStart: () => Promise<boolean>): Promise<StartImportResponse | { status: 'declined' }> {
      const lease = slot.take();
      if (!lease) return { status: 'busy' };
      let starts = false;
      try {
        starts = await mayStart();
      } finally {
        if (!starts) lease.release();
      }
      return starts ? { status: 'started', jobId: launch(lease, source).jobId } : { status: 'declined' };
    },

    /** Stops the running import if it is job `jobId`; one that has ended or another import is left alone. */
    async cancelJob(jobId: string): Promise<{ cancelled: boolean }> {
      return { cancelled: slot.held?.job?.id === jobId && (await slot.cancel()) };
    },

    /**
     * Stops the running import (or the daily check about to start one); the
     * dataset in use stays. With a `reason`, the job is recorded as failed
     * because of it rather than cancelled.
     */
    async cancel(reason?: Error): Promise<{ cancelled: boolean }> {
      return { cancelled: await slot.cancel(reason) };
    },

    /** At start-up: starts over an import the browser interrupted. Returns whether it did. */
    async resumeInterrupted(): Promise<boolean> {
      const lease = slot.take();
      if (!lease) return false;
      let resumed = false;
      try {
        const decision = decideResume(await jobStore.getValue(), now());
        if (decision.action === 'restart') {
          resumed = (await options.mayResume?.(decision.job)) ?? true;
          if (resumed) void runJob(decision.job, lease);
          else await jobStore.setValue(toCancelledJob(decision.job, now()));
        } else if (decision.action === 'give-up') {
          const { source } = decision.job;
          if (source.kind === 'file') await deleteUpload(await database(), source.uploadId).catch(() => undefined);
          await jobStore.setValue(decision.job);
          // A failure like any other: the automatic download backs off from it.
          await Promise.resolve(options.onImportEnded?.({ job: decision.job, error: decision.error })).catch(() => undefined);
        }
      } finally {
        if (!resumed) lease.release();
      }
      return resumed;
    },

    /**
     * Makes sure the bundled sample is cached: imports it when the cache has
     * no dataset, or when the active one is an older bundled sample (an
     * extension update). A dataset the user chose is never replaced here; the
     * same sample again is recognised by its hash, so start-ups are idempotent.
     * Resolves with whether it imported; rejects if the import failed.
     */
    async ensureBundled(): Promise<{ imported: boolean }> {
      await slot.whenFree();
      const lease = slot.take();
      if (!lease) return { imported: false };
      let result: RunResult;
      try {
        const active = await getActiveDataset(await database());
        if (active && active.source.kind !== 'bundled') return await keepActive(active, lease);
        const opened = await openBundled(runner.openers, lease.signal);
        if (active && active.contentHash === opened.contentHash) {
          await opened.stream.cancel();
          return await keepActive(active, lease);
        }
        // Housekeeping, not the user's import: the job record keeps telling how their last import went.
        result = await launch(lease, { kind: 'bundled' }, { opened, runner: { ...runner, jobStore: UNRECORDED } }).done;
      } catch (error) {
        lease.release();
        throw error;
      }
      if (result.job.status !== 'succeeded') {
        throw result.error instanceof Error ? result.error : new Error(`the bundled sample import was ${result.job.status}`);
      }
      return { imported: true };
    },

    /** The daily check: re-imports the saved URL only if the server says it changed. */
    async refreshFromUrl(): Promise<RefreshResponse> {
      const lease = slot.take();
      if (!lease) return { status: 'busy' };
      let launched = false;
      try {
        const saved = await urlStore.getValue();
        if (!saved) return { status: 'no-url' };
        try {
          const response = await requestIfChanged(runner.openers, saved, lease.signal);
          if (isSavedVersion(response, saved)) {
            await response.body?.cancel();
            await urlStore.setValue({ ...saved, lastCheckedAt: now(), lastCheck: 'unchanged' });
            return { status: 'unchanged' };
          }
          // The check's lease goes to the job, so cancelling it also stops this download.
          const opened = openResponse(response, { url: saved.url, idleTimeoutMs: options.idleTimeoutMs });
          launch(lease, { kind: 'url', url: saved.url }, { opened });
          launched = true;
          return { status: 'started' };
        } catch (error) {
          if (lease.signal.aborted) return { status: 'cancelled' };
          await urlStore.setValue({ ...saved, lastCheckedAt: now(), lastCheck: 'failed' });
          return { status: 'failed', message: describeImportError(error).message };
        }
      } finally {
        if (!launched) lease.release();
      }
    },

    async status(): Promise<Omit<DatasetStatus, 'fullDataset'>> {
      const [dataset, job, savedUrl] = await Promise.all([
        database().then(getActiveDataset),
        slot.held?.job ?? jobStore.getValue(),
        urlStore.getValue(),
      ]);
      return { dataset: dataset ?? null, job, savedUrl };
    },

    /** Resolves when the running import (if any) has ended. For start-up ordering and tests. */
    whenIdle(): Promise<void> {
      return slot.whenFree();
    },
  };
}

export type ImportController = ReturnType<typeof createImportController>;
