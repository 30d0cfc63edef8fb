/**
 * Remembers that YouTube asked us to slow down (HTTP 429), per method, so no
 * request of that kind goes out until the wait is over. The state is plain
 * data held by a {@link RateLimitHolder}, so every YouTube tab can share one
 * back-off (lib/panel/shared-rate-limits.ts); nothing ever retries on its own.
 */
import { isRecord } from '../guards/is-record';
import type { CaptionMethod } from '../youtube/captions/outcome';

/** The wait when YouTube names none (or a shorter one); each 429 in a row doubles it, up to the ceiling. */
export const DEFAULT_WAIT_SECONDS = 60;
export const MAX_WAIT_SECONDS = 15 * 60;

/** One method's back-off: no request before `until` (ms since the epoch); `strikes` 429s in a row. */
export interface MethodBackOff {
  until: number;
  strikes: number;
}

/** Every method's back-off; a method without an entry may be used. */
export type RateLimitState = Partial<Record<CaptionMethod, MethodBackOff>>;

const METHODS: readonly CaptionMethod[] = ['get_panel', 'player', 'timedtext'];

/** The well-formed entries of a stored state (storage is shared and may hold anything); never throws. Pure. */
export function readRateLimitState(value: unknown): RateLimitState {
  const state: RateLimitState = {};
  if (!isRecord(value)) return state;
  for (const method of METHODS) {
    const entry = value[method];
    if (isRecord(entry) && Number.isFinite(entry.until) && Number.isInteger(entry.strikes) && (entry.strikes as number) > 0) {
      state[method] = { until: entry.until as number, strikes: entry.strikes as number };
    }
  }
  return state;
}

/** Where the state lives: read at every question (so a change made elsewhere counts at once), replaced at every change. */
export interface RateLimitHolder {
  read(): RateLimitState;
  write(next: RateLimitState): void;
}

export interface RateLimits {
  /** Seconds left before `method` may be used again, or 0. */
  secondsLeft(method: CaptionMethod): number;
  /** Records a 429 for `method`. */
  record(method: CaptionMethod, retryAfterSeconds: number | undefined): void;
  /** Records an answer that was not a 429: the next one starts from the default wait again. */
  clear(method: CaptionMethod): void;
}

/** A holder in memory: the back-off of one content script alone. */
export function holdInMemory(): RateLimitHolder {
  let state: RateLimitState = {};
  return {
    read: () => state,
    write(next) {
      state = next;
    },
  };
}

export function createRateLimits(now: () => number = Date.now, holder: RateLimitHolder = holdInMemory()): RateLimits {
  return {
    secondsLeft(method) {
      return Math.max(0, Math.ceil(((holder.read()[method]?.until ?? 0) - now()) / 1000));
    },
    record(method, retryAfterSeconds) {
      const state = holder.read();
      const strikes = (state[method]?.strikes ?? 0) + 1;
      const doubled = DEFAULT_WAIT_SECONDS * 2 ** (strikes - 1);
      const wait = Math.max(retryAfterSeconds ?? 0, Math.min(MAX_WAIT_SECONDS, doubled));
      holder.write({ ...state, [method]: { until: now() + wait * 1000, strikes } });
    },
    clear(method) {
      const state = holder.read();
      if (state[method] === undefined) return;
      const { [method]: _cleared, ...rest } = state;
      holder.write(rest);
    },
  };
}
