/**
 * The worker's automatic download of the full dataset over the import
 * harness's cache (whose dataset in use is a bundled sample), wired to the
 * fake browser's alarms and start-up as the background wires it.
 */
import { expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ImportControllerOptions } from '../../lib/imports/controller';
import { DEFAULT_DATASET_URL } from '../../lib/imports/default-dataset';
import { createFullDatasetDownloader } from '../../lib/imports/full-dataset';
import { createRetryScheduler, listenForFullDatasetTriggers } from '../../lib/imports/full-dataset-triggers';
import type { FullDatasetState } from '../../lib/imports/job';
import { getActiveDataset, getTranscript } from '../../lib/store/reads';
import type { VideoId } from '../../lib/youtube/url';
import { SAMPLE_JSONL } from '../fixtures/sample';
import { useImportHarness } from './import-harness';
import { memoryStore } from './memory-store';

export const NOW = 1_800_000_000_000;

export interface FullDatasetSetUp {
  enabled?: boolean;
  online?: boolean;
  /** More of the controller's options (a fetch that holds a download, say). */
  controller?: Partial<ImportControllerOptions>;
}

export function useFullDatasetHarness() {
  const h = useImportHarness();

  /** `serve` answers huggingface.co (and any other URL). */
  function setUp(serve: (request: Request) => Response | Promise<Response>, { enabled = true, online = true, controller = {} }: FullDatasetSetUp = {}) {
    const clock = { now: NOW, online };
    const enabledStore = memoryStore(enabled);
    const stateStore = memoryStore<FullDatasetState | null>(null);
    const imports = h.controllerWith(serve, {
      now: () => clock.now,
      onImportEnded: (result) => fullDataset.onImportEnded(result),
      mayResume: (job) => fullDataset.mayResume(job),
      ...controller,
    });
    const fullDataset = createFullDatasetDownloader({
      imports,
      database: () => Promise.resolve(h.db),
      enabledStore,
      stateStore,
      scheduleRetry: createRetryScheduler(fakeBrowser.alarms),
      now: () => clock.now,
      isOnline: () => clock.online,
    });
    const globalScope = new EventTarget();
    listenForFullDatasetTriggers({
      alarms: fakeBrowser.alarms,
      runtime: fakeBrowser.runtime,
      onlineTarget: globalScope,
      tryFullDataset: (trigger) => fullDataset.trigger(trigger),
      checkSavedUrl: () => imports.refreshFromUrl(),
    });
    const downloads = () => h.requests.filter((request) => request.url === DEFAULT_DATASET_URL).length;
    return { clock, enabledStore, stateStore, imports, fullDataset, downloads, globalScope };
  }

  async function expectFullDatasetActive() {
    expect((await getActiveDataset(h.db))?.source).toEqual({ kind: 'url', url: DEFAULT_DATASET_URL });
    expect((await getTranscript(h.db, 'yexR53My2O4' as VideoId))?.segments).toHaveLength(66);
  }

  return { h, setUp, expectFullDatasetActive };
}

export const retryAlarm = () => fakeBrowser.alarms.get('full-dataset-retry');

/** Chrome firing the retry alarm: what wakes a sleeping worker. */
export async function fireRetryAlarm(): Promise<void> {
  const alarm = await retryAlarm();
  expect(alarm, 'the retry alarm is set').toBeDefined();
  await fakeBrowser.alarms.onAlarm.trigger(alarm!);
}

/** The Hub's answer: the full file (here the 3-video sample rows) with an ETag. */
export const serveFull = () => new Response(SAMPLE_JSONL, { headers: { ETag: '"full-v1"' } });
