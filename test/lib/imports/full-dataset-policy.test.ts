import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET_URL } from '../../../lib/imports/default-dataset';
import {
  backoffAfter,
  decideFullDatasetDownload,
  INITIAL_FULL_DATASET_STATE,
  isFullDataset,
  OFFLINE_FAILURE,
  recordFullDatasetTry,
  retryAlarmAt,
  startFullDatasetTry,
  type FullDatasetContext,
  type FullDatasetTrigger,
} from '../../../lib/imports/full-dataset-policy';
import { makeDatasetRecord } from '../../fixtures/records';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = 1_800_000_000_000;

const SAMPLE = makeDatasetRecord({ kind: 'bundled', path: '/sample.jsonl' });

const context = (overrides: Partial<FullDatasetContext> = {}): FullDatasetContext => ({
  enabled: true,
  active: SAMPLE,
  state: INITIAL_FULL_DATASET_STATE,
  online: true,
  now: NOW,
  ...overrides,
});

describe('the first run', () => {
  it.each<[string, Partial<FullDatasetContext>, string]>([
    ['a fresh profile, the sample just cached', {}, 'download'],
    ['a fresh profile whose sample could not be cached', { active: null }, 'download'],
    ['a file the user imported', { active: makeDatasetRecord({ kind: 'file', name: 'mine.jsonl' }) }, 'not-the-sample'],
    ['another URL the user chose', { active: makeDatasetRecord({ kind: 'url', url: 'https://data.example/mine.csv' }) }, 'not-the-sample'],
    ['the full dataset already', { active: makeDatasetRecord({ kind: 'url', url: DEFAULT_DATASET_URL }) }, 'not-the-sample'],
    ['the setting turned off', { enabled: false }, 'disabled'],
    ['the sample the user chose (reset to it)', { state: { ...INITIAL_FULL_DATASET_STATE, heldByUser: true } }, 'held-by-user'],
    ['no network', { online: false }, 'offline'],
  ])('%s → %s', (_label, overrides, expected) => {
    const decision = decideFullDatasetDownload('wake', context(overrides));
    expect(decision.action === 'download' ? 'download' : decision.why).toBe(expected);
  });
});

describe('backoff', () => {
  it('waits 1 min, 10 min, 1 h, 6 h, then a day after each failure', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(backoffAfter)).toEqual([MINUTE, 10 * MINUTE, HOUR, 6 * HOUR, 24 * HOUR, 24 * HOUR, 24 * HOUR]);
  });

  it('records each failure with its reason and when to try next, and forgets them all after a success', () => {
    let state = INITIAL_FULL_DATASET_STATE;
    state = recordFullDatasetTry(state, { status: 'failed', reason: 'huggingface.co could not be reached' }, NOW);
    expect(state).toMatchObject({ failures: 1, failure: 'huggingface.co could not be reached', nextTryAt: NOW + MINUTE });
    state = recordFullDatasetTry(state, { status: 'failed', reason: 'the server answered 503' }, NOW + 2 * MINUTE);
    expect(state).toMatchObject({ failures: 2, failure: 'the server answered 503', nextTryAt: NOW + 12 * MINUTE });
    state = recordFullDatasetTry(state, { status: 'succeeded' }, NOW + HOUR);
    expect(state).toEqual({ failures: 0, lastTryAt: NOW + HOUR, nextTryAt: null, failure: null, heldByUser: false, jobId: null });
  });

  it('holds the sample when the user cancels the download', () => {
    expect(recordFullDatasetTry(INITIAL_FULL_DATASET_STATE, { status: 'cancelled' }, NOW)).toMatchObject({ heldByUser: true, nextTryAt: null });
  });

  const afterFailure = { ...INITIAL_FULL_DATASET_STATE, failures: 1, lastTryAt: NOW - 30_000, nextTryAt: NOW + 30_000, failure: 'offline' };
  it.each<[FullDatasetTrigger, number, string]>([
    ['wake', 0, 'backing-off'],
    ['wake', 30_000, 'download'],
    // The retry alarm, set for the end of the backoff.
    ['retry', 0, 'backing-off'],
    ['retry', 30_000, 'download'],
    // The moments the issue names retry sooner, but never twice within a minute of a try.
    ['online', 0, 'too-soon'],
    ['online', 30_000, 'download'],
    ['browser-start', 0, 'too-soon'],
    ['browser-start', 30_000, 'download'],
    ['daily', 30_000, 'download'],
    ['user', 0, 'download'],
  ])('%s, %i ms after the backoff was set → %s', (trigger, later, expected) => {
    const decision = decideFullDatasetDownload(trigger, context({ state: afterFailure, now: NOW + later }));
    expect(decision.action === 'download' ? 'download' : decision.why).toBe(expected);
  });

  it('checks the network only once a try is due, so wake-ups while offline do not push the backoff further', () => {
    const offline = (trigger: FullDatasetTrigger, later: number) =>
      decideFullDatasetDownload(trigger, context({ state: afterFailure, now: NOW + later, online: false }));
    expect(offline('wake', 0)).toEqual({ action: 'skip', why: 'backing-off' });
    expect(offline('online', 0)).toEqual({ action: 'skip', why: 'too-soon' });
    expect(offline('retry', 30_000)).toEqual({ action: 'skip', why: 'offline' });
  });

  it('counts a due check that found the browser offline as a failed try, so the alarm backs off too', () => {
    const state = recordFullDatasetTry(INITIAL_FULL_DATASET_STATE, { status: 'failed', reason: OFFLINE_FAILURE }, NOW);
    expect(state).toMatchObject({ failures: 1, failure: 'the browser is offline', nextTryAt: NOW + MINUTE });
    expect(retryAlarmAt(state)).toBe(NOW + MINUTE);
    expect(retryAlarmAt({ ...state, heldByUser: true })).toBeNull();
  });

  it('lets the user try even with the setting off or the sample held, but never over their own dataset', () => {
    const held = { ...INITIAL_FULL_DATASET_STATE, heldByUser: true };
    expect(decideFullDatasetDownload('user', context({ enabled: false, state: held }))).toEqual({ action: 'download' });
    expect(decideFullDatasetDownload('user', context({ active: makeDatasetRecord({ kind: 'file', name: 'mine.jsonl' }) }))).toEqual({
      action: 'skip',
      why: 'not-the-sample',
    });
  });
});

describe('resuming, and a wake-up soon after a try', () => {
  const justTried = { ...INITIAL_FULL_DATASET_STATE, lastTryAt: NOW - 5_000, jobId: 'j' };

  it('goes on with an interrupted try at once, even offline (the worker restarted mid-download)', () => {
    expect(decideFullDatasetDownload('resume', context({ state: justTried }))).toEqual({ action: 'download' });
    expect(decideFullDatasetDownload('resume', context({ state: justTried, online: false }))).toEqual({ action: 'download' });
  });

  it('lets a wake-up or the retry alarm try again soon after a try that did not fail (no backoff to wait out)', () => {
    expect(decideFullDatasetDownload('wake', context({ state: justTried }))).toEqual({ action: 'download' });
    expect(decideFullDatasetDownload('retry', context({ state: justTried }))).toEqual({ action: 'download' });
  });

  it('starting a try ends a hold on the sample and remembers the job', () => {
    expect(startFullDatasetTry({ ...INITIAL_FULL_DATASET_STATE, heldByUser: true }, NOW, 'j2')).toEqual({
      ...INITIAL_FULL_DATASET_STATE,
      heldByUser: false,
      lastTryAt: NOW,
      jobId: 'j2',
    });
  });

  it.each([
    ['nothing cached', null, false],
    ['the sample', SAMPLE, false],
    ['a file', makeDatasetRecord({ kind: 'file', name: 'mine.jsonl' }), false],
    ['the full dataset', makeDatasetRecord({ kind: 'url', url: DEFAULT_DATASET_URL }), true],
  ])('isFullDataset: %s → %s', (_label, dataset, expected) => {
    expect(isFullDataset(dataset)).toBe(expected);
  });
});
