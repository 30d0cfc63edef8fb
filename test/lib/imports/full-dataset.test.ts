import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_DATASET_URL } from '../../../lib/imports/default-dataset';
import { getActiveDataset } from '../../../lib/store/reads';
import { SAMPLE_JSONL } from '../../fixtures/sample';
import { fireRetryAlarm, NOW, retryAlarm, serveFull, useFullDatasetHarness } from '../../support/full-dataset-harness';
import { importJsonLines } from '../../support/import-text';

const { h, setUp, expectFullDatasetActive } = useFullDatasetHarness();

describe('the full dataset, downloaded by itself', () => {
  it('replaces the sample on the first run, and is then followed by the daily check', async () => {
    const { fullDataset, imports, stateStore } = setUp(serveFull);
    expect(await fullDataset.trigger('wake')).toMatchObject({ status: 'started' });
    await imports.whenIdle();
    await expectFullDatasetActive();
    expect(stateStore.value).toMatchObject({ failures: 0, failure: null, lastTryAt: NOW });
    expect(h.urlStore.value).toMatchObject({ url: DEFAULT_DATASET_URL, etag: '"full-v1"' });
    // Nothing more to do once it is there.
    expect(await fullDataset.trigger('browser-start')).toEqual({ action: 'skip', why: 'not-the-sample' });
  });

  it('keeps the sample when the download fails, says why, and the retry alarm at the end of the backoff switches in a success', async () => {
    let answer: () => Response = () => new Response('busy', { status: 503, statusText: 'Service Unavailable' });
    const { fullDataset, imports, stateStore, clock, downloads } = setUp(() => answer());
    await fullDataset.trigger('wake');
    await imports.whenIdle();
    await h.expectOldDatasetKept();
    expect(stateStore.value).toMatchObject({ failures: 1, failure: 'the server answered 503', nextTryAt: NOW + 60_000 });
    expect(await retryAlarm()).toMatchObject({ scheduledTime: NOW + 60_000 });

    // A wake-up within the backoff asks nothing.
    clock.now = NOW + 30_000;
    expect(await fullDataset.trigger('wake')).toEqual({ action: 'skip', why: 'backing-off' });
    expect(downloads()).toBe(1);

    // A second failure: the alarm moves to the next step of the backoff.
    clock.now = NOW + 60_000;
    await fireRetryAlarm();
    await vi.waitFor(() => expect(stateStore.value).toMatchObject({ failures: 2, nextTryAt: NOW + 11 * 60_000 }));
    expect(await retryAlarm()).toMatchObject({ scheduledTime: NOW + 11 * 60_000 });

    answer = serveFull;
    clock.now = NOW + 11 * 60_000;
    await fireRetryAlarm();
    await vi.waitFor(() => expect(downloads()).toBe(3));
    await imports.whenIdle();
    await expectFullDatasetActive();
    expect(stateStore.value).toMatchObject({ failures: 0, failure: null, nextTryAt: null });
    expect(await retryAlarm()).toBeUndefined();
  });

  it('while offline asks nothing, says so, and checks again when the retry alarm fires, with backoff', async () => {
    const { fullDataset, imports, stateStore, clock, downloads } = setUp(serveFull, { online: false });
    expect(await fullDataset.trigger('wake')).toEqual({ action: 'skip', why: 'offline' });
    expect(stateStore.value).toMatchObject({ failure: 'the browser is offline', nextTryAt: NOW + 60_000 });
    expect(await retryAlarm()).toMatchObject({ scheduledTime: NOW + 60_000 });
    // Wake-ups before then do not count as checks.
    expect(await fullDataset.trigger('wake')).toEqual({ action: 'skip', why: 'backing-off' });

    clock.now = NOW + 60_000;
    await fireRetryAlarm();
    await vi.waitFor(() => expect(stateStore.value).toMatchObject({ nextTryAt: NOW + 11 * 60_000 }));
    expect(downloads()).toBe(0);

    clock.online = true;
    clock.now = NOW + 11 * 60_000;
    await fireRetryAlarm();
    await vi.waitFor(() => expect(downloads()).toBe(1));
    await imports.whenIdle();
    await expectFullDatasetActive();
  });

  it.each<[string, (scope: EventTarget) => Promise<unknown>]>([
    ['a browser start', () => fakeBrowser.runtime.onStartup.trigger()],
    ['the browser back online (where the background hears it)', (scope) => Promise.resolve(scope.dispatchEvent(new Event('online')))],
    ['the daily alarm', () => fakeBrowser.alarms.onAlarm.trigger({ name: 'refresh-dataset', scheduledTime: NOW, persistAcrossSessions: true })],
  ])('retries at %s, a minute after the last try', async (_label, fire) => {
    let answer: () => Response = () => new Response('busy', { status: 503 });
    const { fullDataset, imports, clock, downloads, globalScope } = setUp(() => answer());
    await fullDataset.trigger('wake');
    await imports.whenIdle();
    answer = serveFull;

    clock.now = NOW + 60_000;
    await fire(globalScope);
    await vi.waitFor(() => expect(downloads()).toBe(2));
    await imports.whenIdle();
    await expectFullDatasetActive();
  });

  it('never replaces a dataset the user imported from a file', async () => {
    await importJsonLines(h.db, SAMPLE_JSONL, { kind: 'file', name: 'mine.jsonl' });
    const { fullDataset, downloads } = setUp(serveFull);
    for (const trigger of ['wake', 'browser-start', 'online', 'daily'] as const) {
      expect(await fullDataset.trigger(trigger)).toEqual({ action: 'skip', why: 'not-the-sample' });
    }
    expect(await fullDataset.downloadNow()).toEqual({ status: 'not-needed' });
    expect(downloads()).toBe(0);
    expect((await getActiveDataset(h.db))?.source).toEqual({ kind: 'file', name: 'mine.jsonl' });
  });

  it('with the setting off keeps the sample; turning it on downloads at once', async () => {
    const { fullDataset, imports, downloads } = setUp(serveFull, { enabled: false });
    expect(await fullDataset.trigger('wake')).toEqual({ action: 'skip', why: 'disabled' });
    expect(downloads()).toBe(0);
    expect(await fullDataset.setAutomatic(true)).toEqual({ automatic: true });
    await imports.whenIdle();
    await expectFullDatasetActive();
  });

  it('leaves the sample the user reset to, and a download they cancelled, until they ask again', async () => {
    const stalled = new ReadableStream<Uint8Array>({ start: () => undefined });
    let answer: () => Response = () => new Response(stalled);
    const { fullDataset, imports, stateStore, downloads } = setUp(() => answer());
    await fullDataset.trigger('wake');
    await imports.cancel();
    expect(stateStore.value).toMatchObject({ heldByUser: true });
    expect(await fullDataset.trigger('browser-start')).toEqual({ action: 'skip', why: 'held-by-user' });

    answer = serveFull;
    expect(await fullDataset.downloadNow()).toMatchObject({ status: 'started' });
    await imports.whenIdle();
    await expectFullDatasetActive();
    expect(downloads()).toBe(2);

    await fullDataset.holdSample();
    expect(await fullDataset.trigger('daily')).toEqual({ action: 'skip', why: 'not-the-sample' });
  });
});
