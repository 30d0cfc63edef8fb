/**
 * Keeps a running job's record in extension storage: every change in memory
 * at once (status requests read it there), in storage at most every
 * `intervalMs` (progress arrives per chunk) but never later than that after
 * a change, and the start and the end always.
 * The stored record is the checkpoint a restarted worker resumes from.
 */
import type { ImportJob, RunningJob } from './job';

/** The subset of a WXT storage item the importer needs. */
export interface ValueStore<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface JobRecorder {
  readonly job: ImportJob;
  /** Merges progress into the running job; stored if `intervalMs` has passed since the last write. */
  progress(patch: Partial<Pick<RunningJob, 'phase' | 'bytesRead' | 'totalBytes' | 'rows' | 'videosWritten' | 'videosTotal'>>): void;
  /** Stores `job` now (the start, the end). */
  save(job: ImportJob): Promise<void>;
}

export interface JobRecorderOptions {
  store: ValueStore<ImportJob | null>;
  now: () => number;
  intervalMs: number;
  /** Told of every change, stored or not. */
  onChange: (job: ImportJob) => void;
}

export function createJobRecorder(initial: RunningJob, { store, now, intervalMs, onChange }: JobRecorderOptions): JobRecorder {
  let job: ImportJob = initial;
  let lastSaved = Number.NEGATIVE_INFINITY;
  // A progress write held back by the interval, due when it ends: the last figures
  // before a pause (a server that stalls, a long parse) must reach the pages too.
  let trailing: ReturnType<typeof setTimeout> | undefined;

  const keep = (next: ImportJob): void => {
    job = next;
    onChange(next);
  };
  const write = (): void => {
    clearTimeout(trailing);
    trailing = undefined;
    lastSaved = now();
    void store.setValue(job).catch(() => undefined); // the next write or the end catches up
  };

  return {
    get job() {
      return job;
    },
    progress(patch) {
      if (job.status !== 'running') return;
      keep({ ...job, ...patch, updatedAt: now() });
      const wait = lastSaved + intervalMs - job.updatedAt;
      if (wait <= 0) write();
      else trailing ??= setTimeout(write, wait);
    },
    async save(next) {
      clearTimeout(trailing);
      trailing = undefined;
      keep(next);
      lastSaved = next.updatedAt;
      await store.setValue(next);
    },
  };
}
