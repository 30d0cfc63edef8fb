// @vitest-environment node
// Node's own fetch against a real HTTP server, so the idle timeout meets real sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTranscript } from '../../../lib/store/reads';
import type { VideoId } from '../../../lib/youtube/url';
import { SAMPLE_JSONL } from '../../fixtures/sample';
import { startDatasetServer, type DatasetServer } from '../../e2e/dataset-server';
import { failureOf, useImportHarness } from '../../support/import-harness';

const IDLE_MS = 1_000;
const h = useImportHarness();
let server: DatasetServer;

beforeAll(async () => {
  server = await startDatasetServer();
});
afterAll(async () => {
  await server.close();
});

const importer = () => h.controllerWith(() => Promise.reject(new Error('unused')), { fetch: globalThis.fetch, idleTimeoutMs: IDLE_MS });

describe(`a download with an idle timeout of ${IDLE_MS} ms`, () => {
  it('finishes from a server that trickles for much longer than the timeout, never pausing that long', async () => {
    const body = new TextEncoder().encode(SAMPLE_JSONL);
    server.serve('/trickle.jsonl', { body, chunkBytes: Math.ceil(body.length / 12), delayMs: 250 });
    const controller = importer();
    const started = Date.now();
    await controller.start({ kind: 'url', url: server.url('/trickle.jsonl') });
    await controller.whenIdle();
    expect(Date.now() - started).toBeGreaterThan(2 * IDLE_MS);
    expect(h.jobStore.value?.status).toBe('succeeded');
    expect((await getTranscript(h.db, 'yexR53My2O4' as VideoId))?.segments).toHaveLength(66);
  });

  it.each([
    ['never answers the request', { silent: true }],
    ['stops sending mid-file', { holdAt: 4_000 }],
  ])('fails in words when the server %s, keeps the dataset and frees the slot', async (_label, behaviour) => {
    const path = `/stall-${Math.random()}.jsonl`;
    server.serve(path, { body: new TextEncoder().encode(SAMPLE_JSONL), chunkBytes: 1_000, ...behaviour });
    const controller = importer();
    await controller.start({ kind: 'url', url: server.url(path) });
    await controller.whenIdle();
    expect(h.jobStore.value?.status).toBe('failed');
    expect(failureOf(h.jobStore.value)?.message).toBe(
      'The download from 127.0.0.1:' + new URL(server.origin).port + ' stalled: no data arrived for 1 second. The dataset you had is still in use.',
    );
    await h.expectOldDatasetKept();
    expect(await controller.start({ kind: 'url', url: server.url(path) })).toMatchObject({ status: 'started' });
    await controller.cancel();
  });
});
