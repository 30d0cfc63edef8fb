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
  recordFullDatasetTry,
  startFullDatasetTry,
  type FullDatasetDecision,
  type FullDatasetTrigger,
} from './full-dataset-policy';
import type { FullDatasetState, FullDatasetStatus, StartImportResponse } from './job';
import type { ValueStore } from './job-recorder';
import type { RunResult } from './run-import';

export interface FullDatasetOptions {
  imports: Pick<ImportController, 'start'>;
  database: () => Promise<TranscriptDb>;
  /** "Download the full dataset automatically". */
  enabledStore: ValueStore<boolean>;
  stateStore: ValueStore<FullDatasetState | null>;
  now?: () => number;
  isOnline?: () => boolean;
}

export type TryOutcome = Exclude<FullDatasetDecision, { action: 'download' }> | StartImportResponse;

const FULL_DATASET: ImportSource = { kind: 'url', url: DEFAULT_DATASET_URL };

export function createFullDatasetDownloader(options: FullDatasetOptions) {
  const { imports, database, enabledStore, stateStore } = options;
  const now = options.now ?? Date.now;
  const isOnline = options.isOnline ?? (() => navigator.onLine);
  // Reads and writes of the state, one after another: triggers and job ends can meet.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const readState = async () => (await stateStore.getValue()) ?? INITIAL_FULL_DATASET_STATE;
  const update = async (change: (state: FullDatasetState) => FullDatasetState) => {
    const next = change(await readState());
    await stateStore.setValue(next);
    return next;
  };

  /** Downloads the full dataset if `trigger` calls for it now. Resolves once it has started (or why not). */
  function trigger(reason: FullDatasetTrigger): Promise<TryOutcome> {
    return serially(async () => {
      const [enabled, active, state] = await Promise.all([
        enabledStore.getValue(),
        database().then(getActiveDataset),
        readState(),
      ]);
      const decision = decideFullDatasetDownload(reason, { enabled, active: active ?? null, state, online: isOnline(), now: now() });
      if (decision.action === 'skip') {
        if (decision.why === 'offline') await update((current) => ({ ...current, failure: 'the browser is offline' }));
        return decision;
      }
      const started = await imports.start(FULL_DATASET);
      if (started.status === 'started') await update((current) => startFullDatasetTry(current, now()));
      return started;
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

    /** The setting. Turning it on is asking for the download: it starts now if the sample is in use. */
    async setAutomatic(enabled: boolean): Promise<{ automatic: boolean }> {
      await enabledStore.setValue(enabled);
      if (enabled) await trigger('user');
      return { automatic: enabled };
    },

    async status(): Promise<FullDatasetStatus> {
      const [automatic, state] = await Promise.all([enabledStore.getValue(), readState()]);
      return { ...state, automatic };
    },
  };
}

export type FullDatasetDownloader = ReturnType<typeof createFullDatasetDownloader>;
