import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DownloadStalledError } from '../../../lib/imports/errors';
import { DEFAULT_IDLE_TIMEOUT_MS, fetchWithIdleTimeout, withIdleTimeout } from '../../../lib/imports/idle-timeout';

const URL_A = 'https://data.example/train.jsonl';
const stalled = () => new DownloadStalledError(URL_A, DEFAULT_IDLE_TIMEOUT_MS);

/** A server body that sends one byte every `everyMs`, `count` times, then ends. */
function tricklingBody(count: number, everyMs: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, everyMs));
        controller.enqueue(new Uint8Array([65]));
        sent += 1;
        if (sent === count) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Reads everything; resolves with the byte count or the error. */
async function drain(stream: ReadableStream<Uint8Array>, pauseMs = 0): Promise<number | Error> {
  const reader = stream.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return bytes;
      bytes += value.length;
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  } catch (error) {
    return error as Error;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a download with an idle timeout of 30 s', () => {
  it('is not cut off by a server that sends one byte every 2 s, however long it takes', async () => {
    const result = drain(withIdleTimeout(tricklingBody(60, 2_000), DEFAULT_IDLE_TIMEOUT_MS, stalled));
    await vi.advanceTimersByTimeAsync(125_000);
    expect(await result).toBe(60);
  });

  it('fails, in words, once no byte has come for 30 s, and stops the download', async () => {
    let cancelled: unknown;
    const silent = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([65, 66]));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    let settled = false;
    const result = drain(withIdleTimeout(silent, DEFAULT_IDLE_TIMEOUT_MS, stalled)).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(29_900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    const error = await result;
    expect(error).toBeInstanceOf(DownloadStalledError);
    expect((error as Error).message).toBe('The download from data.example stalled: no data arrived for 30 seconds.');
    expect(cancelled).toBe(error);
  });

  it('does not count the time the importer spends on what arrived', async () => {
    const result = drain(withIdleTimeout(tricklingBody(3, 10), DEFAULT_IDLE_TIMEOUT_MS, stalled), 60_000);
    await vi.advanceTimersByTimeAsync(200_000);
    expect(await result).toBe(3);
  });

  it('fails when the server never answers the request, and aborts it', async () => {
    let requestSignal: AbortSignal | undefined;
    const neverAnswers = (_url: RequestInfo | URL, init?: RequestInit) => {
      requestSignal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    };
    const response = fetchWithIdleTimeout(neverAnswers, URL_A, { signal: new AbortController().signal }, DEFAULT_IDLE_TIMEOUT_MS, stalled);
    const outcome = response.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(DEFAULT_IDLE_TIMEOUT_MS);
    expect(await outcome).toBeInstanceOf(DownloadStalledError);
    expect(requestSignal?.aborted).toBe(true);
  });

  it('leaves a request that was answered in time to the caller’s signal alone', async () => {
    const caller = new AbortController();
    let requestSignal: AbortSignal | undefined;
    const answers = (_url: RequestInfo | URL, init?: RequestInit) => {
      requestSignal = init?.signal ?? undefined;
      return Promise.resolve(new Response('ok'));
    };
    await fetchWithIdleTimeout(answers, URL_A, { signal: caller.signal }, DEFAULT_IDLE_TIMEOUT_MS, stalled);
    await vi.advanceTimersByTimeAsync(DEFAULT_IDLE_TIMEOUT_MS * 2);
    expect(requestSignal?.aborted).toBe(false);
    caller.abort();
    expect(requestSignal?.aborted).toBe(true);
  });
});
