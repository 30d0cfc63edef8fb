import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImportController } from '../../../lib/imports/controller';
import type { ImportJob, SavedDatasetUrl } from '../../../lib/imports/job';
import { createRunningJob } from '../../../lib/imports/job-record';
import { startUp } from '../../../lib/imports/start-up';
import { getActiveDataset } from '../../../lib/store/reads';
import type { ActiveDataset } from '../../../lib/store/records';
import { openTranscriptDb, type TranscriptDb } from '../../../lib/store/schema';
import { stageUpload } from '../../../lib/store/uploads';
import { makeRow, SAMPLE_JSONL, toJsonLines } from '../../fixtures/sample';
import { importJsonLines } from '../../support/import-text';
import { memoryStore } from '../../support/memory-store';

const BUNDLED_URL = 'chrome-extension://id/sample.jsonl';

let db: TranscriptDb;
beforeEach(async () => {
  db = await openTranscriptDb(`start-up-${Math.random()}`);
});
afterEach(() => db.close());

const serveSample = (input: RequestInfo | URL): Promise<Response> =>
  Promise.resolve(new Request(input).url === BUNDLED_URL ? new Response(SAMPLE_JSONL) : new Response(null, { status: 404 }));

function setUp(job: ImportJob | null, fetch: typeof globalThis.fetch = serveSample) {
  const jobStore = memoryStore<ImportJob | null>(job);
  const imports = createImportController({
    database: () => Promise.resolve(db),
    jobStore,
    urlStore: memoryStore<SavedDatasetUrl | null>(null),
    activeStore: memoryStore<ActiveDataset | null>(null),
    bundledUrl: BUNDLED_URL,
    bundledPath: '/sample.jsonl',
    fetch,
    progressIntervalMs: 0,
  });
  const { ready, resumed } = startUp({ database: () => Promise.resolve(db), jobStore, imports });
  return { jobStore, imports, ready, resumed };
}

describe('start-up', () => {
  it('caches the bundled sample in a fresh profile, as housekeeping: the job record is for the user’s imports', async () => {
    const { jobStore, imports, ready } = setUp(null);
    await ready;
    await imports.whenIdle();
    expect((await getActiveDataset(db))?.source).toEqual({ kind: 'bundled', path: '/sample.jsonl' });
    expect(jobStore.value).toBeNull();
  });

  it("resumes the user's interrupted import even when the bundled sample had to be imported first", async () => {
    // An older bundled sample is cached (an extension update) and a file import was cut short.
    await importJsonLines(db, toJsonLines([makeRow()]), { kind: 'bundled', path: '/sample.jsonl' });
    const uploadId = await stageUpload(db, new NodeBlob([toJsonLines([makeRow({ video_id: 'aaaaaaaaaaa', url: undefined })])]) as unknown as Blob, 'mine.jsonl');
    const interrupted = createRunningJob({ kind: 'file', uploadId, name: 'mine.jsonl' }, 1, { id: 'users-job' });
    const { jobStore, imports, ready } = setUp(interrupted);
    await ready;
    await expect.poll(() => jobStore.value).toMatchObject({ id: 'users-job', status: 'succeeded', restarts: 1 });
    await imports.whenIdle();
    expect((await getActiveDataset(db))?.source).toEqual({ kind: 'file', name: 'mine.jsonl' });
  });

  it('rejects, and leaves lookups to say why, when the bundled sample cannot be read and nothing is cached', async () => {
    const { ready } = setUp(null, () => Promise.resolve(new Response(null, { status: 404 })));
    await expect(ready).rejects.toThrow('the bundled file could not be read (HTTP 404)');
  });
});
