import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptionMethod } from '../../../lib/youtube/captions/outcome';
import { createSharedRateLimits } from '../../../lib/panel/shared-rate-limits';
import { captionsBackOffItem } from '../../../lib/settings/storage-items';

const EXTENSION_ID = fakeBrowser.runtime.id;
const METHODS: CaptionMethod[] = ['get_panel', 'player', 'timedtext'];
const at = (ms: number) => () => ms;
const live = () => new AbortController().signal;
/** Lets the storage read a tab starts with arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('createSharedRateLimits', () => {
  it('holds back every tab after a 429 met in one, and lets them all go after an answer', async () => {
    const first = createSharedRateLimits(live(), at(0));
    const second = createSharedRateLimits(live(), at(0));
    await settle();

    first.record('get_panel', undefined);
    expect(first.secondsLeft('get_panel')).toBe(60);
    await vi.waitFor(() => expect(second.secondsLeft('get_panel')).toBe(60));
    expect(second.secondsLeft('timedtext')).toBe(0);

    // The next 429, met in the other tab, doubles the shared wait.
    second.record('get_panel', undefined);
    await vi.waitFor(() => expect(first.secondsLeft('get_panel')).toBe(120));

    first.clear('get_panel');
    await vi.waitFor(() => expect(second.secondsLeft('get_panel')).toBe(0));
  });

  it('holds back a tab opened during the wait, until the wait is over', async () => {
    const first = createSharedRateLimits(live(), at(0));
    first.record('timedtext', 300);
    await vi.waitFor(async () => expect(await captionsBackOffItem.getValue()).toEqual({ timedtext: { until: 300_000, strikes: 1 } }));

    const during = createSharedRateLimits(live(), at(100_000));
    await vi.waitFor(() => expect(during.secondsLeft('timedtext')).toBe(200));
    const after = createSharedRateLimits(live(), at(300_000));
    await settle();
    expect(after.secondsLeft('timedtext')).toBe(0);
  });

  it('stops hearing other tabs once its signal aborts', async () => {
    const controller = new AbortController();
    const tab = createSharedRateLimits(controller.signal, at(0));
    await settle();
    controller.abort();
    await captionsBackOffItem.setValue({ get_panel: { until: 60_000, strikes: 1 } });
    await settle();
    expect(tab.secondsLeft('get_panel')).toBe(0);
  });

  it('keeps a 429 met before the stored back-off was read, over that older read', async () => {
    await captionsBackOffItem.setValue({ get_panel: { until: 30_000, strikes: 1 } });
    const tab = createSharedRateLimits(live(), at(0));
    tab.record('timedtext', 300);
    await settle();
    expect(METHODS.map((method) => tab.secondsLeft(method))).toEqual([0, 0, 300]);
  });

  it('never hears other tabs with a signal aborted from the start', async () => {
    const controller = new AbortController();
    controller.abort();
    const tab = createSharedRateLimits(controller.signal, at(0));
    await settle();
    await captionsBackOffItem.setValue({ get_panel: { until: 60_000, strikes: 1 } });
    await settle();
    expect(tab.secondsLeft('get_panel')).toBe(0);
  });

  it('reads a well-formed stored back-off, ignoring malformed entries', async () => {
    await fakeBrowser.storage.local.set({ captionsBackOff: { get_panel: { until: 60_000, strikes: 1 }, player: 'later' } });
    const tab = createSharedRateLimits(live(), at(0));
    await vi.waitFor(() => expect(METHODS.map((method) => tab.secondsLeft(method))).toEqual([60, 0, 0]));
  });

  it.each([
    ['not an object', 'soon'],
    ['an entry without strikes', { get_panel: { until: 60_000 } }],
    ['a time that is not a number', { get_panel: { until: '60000', strikes: 1 } }],
    ['an unknown method', { get_transcript: { until: 60_000, strikes: 1 } }],
  ])('lets requests through when storage holds %s', async (_label, stored) => {
    await fakeBrowser.storage.local.set({ captionsBackOff: stored });
    const tab = createSharedRateLimits(live(), at(0));
    await settle();
    expect(METHODS.map((method) => tab.secondsLeft(method))).toEqual([0, 0, 0]);
  });

  it('keeps its own back-off once the extension is gone', () => {
    fakeBrowser.runtime.id = undefined as unknown as string;
    try {
      const tab = createSharedRateLimits(live(), at(0));
      expect(() => tab.record('get_panel', undefined)).not.toThrow();
      expect(tab.secondsLeft('get_panel')).toBe(60);
    } finally {
      fakeBrowser.runtime.id = EXTENSION_ID;
    }
  });
});
