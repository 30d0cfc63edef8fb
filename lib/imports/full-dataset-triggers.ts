/**
 * The moments the worker tries the full dataset's download again (issue 13),
 * wired to the browser's events: the retry alarm at the end of the backoff,
 * a browser start, the daily alarm (after the saved URL's check), and
 * `online` where it fires. Chrome fires no `online` in a service worker, and
 * would not wake a sleeping one for it, so the retry alarm is what makes a
 * retry happen there; Firefox's event page gets `online` too.
 */
import type { FullDatasetTrigger } from './full-dataset-policy';
import { FULL_DATASET_RETRY_ALARM, REFRESH_ALARM } from './refresh';

interface BrowserEvent<Listener> {
  addListener(listener: Listener): void;
}

/** The part of `browser.alarms` this needs. */
export interface RetryAlarms {
  create(name: string, info: { when: number }): Promise<void>;
  clear(name: string): Promise<boolean>;
  onAlarm: BrowserEvent<(alarm: { name: string }) => void>;
}

export interface FullDatasetTriggerOptions {
  alarms: Pick<RetryAlarms, 'onAlarm'>;
  runtime: { onStartup: BrowserEvent<() => void> };
  /** Where `online` fires: the background's global scope. */
  onlineTarget: Pick<EventTarget, 'addEventListener'>;
  tryFullDataset: (trigger: FullDatasetTrigger) => Promise<unknown>;
  /** The daily check of the saved dataset URL; the full dataset's daily try follows it. */
  checkSavedUrl: () => Promise<unknown>;
}

/** Sets (or, with `null`, clears) the retry alarm. Side effect: the browser's alarms. */
export function createRetryScheduler(alarms: Pick<RetryAlarms, 'create' | 'clear'>): (at: number | null) => Promise<unknown> {
  return (at) => (at === null ? alarms.clear(FULL_DATASET_RETRY_ALARM) : alarms.create(FULL_DATASET_RETRY_ALARM, { when: at }));
}

/** Listens for every moment a retry is due. Side effect: adds listeners; call it once, at the worker's top level. */
export function listenForFullDatasetTriggers({ alarms, runtime, onlineTarget, tryFullDataset, checkSavedUrl }: FullDatasetTriggerOptions): void {
  const attempt = (trigger: FullDatasetTrigger) => void tryFullDataset(trigger).catch(() => undefined);
  runtime.onStartup.addListener(() => attempt('browser-start'));
  onlineTarget.addEventListener('online', () => attempt('online'));
  alarms.onAlarm.addListener(({ name }) => {
    if (name === FULL_DATASET_RETRY_ALARM) attempt('retry');
    if (name === REFRESH_ALARM) {
      void checkSavedUrl()
        .catch(() => undefined)
        .then(() => attempt('daily'));
    }
  });
}
