/**
 * An import controller over a fresh fake-indexeddb cache holding a one-video
 * "old" dataset, with storage items in memory and a fake network that
 * records every request. `useImportHarness()` sets it up before each test.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { createImportController, type ImportControllerOptions } from '../../lib/imports/controller';
import type { ImportError, ImportJob, SavedDatasetUrl } from '../../lib/imports/job';
import { getTranscript } from '../../lib/store/reads';
import type { ActiveDataset } from '../../lib/store/records';
import { openTranscriptDb, type TranscriptDb } from '../../lib/store/schema';
import type { VideoId } from '../../lib/youtube/url';
import { makeRow, toJsonLines } from '../fixtures/sample';
import { importJsonLines } from './import-text';
import { memoryStore } from './memory-store';

export const BUNDLED_URL = 'chrome-extension://id/sample.jsonl';
/** The dataset in use before each test: one video, 'aaaaaaaaaaa'. */
export const OLD_ROWS = toJsonLines([makeRow({ video_id: 'aaaaaaaaaaa', url: undefined })]);

/** The error of a failed job; `undefined` for any other. */
export const failureOf = (job: ImportJob | null): ImportError | undefined => (job?.status === 'failed' ? job.error : undefined);

export interface ImportHarness {
  db: TranscriptDb;
  jobStore: ReturnType<typeof memoryStore<ImportJob | null>>;
  urlStore: ReturnType<typeof memoryStore<SavedDatasetUrl | null>>;
  activeStore: ReturnType<typeof memoryStore<ActiveDataset | null>>;
  requests: Request[];
  controllerWith: (
    serve: (request: Request) => Response | Promise<Response>,
    overrides?: Partial<ImportControllerOptions>,
  ) => ReturnType<typeof createImportController>;
  expectOldDatasetKept: () => Promise<void>;
}

export function useImportHarness(): ImportHarness {
  const h = {
    requests: [] as Request[],
    controllerWith: (serve, overrides = {}) =>
      createImportController({
        database: () => Promise.resolve(h.db),
        jobStore: h.jobStore,
        urlStore: h.urlStore,
        activeStore: h.activeStore,
        bundledUrl: BUNDLED_URL,
        bundledPath: '/sample.jsonl',
        fetch: (input, init) => {
          const request = new Request(input, init);
          h.requests.push(request);
          return Promise.resolve(serve(request));
        },
        progressIntervalMs: 0,
        ...overrides,
      }),
    async expectOldDatasetKept() {
      expect(await getTranscript(h.db, 'aaaaaaaaaaa' as VideoId)).toBeDefined();
      expect(await getTranscript(h.db, 'yexR53My2O4' as VideoId)).toBeUndefined();
    },
  } as ImportHarness;

  beforeEach(async () => {
    h.db = await openTranscriptDb(`imports-${Math.random()}`);
    await importJsonLines(h.db, OLD_ROWS, { kind: 'bundled', path: '/sample.jsonl' });
    h.jobStore = memoryStore<ImportJob | null>(null);
    h.urlStore = memoryStore<SavedDatasetUrl | null>(null);
    h.activeStore = memoryStore<ActiveDataset | null>(null);
    h.requests = [];
  });
  afterEach(() => h.db.close());
  return h;
}
