import { describe, expect, it } from 'vitest';
import { keepCache } from '../../../lib/imports/cache-keeper';
import { createImportController } from '../../../lib/imports/controller';
import type { ImportJob, SavedDatasetUrl } from '../../../lib/imports/job';
import { createTranscriptService } from '../../../lib/lookup/dataset-lookup';
import { createDatabaseConnection } from '../../../lib/store/connection';
import { getActiveDataset } from '../../../lib/store/reads';
import type { ActiveDataset } from '../../../lib/store/records';
import type { VideoId } from '../../../lib/youtube/url';
import { SAMPLE, toJsonLinesText } from '../../fixtures/dataset-files';
import { SAMPLE_JSONL } from '../../fixtures/sample';
import { clearSiteData } from '../../support/clear-site-data';
import { memoryStore } from '../../support/memory-store';

const BUNDLED_URL = 'chrome-extension://id/sample.jsonl';
const WORD2VEC = 'yexR53My2O4' as VideoId;

/** A worker as background.ts wires it, over a fake-indexeddb cache. */
function startWorker(
  serveUrl: () => Response = () => new Response(null, { status: 404 }),
  serveBundled: () => Response = () => new Response(SAMPLE_JSONL),
) {
  const connection = createDatabaseConnection(`keeper-${Math.random()}`);
  const jobStore = memoryStore<ImportJob | null>(null);
  const activeStore = memoryStore<ActiveDataset | null>(null);
  const imports = createImportController({
    database: () => connection.get(),
    jobStore,
    urlStore: memoryStore<SavedDatasetUrl | null>(null),
    activeStore,
    bundledUrl: BUNDLED_URL,
    bundledPath: '/sample.jsonl',
    fetch: (input) => Promise.resolve(new Request(input).url === BUNDLED_URL ? serveBundled() : serveUrl()),
    progressIntervalMs: 0,
  });
  const cache = keepCache({ connection, jobStore, imports, retryDelaysMs: [1, 1] });
  const transcripts = createTranscriptService({ database: () => connection.get(), ready: () => cache.ready() });
  const lookUp = () => transcripts.getTranscript({ type: 'getTranscript', videoId: WORD2VEC });
  return { connection, jobStore, activeStore, imports, cache, transcripts, lookUp };
}

describe('when the browser takes the cache away while the worker runs', () => {
  it('opens it again and caches the bundled sample again; lookups answer from it', async () => {
    const worker = startWorker();
    await worker.cache.ready();
    expect((await worker.lookUp()).status).toBe('found');
    const before = worker.activeStore.value;

    await clearSiteData(await worker.connection.get());
    await worker.cache.ready();

    expect(await worker.lookUp()).toMatchObject({ status: 'found', transcript: { video: { videoId: WORD2VEC } } });
    const db = await worker.connection.get();
    expect((await getActiveDataset(db))?.source).toEqual({ kind: 'bundled', path: '/sample.jsonl' });
    expect(worker.activeStore.value?.id).not.toBe(before?.id);
    expect(worker.activeStore.value?.id).toBe((await getActiveDataset(db))?.id);
    db.close();
  });

  it('stops the running import and says why; the sample is back', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(toJsonLinesText(SAMPLE.slice(0, 5))));
      },
    });
    const worker = startWorker(() => new Response(stalled));
    await worker.cache.ready();
    await worker.imports.start({ kind: 'url', url: 'https://data.example/big.jsonl' });
    await expect.poll(() => worker.jobStore.value?.status).toBe('running');
    await new Promise((resolve) => setTimeout(resolve, 20)); // the first rows are read; then the server stalls

    await clearSiteData(await worker.connection.get());
    await worker.cache.ready();

    expect(worker.jobStore.value).toMatchObject({
      status: 'failed',
      error: { message: "The extension's stored data was cleared while this import ran, so it stopped. The bundled sample is in use again." },
    });
    expect((await worker.lookUp()).status).toBe('found');
    (await worker.connection.get()).close();
  });

  it('tries the recovery again when the first try fails (Chrome aborts a connection opened mid-clear)', async () => {
    let bundledReads = 0;
    const worker = startWorker(undefined, () => {
      bundledReads += 1;
      return bundledReads === 2 ? new Response(null, { status: 503 }) : new Response(SAMPLE_JSONL);
    });
    await worker.cache.ready();
    await clearSiteData(await worker.connection.get());
    await worker.cache.ready();
    expect(bundledReads).toBe(3);
    expect((await worker.lookUp()).status).toBe('found');
    (await worker.connection.get()).close();
  });
});
