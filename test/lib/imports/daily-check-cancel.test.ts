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
