// The controller's "one import at a time" from the caller's side: what it answers while busy, and that the slot comes free again.
import { Blob as NodeBlob } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { createRunningJob } from '../../../lib/imports/job-record';
import { MAX_RESTARTS } from '../../../lib/imports/restart-policy';
import { getUpload, stageUpload } from '../../../lib/store/uploads';
import { SAMPLE_JSONL } from '../../fixtures/sample';
import { useImportHarness } from '../../support/import-harness';
import { importJsonLines } from '../../support/import-text';

const URL_A = 'https://data.example/train.jsonl';
const h = useImportHarness();

/** A server whose answer waits until `release()`: an import that is still running. */
function slowServer() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { serve: async () => (await gate, new Response(SAMPLE_JSONL)), release: () => release() };
}

describe('the import slot, as callers see it', () => {
  it('leaves a running import alone when asked to cancel another job, and cancels nothing when none runs', async () => {
    const server = slowServer();
    const controller = h.controllerWith(server.serve);
    expect(await controller.cancelJob('no-such-job')).toEqual({ cancelled: false });
    const started = await controller.start({ kind: 'url', url: URL_A });
    expect(await controller.cancelJob('another-job')).toEqual({ cancelled: false });
    server.release();
    await controller.whenIdle();
    expect(h.jobStore.value).toMatchObject({ status: 'succeeded', id: started.status === 'started' ? started.jobId : '' });
  });

  it('does not start over an interrupted import while another one runs', async () => {
    const server = slowServer();
    const controller = h.controllerWith(server.serve);
    await controller.start({ kind: 'url', url: URL_A });
    expect(await controller.resumeInterrupted()).toBe(false);
    server.release();
    await controller.whenIdle();
  });

  it('frees the slot when the start condition throws', async () => {
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL));
    await expect(controller.startIf({ kind: 'url', url: URL_A }, () => Promise.reject(new Error('storage gone')))).rejects.toThrow('storage gone');
    expect(await controller.start({ kind: 'url', url: URL_A })).toMatchObject({ status: 'started' });
    await controller.whenIdle();
  });

  it("frees the slot after leaving the user's own dataset in place at start-up", async () => {
    await importJsonLines(h.db, SAMPLE_JSONL, { kind: 'file', name: 'mine.jsonl' });
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL));
    expect(await controller.ensureBundled()).toEqual({ imported: false });
    expect(await controller.start({ kind: 'url', url: URL_A })).toMatchObject({ status: 'started' });
    await controller.whenIdle();
  });

  it('rejects when the bundled sample cannot be imported, and keeps the dataset in use', async () => {
    const controller = h.controllerWith(() => new Response('this is not a dataset'));
    await expect(controller.ensureBundled()).rejects.toThrow('The file has no rows.');
    await h.expectOldDatasetKept();
  });
});

describe('giving up an interrupted file import', () => {
  it('drops the staged file with the job, and keeps a staged file of a URL job alone', async () => {
    const file = new NodeBlob(['x']) as unknown as Blob;
    const uploadId = await stageUpload(h.db, file, 'train.jsonl');
    const otherUpload = await stageUpload(h.db, file, 'other.jsonl');
    h.jobStore.value = { ...createRunningJob({ kind: 'file', uploadId, name: 'train.jsonl' }, 1, { id: 'job-1' }), restarts: MAX_RESTARTS };
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL));
    expect(await controller.resumeInterrupted()).toBe(false);
    expect(h.jobStore.value.status).toBe('failed');
    expect(await getUpload(h.db, uploadId)).toBeUndefined();
    expect(await getUpload(h.db, otherUpload)).toBeDefined();
  });

  it('keeps staged files when a URL import is given up', async () => {
    const uploadId = await stageUpload(h.db, new NodeBlob(['x']) as unknown as Blob, 'train.jsonl');
    h.jobStore.value = { ...createRunningJob({ kind: 'url', url: URL_A }, 1, { id: 'job-2' }), restarts: MAX_RESTARTS };
    const controller = h.controllerWith(() => new Response(SAMPLE_JSONL));
    expect(await controller.resumeInterrupted()).toBe(false);
    expect(await getUpload(h.db, uploadId)).toBeDefined();
  });
});
