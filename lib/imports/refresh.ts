/** The extension's alarms (chrome.alarms: they survive worker restarts and browser restarts). */

export const REFRESH_ALARM = 'refresh-dataset';
export const REFRESH_PERIOD_MINUTES = 24 * 60;

/** One-shot, at the end of the full dataset's backoff (issue 13); set again after each failed try. */
export const FULL_DATASET_RETRY_ALARM = 'full-dataset-retry';
