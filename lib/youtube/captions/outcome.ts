/**
 * One vocabulary for what fetching a video's captions came to, and how an
 * HTTP answer from YouTube is judged before its body is parsed. Pure.
 */
import { parseJsonText, readString } from './json-reader';
import type { CaptionTrack } from './tracks';
import type { CaptionLine, Chapter, ParsedCaptions } from './types';

/** The ways we get a transcript, in the order we try them. */
export type CaptionMethod = 'get_panel' | 'player' | 'timedtext';

/** Why one method gave nothing. */
export type MethodFailure =
  | { method: CaptionMethod; reason: 'http'; status: number; errorStatus?: string | undefined }
  /** 429: YouTube asks us to slow down. */
  | { method: CaptionMethod; reason: 'rate-limited'; retryAfterSeconds?: number | undefined }
  /** HTTP 200 with an empty body: timed text without the player's proof-of-origin token. */
  | { method: CaptionMethod; reason: 'blocked' }
  /** Not asked: the address needs that token (`exp=xpe`) and carries none, so the answer would be an empty 200 after a stall. */
  | { method: CaptionMethod; reason: 'needs-token' }
  /** The answer's shape was right but it held no line. */
  | { method: CaptionMethod; reason: 'empty' }
  | { method: CaptionMethod; reason: 'unrecognized' }
  /** The answer was for another video than the one asked about. */
  | { method: CaptionMethod; reason: 'other-video' }
  | { method: CaptionMethod; reason: 'network'; message: string }
  /** The method had nothing to work with (the player has not loaded this track; the track has no URL). */
  | { method: CaptionMethod; reason: 'not-available' };

/** The result of one captions fetch for one video. */
export type CaptionsResult =
  /** `track` is unknown when the page never listed the tracks but the panel answered. */
  | { status: 'found'; track: CaptionTrack | undefined; lines: CaptionLine[]; chapters: Chapter[]; method: CaptionMethod }
  | { status: 'no-tracks' }
  /** `track`: the one asked for, when the page listed tracks. */
  | { status: 'failed'; failures: MethodFailure[]; track?: CaptionTrack | undefined };

/** What we need of an HTTP answer: its status, its body, and `Retry-After`. */
export interface HttpAnswer {
  status: number;
  body: string;
  retryAfter?: string | null | undefined;
}

function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Judges an answer before its body is parsed: a failure, or `undefined` when
 * the body is worth parsing. An empty 200 is "blocked", never "no captions".
 */
export function judgeHttpAnswer(method: CaptionMethod, answer: HttpAnswer, now = Date.now()): MethodFailure | undefined {
  if (answer.status === 429) return { method, reason: 'rate-limited', retryAfterSeconds: parseRetryAfter(answer.retryAfter, now) };
  if (answer.status < 200 || answer.status > 299) {
    // InnerTube errors read {error: {code, status: "FAILED_PRECONDITION", message}}.
    const errorStatus = readString(parseJsonText(answer.body), ['error', 'status']);
    return { method, reason: 'http', status: answer.status, errorStatus };
  }
  if (answer.body.trim() === '') return { method, reason: 'blocked' };
  return undefined;
}

/** A parser's verdict as a failure of `method`, or the lines it found. */
export function judgeParsed(
  method: CaptionMethod,
  parsed: ParsedCaptions,
): { lines: CaptionLine[]; chapters: Chapter[] } | MethodFailure {
  if (parsed.kind === 'parsed') return { lines: parsed.lines, chapters: parsed.chapters };
  return { method, reason: parsed.kind };
}

function describeFailure(failure: MethodFailure): string {
  switch (failure.reason) {
    case 'http':
      return `HTTP ${failure.status}${failure.errorStatus ? ` ${failure.errorStatus}` : ''}`;
    case 'rate-limited':
      return `HTTP 429 (too many requests${failure.retryAfterSeconds === undefined ? '' : `, retry after ${failure.retryAfterSeconds} s`})`;
    case 'blocked':
      return 'empty answer (needs a proof-of-origin token)';
    case 'needs-token':
      return "not asked (the track needs the player's proof-of-origin token)";
    case 'empty':
      return 'no caption lines in the answer';
    case 'unrecognized':
      return 'answer in an unknown shape';
    case 'other-video':
      return 'answer for another video';
    case 'network':
      return `no answer (${failure.message})`;
    case 'not-available':
      return failure.method === 'player' ? 'the player has not loaded this track' : 'no address for this track';
  }
}

/** The details line for bug reports, e.g. "get_panel: HTTP 400 FAILED_PRECONDITION; timedtext: empty answer (…)". */
export function describeFailures(failures: readonly MethodFailure[]): string {
  return failures.map((failure) => `${failure.method}: ${describeFailure(failure)}`).join('; ');
}

/** The longest wait YouTube asked for among these failures, in seconds, if it asked us to slow down. */
export function findRateLimit(failures: readonly MethodFailure[]): { retryAfterSeconds: number | undefined } | undefined {
  const limited = failures.filter((failure) => failure.reason === 'rate-limited');
  if (limited.length === 0) return undefined;
  const waits = limited.map((failure) => failure.retryAfterSeconds).filter((seconds) => seconds !== undefined);
  return { retryAfterSeconds: waits.length === 0 ? undefined : Math.max(...waits) };
}
