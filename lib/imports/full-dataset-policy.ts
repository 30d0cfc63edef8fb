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
};

/** Waits after the 1st, 2nd, … failure: 1 min, 10 min, 1 h, 6 h, then a day. */
export const BACKOFF_MS: readonly number[] = [60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000, 24 * 60 * 60_000];

/** Triggers the network cannot repeat faster than this (a browser start, `online`). */
export const MIN_GAP_MS = 60_000;

/**
 * What prompted a try:
 * - `wake`: the worker started (install, any wake-up); waits out the backoff.
 * - `browser-start`, `online`, `daily`: the moments a retry is due (the next
 *   browser start, the browser back online, the daily alarm); at most once a minute.
 * - `user`: the Retry button, or the setting turned on; always.
 */
export type FullDatasetTrigger = 'wake' | 'browser-start' | 'online' | 'daily' | 'user';

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
  if (!online) return { action: 'skip', why: 'offline' };
  switch (trigger) {
    case 'wake':
      return state.nextTryAt !== null && now < state.nextTryAt ? { action: 'skip', why: 'backing-off' } : { action: 'download' };
    case 'browser-start':
    case 'online':
    case 'daily':
      return state.lastTryAt !== null && now - state.lastTryAt < MIN_GAP_MS ? { action: 'skip', why: 'too-soon' } : { action: 'download' };
  }
}

/** The state as a try starts. */
export function startFullDatasetTry(state: FullDatasetState, now: number): FullDatasetState {
  return { ...state, lastTryAt: now, heldByUser: false };
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
      return { ...state, nextTryAt: null, heldByUser: true };
    case 'failed': {
      const failures = state.failures + 1;
      return { ...state, failures, failure: outcome.reason, nextTryAt: now + backoffAfter(failures), heldByUser: false };
    }
  }
}
