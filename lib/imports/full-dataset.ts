/**
 * Downloads the full dataset by itself (issue 13): right after the bundled
 * sample is cached on a fresh install, and again after a failure, with
 * backoff. It goes through the same import as a URL the user enters (the
 * atomic switch, the report, the daily ETag check), and only ever replaces
 * the bundled sample.
 */
import { getActiveDataset } from '../store/reads';
import type { ImportSource } from '../store/records';
import type { TranscriptDb } from '../store/schema';
import type { ImportController } from './controller';
import { DEFAULT_DATASET_URL } from './default-dataset';
import { describeDownloadFailure } from './errors';
import {
  decideFullDatasetDownload,
  INITIAL_FULL_DATASET_STATE,
  OFFLINE_FAILURE,
  recordFullDatasetTry,
  retryAlarmAt,
  startFullDatasetTry,
  type FullDatasetDecision,
  type FullDatasetTrigger,
} from './full-dataset-policy';
import type { FullDatasetState, FullDatasetStatus, RunningJob, StartImportResponse } from './job';
import type { ValueStore } from './job-recorder';
import type { RunResult } from './run-import';

export interface FullDatasetOptions {
  imports: Pick<ImportController, 'startIf' | 'cancelJob'>;
  database: () => Promise<TranscriptDb>;
  /** "Download the full dataset automatically". */
  enabledStore: ValueStore<boolean>;
  stateStore: ValueStore<FullDatasetState | null>;
  /**
   * Sets the one-shot retry alarm for the end of the backoff (`null` clears
   * it): a sleeping MV3 worker wakes for an alarm, not for `online`.
   */
  scheduleRetry?: (at: number | null) => Promise<unknown>;
  now?: () => number;
  isOnline?: () => boolean;
}

type Skipped = Exclude<FullDatasetDecision, { action: 'download' }>;
type SkipReason = Skipped['why'];
export type TryOutcome = Skipped | StartImportResponse;

const FULL_DATASET: ImportSource = { kind: 'url', url: DEFAULT_DATASET_URL };

export function createFullDatasetDownloader(options: FullDatasetOptions) {
  const { imports, database, enabledStore, stateStore } = options;
  const now = options.now ?? Date.now;
  const isOnline = options.isOnline ?? (() => navigator.onLine);
  // A retry that cannot be scheduled still comes at the next browser start, wake-up or daily alarm.
  const scheduleRetry = (at: number | null) => (options.scheduleRetry?.(at) ?? Promise.resolve()).catch(() => undefined);
  // Reads and writes of the state, one after another: triggers and job ends can meet.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const readState = async (): Promise<FullDatasetState> => ({ ...INITIAL_FULL_DATASET_STATE, ...(await stateStore.getValue()) });
  /** Writes the next state, and sets the retry alarm it calls for. */
  const update = async (change: (state: FullDatasetState) => FullDatasetState) => {
    const next = change(await readState());
    await stateStore.setValue(next);
    await scheduleRetry(retryAlarmAt(next));
    return next;
  };

  /** Keeps the retry alarm true to a try that did not go out. */
  async function onSkipped(why: SkipReason, state: FullDatasetState): Promise<void> {
    switch (why) {
      case 'offline':
        // Counts as a failed try: the alarm checks again after the backoff, not in a loop.
        await update((current) => recordFullDatasetTry(current, { status: 'failed', reason: OFFLINE_FAILURE }, now()));
        return;
      case 'backing-off':
        await scheduleRetry(retryAlarmAt(state));
        return;
      case 'too-soon':
        return;
      case 'disabled':
      case 'not-the-sample':
      case 'held-by-user':
        await scheduleRetry(null);
    }
  }

  /** What the policy says now (reads the setting, the dataset in use and the state). */
  async function decide(reason: FullDatasetTrigger): Promise<{ decision: FullDatasetDecision; state: FullDatasetState }> {
    const [enabled, active, state] = await Promise.all([enabledStore.getValue(), database().then(getActiveDataset), readState()]);
    return { decision: decideFullDatasetDownload(reason, { enabled, active: active ?? null, state, online: isOnline(), now: now() }), state };
  }

  /** Downloads the full dataset if `trigger` calls for it now. Resolves once it has started (or why not). */
  function trigger(reason: FullDatasetTrigger): Promise<TryOutcome> {
    return serially(async () => {
      // Decided holding the import slot: a user's import cannot switch in between the decision and the start.
      let skipped = null as { decision: Skipped; state: FullDatasetState } | null;
      const started = await imports.startIf(FULL_DATASET, async () => {
        const { decision, state } = await decide(reason);
        if (decision.action === 'download') return true;
        skipped = { decision, state };
        return false;
      });
      if (started.status === 'started') await update((current) => startFullDatasetTry(current, now(), started.jobId));
      if (started.status !== 'declined') return started;
      const { decision, state } = skipped!; // set by every decline
      await onSkipped(decision.why, state);
      return decision;
    });
  }

  return {
    trigger,

    /** "Retry": downloads it now, unless the dataset in use is not the sample. */
    async downloadNow(): Promise<StartImportResponse | { status: 'not-needed' }> {
      const outcome = await trigger('user');
      return 'action' in outcome ? { status: 'not-needed' } : outcome;
    },

    /** Tells it how an import ended: a try of the full dataset (automatic or not) moves the backoff. */
    onImportEnded({ job, error }: RunResult): Promise<void> {
      if (job.source.kind !== 'url' || job.source.url !== DEFAULT_DATASET_URL || job.status === 'running') return Promise.resolve();
      return serially(async () => {
        const outcome =
          job.status === 'failed' ? { status: job.status, reason: describeDownloadFailure(error) } : { status: job.status };
        await update((state) => recordFullDatasetTry(state, outcome, now()));
      });
    },

    /** The user asked for the sample (reset to it): the automatic download leaves it in place until asked again. */
    holdSample(): Promise<void> {
      return serially(async () => {
        await update((state) => ({ ...state, heldByUser: true, nextTryAt: null }));
      });
    },

    /**
     * Before an interrupted import starts over: a try of the full dataset goes
     * on only if the policy still wants it. Other imports always go on.
     */
    mayResume(job: RunningJob): Promise<boolean> {
      return serially(async () => {
        if ((await readState()).jobId !== job.id) return true;
        const { decision, state } = await decide('resume');
        if (decision.action === 'download') return true;
        await update((current) => ({ ...current, jobId: null }));
        await onSkipped(decision.why, state);
        return false;
      });
    },

    /**
     * The setting. Turning it on is asking for the download: it starts now if
     * the sample is in use. Turning it off stops a download it started.
     */
    async setAutomatic(enabled: boolean): Promise<{ automatic: boolean }> {
      await enabledStore.setValue(enabled);
      if (enabled) {
        await trigger('user');
      } else {
        // Not queued: the cancelled job's end is, and this waits for it.
        const { jobId } = await readState();
        if (jobId) await imports.cancelJob(jobId);
        await scheduleRetry(null);
      }
      return { automatic: enabled };
    },

    async status(): Promise<FullDatasetStatus> {
      const [automatic, state] = await Promise.all([enabledStore.getValue(), readState()]);
      return { ...state, automatic };
    },
  };
}

export type FullDatasetDownloader = ReturnType<typeof createFullDatasetDownloader>;
