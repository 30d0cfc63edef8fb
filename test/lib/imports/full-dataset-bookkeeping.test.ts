// What the full dataset's downloader counts as its own tries, what "reset to the sample" holds, and the status it reports.
import { describe, expect, it } from 'vitest';
import { INITIAL_FULL_DATASET_STATE } from '../../../lib/imports/full-dataset-policy';
import { NOW, retryAlarm, serveFull, useFullDatasetHarness } from '../../support/full-dataset-harness';

const { setUp } = useFullDatasetHarness();
const OTHER_URL = 'https://data.example/train.jsonl';

describe("the full dataset's bookkeeping", () => {
  it("does not count a failed import of another URL as a failed try of the full dataset's", async () => {
    const { imports, stateStore } = setUp((request) => (request.url === OTHER_URL ? new Response('gone', { status: 404 }) : serveFull()));
    await imports.start({ kind: 'url', url: OTHER_URL });
    await imports.whenIdle();
    expect(stateStore.value).toBeNull();
    expect(await retryAlarm()).toBeUndefined();
  });

  it('counts a failed download of the full dataset the user started, with the reason', async () => {
    const { fullDataset, imports, stateStore } = setUp(() => new Response('busy', { status: 503 }));
    await fullDataset.downloadNow();
    await imports.whenIdle();
    expect(stateStore.value).toMatchObject({ failures: 1, failure: 'the server answered 503', nextTryAt: NOW + 60_000 });
  });

  it('holds the sample the user reset to: no automatic try and no retry alarm until they ask', async () => {
    const { fullDataset, imports, stateStore, downloads } = setUp(() => new Response('busy', { status: 503 }));
    await fullDataset.trigger('wake');
    await imports.whenIdle();
    expect(await retryAlarm()).toMatchObject({ scheduledTime: NOW + 60_000 });

    await fullDataset.holdSample();
    expect(stateStore.value).toMatchObject({ heldByUser: true, nextTryAt: null });
    expect(await retryAlarm()).toBeUndefined();
    expect(await fullDataset.trigger('wake')).toEqual({ action: 'skip', why: 'held-by-user' });
    expect(downloads()).toBe(1);
  });

  it('reports its state and the setting', async () => {
    const { fullDataset } = setUp(serveFull, { enabled: false });
    expect(await fullDataset.status()).toEqual({ ...INITIAL_FULL_DATASET_STATE, automatic: false });
  });
});
