/**
 * When the background downloads the full dataset by itself (issue 13): on a
 * fresh install right after the bundled sample is cached, and again after a
 * failure, with backoff, never in a tight loop. Pure.
 */
import type { DatasetRecord } from '../store/records';
import { DEFAULT_DATASET_URL } from './default-dataset';
import type { FullDatasetState } from './job';

export const INITIAL_FULL_DATASET_STATE: FullDatasetState = {
  failures: 0,
  lastTryAt: null,
  nextTryAt: null,
  failure: null,
  heldByUser: false,
  jobId: null,
};

/** Waits after the 1st, 2nd, … failure: 1 min, 10 min, 1 h, 6 h, then a day. */
export const BACKOFF_MS: readonly number[] = [60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000, 24 * 60 * 60_000];

/** Triggers the network cannot repeat faster than this (a browser start, `online`). */
export const MIN_GAP_MS = 60_000;

/**
 * What prompted a try:
 * - `wake`: the worker started (install, any wake-up); waits out the backoff.
 * - `retry`: the retry alarm, set for the end of the backoff (it wakes a
 *   sleeping worker; Chrome fires no `online` in a service worker).
 * - `browser-start`, `online`, `daily`: the moments a retry is due (the next
 *   browser start, the browser back online, the daily alarm); at most once a minute.
 * - `user`: the Retry button, or the setting turned on; always.
 * - `resume`: a try the browser interrupted, about to start over; goes on
 *   unless the setting, the sample or the user's choice changed meanwhile.
 */
export type FullDatasetTrigger = 'wake' | 'retry' | 'browser-start' | 'online' | 'daily' | 'user' | 'resume';

export interface FullDatasetContext {
  /** "Download the full dataset automatically" (on by default). */
  enabled: boolean;
  /** The dataset in use, if any. */
  active: DatasetRecord | null;
  state: FullDatasetState;
  online: boolean;
  now: number;
}

export type FullDatasetDecision =
  | { action: 'download' }
  | { action: 'skip'; why: 'disabled' | 'not-the-sample' | 'held-by-user' | 'offline' | 'backing-off' | 'too-soon' };

/** How long to wait after `failures` failed tries. */
export function backoffAfter(failures: number): number {
  return BACKOFF_MS[Math.min(Math.max(failures, 1), BACKOFF_MS.length) - 1]!;
}

/** Whether `dataset` is the one the automatic download fetches (a later version is still the same dataset). */
export function isFullDataset(dataset: Pick<DatasetRecord, 'source'> | null): boolean {
  return dataset?.source.kind === 'url' && dataset.source.url === DEFAULT_DATASET_URL;
}

/**
 * Whether to download the full dataset now. Only ever replaces the bundled
 * sample: a dataset the user chose (a file, another URL) and the full dataset
 * itself are left alone; the daily check keeps the full dataset current.
 */
export function decideFullDatasetDownload(trigger: FullDatasetTrigger, context: FullDatasetContext): FullDatasetDecision {
  const { enabled, active, state, online, now } = context;
  if (!enabled && trigger !== 'user') return { action: 'skip', why: 'disabled' };
  if (active !== null && active.source.kind !== 'bundled') return { action: 'skip', why: 'not-the-sample' };
  if (trigger === 'user') return { action: 'download' };
  if (state.heldByUser) return { action: 'skip', why: 'held-by-user' };
  if (trigger === 'resume') return { action: 'download' };
  // Not due yet: an offline check now would only push the backoff further.
  const waitsOutBackoff = trigger === 'wake' || trigger === 'retry';
  if (waitsOutBackoff && state.nextTryAt !== null && now < state.nextTryAt) return { action: 'skip', why: 'backing-off' };
  if (!waitsOutBackoff && state.lastTryAt !== null && now - state.lastTryAt < MIN_GAP_MS) return { action: 'skip', why: 'too-soon' };
  return online ? { action: 'download' } : { action: 'skip', why: 'offline' };
}

/** Why a due try did not go out, as the failure it records. */
export const OFFLINE_FAILURE = 'the browser is offline';

/** The state as a try starts: `jobId` is the import it runs. */
export function startFullDatasetTry(state: FullDatasetState, now: number, jobId: string): FullDatasetState {
  return { ...state, lastTryAt: now, heldByUser: false, jobId };
}

/** When the retry alarm should fire for `state`, or `null` for no alarm. */
export function retryAlarmAt(state: FullDatasetState): number | null {
  return state.heldByUser ? null : state.nextTryAt;
}

/** The state after a try of the full dataset ended. */
export function recordFullDatasetTry(
  state: FullDatasetState,
  outcome: { status: 'succeeded' } | { status: 'cancelled' } | { status: 'failed'; reason: string },
  now: number,
): FullDatasetState {
  switch (outcome.status) {
    case 'succeeded':
      return { ...INITIAL_FULL_DATASET_STATE, lastTryAt: now };
    case 'cancelled':
      return { ...state, nextTryAt: null, heldByUser: true, jobId: null };
    case 'failed': {
      const failures = state.failures + 1;
      return { ...state, failures, failure: outcome.reason, nextTryAt: now + backoffAfter(failures), heldByUser: false, jobId: null };
    }
  }
}
