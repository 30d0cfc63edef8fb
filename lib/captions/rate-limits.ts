/**
 * Remembers that YouTube asked us to slow down (HTTP 429), per method, so no
 * request of that kind goes out until the wait is over. One per content
 * script; nothing ever retries on its own.
 */
import type { CaptionMethod } from '../youtube/captions/outcome';

/** The wait when YouTube names none (or a shorter one); each 429 in a row doubles it, up to the ceiling. */
export const DEFAULT_WAIT_SECONDS = 60;
export const MAX_WAIT_SECONDS = 15 * 60;

export interface RateLimits {
  /** Seconds left before `method` may be used again, or 0. */
  secondsLeft(method: CaptionMethod): number;
  /** Records a 429 for `method`. */
  record(method: CaptionMethod, retryAfterSeconds: number | undefined): void;
  /** Records an answer that was not a 429: the next one starts from the default wait again. */
  clear(method: CaptionMethod): void;
}

export function createRateLimits(now: () => number = Date.now): RateLimits {
  const until = new Map<CaptionMethod, number>();
  const strikes = new Map<CaptionMethod, number>();
  return {
    secondsLeft(method) {
      return Math.max(0, Math.ceil(((until.get(method) ?? 0) - now()) / 1000));
    },
    record(method, retryAfterSeconds) {
      const strike = (strikes.get(method) ?? 0) + 1;
      strikes.set(method, strike);
      const doubled = DEFAULT_WAIT_SECONDS * 2 ** (strike - 1);
      const wait = Math.max(retryAfterSeconds ?? 0, Math.min(MAX_WAIT_SECONDS, doubled));
      until.set(method, now() + wait * 1000);
    },
    clear(method) {
      strikes.delete(method);
      until.delete(method);
    },
  };
}
