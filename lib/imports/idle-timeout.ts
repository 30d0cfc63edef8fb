/**
 * A download that stalls must not hold the one import slot forever (the
 * keep-alive keeps the worker awake meanwhile): when no bytes arrive for
 * `idleMs`, the download ends with a `DownloadStalledError`. Only waiting on
 * the network counts, not the time the importer takes with what arrived.
 */

/** The default: no bytes for 30 s. */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/**
 * `stream`, erroring with `stalled()` (and cancelling `stream`) when a read
 * waits longer than `idleMs`. Side effect: a timer while a read waits.
 */
export function withIdleTimeout(
  stream: ReadableStream<Uint8Array>,
  idleMs: number,
  stalled: () => Error,
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timedOut = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(stalled()), idleMs);
        });
        try {
          const { done, value } = await Promise.race([reader.read(), timedOut]);
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          void reader.cancel(error).catch(() => undefined); // ends the request
          controller.error(error);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    // Pull only when the importer asks: the timer then measures the network alone.
    { highWaterMark: 0 },
  );
}

/**
 * Calls `fetchFn` and rejects with `stalled()` if no response (headers) has
 * come within `idleMs`, aborting the request. `signal` still cancels it.
 */
export async function fetchWithIdleTimeout(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit & { signal: AbortSignal },
  idleMs: number,
  stalled: () => Error,
): Promise<Response> {
  const timeout = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = stalled();
      timeout.abort(error);
      reject(error);
    }, idleMs);
  });
  try {
    // Until the headers arrive, the timeout may abort the request; after, only `init.signal`.
    return await Promise.race([fetchFn(url, { ...init, signal: AbortSignal.any([init.signal, timeout.signal]) }), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
