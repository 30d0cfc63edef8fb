/**
 * Keeps the MV3 worker awake while an import runs: Chrome stops a worker
 * that has made no extension API call for ~30 s, even mid-download.
 */
const KEEP_ALIVE_MS = 20_000;

/** Calls `ping` (an extension API call) every 20 s until the returned function is called. Side effect: a timer. */
export function startKeepAlive(ping: () => Promise<unknown>, intervalMs: number = KEEP_ALIVE_MS): () => void {
  const timer = setInterval(() => void ping().catch(() => undefined), intervalMs);
  return () => clearInterval(timer);
}
