import { describe, expect, it } from 'vitest';
import { useImportHarness } from '../../support/import-harness';

const URL_A = 'https://data.example/train.jsonl';

const h = useImportHarness();

describe('daily check cancelled while it asks the server', () => {
  it('answers "cancelled", not a failed check, and notes no failure on the saved URL', async () => {
    h.urlStore.value = { url: URL_A, etag: '"v1"', lastCheck: 'unchanged' };
    let asked!: () => void;
    const asking = new Promise<void>((resolve) => (asked = resolve));
    const controller = h.controllerWith(
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
          asked();
        }),
    );
    const checking = controller.refreshFromUrl();
    await asking;
    expect(await controller.cancel()).toEqual({ cancelled: true });
    expect(await checking).toEqual({ status: 'cancelled' });
    expect(h.urlStore.value).toMatchObject({ lastCheck: 'unchanged' });
    await h.expectOldDatasetKept();
  });
});

describe('cancelling a job by id while a daily check holds the slot', () => {
  it('cancels nothing (the check has no job yet) and lets the check finish', async () => {
    h.urlStore.value = { url: URL_A, etag: '"v1"', lastCheck: 'unchanged' };
    let asked!: () => void;
    let answer!: (response: Response) => void;
    const asking = new Promise<void>((resolve) => (asked = resolve));
    const controller = h.controllerWith(
      () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
          asked();
        }),
    );
    const checking = controller.refreshFromUrl();
    await asking;
    expect(await controller.cancelJob('an-earlier-job')).toEqual({ cancelled: false });
    answer(new Response(null, { status: 304 }));
    expect(await checking).toEqual({ status: 'unchanged' });
    await h.expectOldDatasetKept();
  });
});
