// The automatic download never overrides what the user chose: their own import, the setting, a reset to the sample.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DATASET_URL } from '../../../lib/imports/default-dataset';
import { createRunningJob } from '../../../lib/imports/job-record';
import { getActiveDataset } from '../../../lib/store/reads';
import { makeRow, SAMPLE_JSONL, toJsonLines } from '../../fixtures/sample';
import { NOW, retryAlarm, serveFull, useFullDatasetHarness } from '../../support/full-dataset-harness';
import { importJsonLines } from '../../support/import-text';

const { h, setUp, expectFullDatasetActive } = useFullDatasetHarness();

const USER_URL = 'https://data.example/mine.jsonl';
const USER_ROWS = toJsonLines([makeRow({ video_id: 'bbbbbbbbbbb' })]);
const FULL_DATASET = { kind: 'url', url: DEFAULT_DATASET_URL } as const;
/** A download that never sends a byte (until cancelled). */
const serveStalled = () => new Response(new ReadableStream<Uint8Array>({ start: () => undefined }));

const activeSource = async () => (await getActiveDataset(h.db))?.source;

describe("a user's import that switches in while the automatic download decides", () => {
  it('is not replaced: the decision is taken holding the import slot', async () => {
    let sendUserFile = (): void => undefined;
    const userFile = new Promise<void>((resolve) => (sendUserFile = resolve));
    const { fullDataset, imports, enabledStore, downloads } = setUp(async (request) => {
      if (request.url !== USER_URL) return serveFull();
      await userFile;
      return new Response(USER_ROWS);
    });
    expect(await imports.start({ kind: 'url', url: USER_URL })).toMatchObject({ status: 'started' });
    // While the automatic download reads the setting, the user's import ends: it switches in and frees the slot.
    enabledStore.getValue = async () => {
      sendUserFile();
      await imports.whenIdle();
      return true;
    };

    const outcome = await fullDataset.trigger('wake');
    sendUserFile();
    await imports.whenIdle();
    expect(outcome).toEqual({ status: 'busy' });
    expect(await activeSource()).toEqual({ kind: 'url', url: USER_URL });
    expect(downloads()).toBe(0);
  });
});

describe('turning "Download the full dataset automatically" off', () => {
  it('stops the automatic download under way, keeps the sample and clears the retry alarm', async () => {
    const { fullDataset, imports, downloads, clock } = setUp(serveStalled);
    expect(await fullDataset.trigger('wake')).toMatchObject({ status: 'started' });
    await vi.waitFor(() => expect(downloads()).toBe(1));

    expect(await fullDataset.setAutomatic(false)).toEqual({ automatic: false });
    expect(h.jobStore.value).toMatchObject({ source: FULL_DATASET, status: 'cancelled' });
    await imports.whenIdle();
    await h.expectOldDatasetKept();
    expect(await retryAlarm()).toBeUndefined();
    clock.now = NOW + 24 * 60 * 60_000;
    expect(await fullDataset.trigger('wake')).toEqual({ action: 'skip', why: 'disabled' });
    expect(downloads()).toBe(1);
  });

  it.each([
    ['the full dataset the user asked for by its URL', DEFAULT_DATASET_URL],
    ['another URL', USER_URL],
  ])('leaves an import the user started alone: %s', async (_label, url) => {
    const { fullDataset, imports } = setUp(serveStalled);
    expect(await imports.start({ kind: 'url', url })).toMatchObject({ status: 'started' });
    await vi.waitFor(() => expect(h.jobStore.value?.status).toBe('running'));

    await fullDataset.setAutomatic(false);
    expect(h.jobStore.value).toMatchObject({ source: { kind: 'url', url }, status: 'running' });
    await imports.cancel();
  });
});

describe('an automatic download the browser interrupted, at the next start', () => {
  /** The worker stopped mid-download: the job record says running, the state names it as the automatic try. */
  function interruptedTry(restarts = 0) {
    const job = createRunningJob(FULL_DATASET, NOW - 60_000, { id: 'automatic-try', restarts });
    h.jobStore.value = job;
    return { failures: 0, lastTryAt: NOW - 60_000, nextTryAt: null, failure: null, heldByUser: false, jobId: job.id };
  }

  it('starts over when the sample is still in use and the setting on', async () => {
    const { imports, stateStore, downloads } = setUp(serveFull);
    stateStore.value = interruptedTry();
    expect(await imports.resumeInterrupted()).toBe(true);
    await imports.whenIdle();
    expect(downloads()).toBe(1);
    await expectFullDatasetActive();
  });

  it.each([
    ['the setting was turned off', { enabled: false }, {}],
    ['the user chose the sample', {}, { heldByUser: true }],
  ])('does not start over when %s', async (_label, options, state) => {
    const { imports, stateStore, downloads } = setUp(serveFull, options);
    stateStore.value = { ...interruptedTry(), ...state };
    expect(await imports.resumeInterrupted()).toBe(false);
    expect(downloads()).toBe(0);
    expect(h.jobStore.value).toMatchObject({ id: 'automatic-try', status: 'cancelled' });
    expect(stateStore.value.jobId).toBeNull();
    await h.expectOldDatasetKept();
  });

  it("does not start over when the user's own dataset is in use", async () => {
    await importJsonLines(h.db, SAMPLE_JSONL, { kind: 'file', name: 'mine.jsonl' });
    const { imports, stateStore, downloads } = setUp(serveFull);
    stateStore.value = interruptedTry();
    expect(await imports.resumeInterrupted()).toBe(false);
    expect(downloads()).toBe(0);
    expect(await activeSource()).toEqual({ kind: 'file', name: 'mine.jsonl' });
  });

  it("still starts over the user's own download of the same URL, setting or not", async () => {
    const { imports, stateStore, downloads } = setUp(serveFull, { enabled: false });
    stateStore.value = { ...interruptedTry(), jobId: null };
    expect(await imports.resumeInterrupted()).toBe(true);
    await imports.whenIdle();
    expect(downloads()).toBe(1);
  });

  it('counts giving up after repeated interruptions as a failed try: the backoff and its alarm apply', async () => {
    const { imports, stateStore, downloads } = setUp(serveFull);
    stateStore.value = interruptedTry(3);
    expect(await imports.resumeInterrupted()).toBe(false);
    expect(downloads()).toBe(0);
    expect(stateStore.value).toMatchObject({
      failures: 1,
      failure: 'the download was interrupted 4 times',
      nextTryAt: NOW + 60_000,
    });
    expect(await retryAlarm()).toMatchObject({ scheduledTime: NOW + 60_000 });
  });
});
