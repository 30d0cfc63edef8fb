/** Wall-clock timing in the page (performance.now: 5 µs steps when cross-origin isolated). */

export function timeSync<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Reports progress to the Node side, which prints page console output. */
export function progress(message: string): void {
  console.info(`[bench] ${message}`);
}
