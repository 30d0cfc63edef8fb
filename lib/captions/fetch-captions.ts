/**
 * Gets one video's captions from YouTube, method by method: the transcript
 * panel (`get_panel`), then the timed text the player itself loaded, then the
 * track's own timed-text URL (unless it needs a token we lack). Each method
 * runs at most once per call and never while YouTube asks us to wait. Requests go through the injected
 * `request` (same origin, the page's cookies); nothing here touches the page.
 */
import { describeError } from '../format/describe-error';
import type { PlayerInfo } from '../youtube/page-bridge/page-data-reader';
import { buildPanelRequest, type InnertubeClient } from '../youtube/captions/panel-request';
import { parsePanelResponse } from '../youtube/captions/panel-response';
import {
  judgeHttpAnswer,
  judgeParsed,
  type CaptionMethod,
  type CaptionsResult,
  type HttpAnswer,
  type MethodFailure,
} from '../youtube/captions/outcome';
import { parseJsonText } from '../youtube/captions/json-reader';
import { FALLBACK_CLIENT_VERSION } from '../youtube/captions/shapes';
import { parseTimedText } from '../youtube/captions/timedtext';
import { buildTimedTextUrl, isMissingToken } from '../youtube/captions/timedtext-url';
import { chooseTrack, isPanelTrack, type CaptionTrack } from '../youtube/captions/tracks';
import type { CaptionLine, Chapter } from '../youtube/captions/types';
import type { RateLimits } from './rate-limits';

/** A same-origin request to YouTube; rejects only when no answer came (network, abort). */
export type YouTubeRequest = (
  url: string,
  init: { method: 'GET' | 'POST'; body?: string | undefined; signal: AbortSignal },
) => Promise<HttpAnswer>;

export interface FetchCaptionsOptions {
  videoId: string;
  /** What the player says about the video; `undefined` if the page never said (then only get_panel is tried). */
  player: PlayerInfo | undefined;
  /** The viewer's choice for this video, if any; else the usual preference. */
  trackId?: string | undefined;
  /** The viewer's languages, most wanted first (`navigator.languages`). */
  languages: readonly string[];
  request: YouTubeRequest;
  /** The timed text the player fetched for a track, if it did. */
  findCaptured: (track: CaptionTrack) => string | undefined;
  rateLimits: RateLimits;
  /** Only these methods (e.g. just `player` when the player has just loaded a track). */
  methods?: readonly CaptionMethod[] | undefined;
  signal: AbortSignal;
}

type MethodResult = { lines: CaptionLine[]; chapters: Chapter[] } | MethodFailure;

function isFailure(result: MethodResult): result is MethodFailure {
  return 'reason' in result;
}

/** Sends one request, judging the answer (429, errors, the empty 200); parses the body with `parse`. */
async function ask(
  method: CaptionMethod,
  url: string,
  init: { method: 'GET' | 'POST'; body?: string | undefined },
  parse: (body: string) => MethodResult,
  { request, rateLimits, signal }: FetchCaptionsOptions,
): Promise<MethodResult> {
  const wait = rateLimits.secondsLeft(method);
  if (wait > 0) return { method, reason: 'rate-limited', retryAfterSeconds: wait };
  let answer: HttpAnswer;
  try {
    answer = await request(url, { ...init, signal });
  } catch (error) {
    return { method, reason: 'network', message: describeError(error) };
  }
  const failure = judgeHttpAnswer(method, answer);
  if (failure?.reason === 'rate-limited') {
    rateLimits.record(method, failure.retryAfterSeconds);
    // The wait we keep (YouTube's, or our back-off when it named none) is the one to tell the viewer.
    return { ...failure, retryAfterSeconds: rateLimits.secondsLeft(method) };
  }
  rateLimits.clear(method);
  return failure ?? parse(answer.body);
}

/** "de-AT" → "de": YouTube's `hl` takes the language; `undefined` for anything that is not one. */
function readPrimaryLanguage(tag: string | undefined): string | undefined {
  const language = tag?.split('-')[0]?.toLowerCase();
  return language !== undefined && /^[a-z]{2,3}$/.test(language) ? language : undefined;
}

/** The page's client, else a recent web client in the viewer's language; `hl` is the track's language when known (the panel answers in it). */
function describeClient({ player, languages }: FetchCaptionsOptions, track: CaptionTrack | undefined): InnertubeClient {
  const client = player?.client ?? { clientVersion: FALLBACK_CLIENT_VERSION };
  return { ...client, hl: track?.languageCode ?? client.hl ?? readPrimaryLanguage(languages[0]) };
}

function askPanel(options: FetchCaptionsOptions, track: CaptionTrack | undefined): Promise<MethodResult> {
  const { videoId, player } = options;
  const client = describeClient(options, track);
  const { path, body } = buildPanelRequest(videoId, client, player?.panelParams);
  const videoDuration = player?.durationSeconds;
  return ask('get_panel', path, { method: 'POST', body: JSON.stringify(body) }, (text) => judgeParsed('get_panel', parsePanelResponse(parseJsonText(text), { videoDuration, videoId })), options);
}

function readCaptured(options: FetchCaptionsOptions, track: CaptionTrack): MethodResult {
  const body = options.findCaptured(track);
  if (body === undefined) return { method: 'player', reason: 'not-available' };
  return judgeParsed('player', parseTimedText(body, { videoDuration: options.player?.durationSeconds }));
}

function askTimedText(options: FetchCaptionsOptions, track: CaptionTrack): Promise<MethodResult> | MethodResult {
  const url = buildTimedTextUrl(track);
  if (url === undefined) return { method: 'timedtext', reason: 'not-available' };
  if (isMissingToken(url)) return { method: 'timedtext', reason: 'needs-token' };
  const videoDuration = options.player?.durationSeconds;
  return ask('timedtext', url, { method: 'GET' }, (text) => judgeParsed('timedtext', parseTimedText(text, { videoDuration })), options);
}

/** The captions of one video's chosen track, or why there are none. Never throws. */
export async function fetchCaptions(options: FetchCaptionsOptions): Promise<CaptionsResult> {
  const { player, trackId, languages, methods } = options;
  const tracks = player?.tracks;
  if (tracks?.length === 0) return { status: 'no-tracks' };
  const track = tracks && (tracks.find((candidate) => candidate.id === trackId) ?? chooseTrack(tracks, languages));

  const attempts: { method: CaptionMethod; run: () => Promise<MethodResult> | MethodResult }[] = [];
  // The panel shows one track per language (the manual one where there is one): ask it only for that track.
  if (!track || isPanelTrack(track, tracks)) attempts.push({ method: 'get_panel', run: () => askPanel(options, track) });
  if (track) {
    attempts.push({ method: 'player', run: () => readCaptured(options, track) });
    attempts.push({ method: 'timedtext', run: () => askTimedText(options, track) });
  }

  const failures: MethodFailure[] = [];
  for (const { method, run } of attempts.filter((attempt) => methods === undefined || methods.includes(attempt.method))) {
    if (options.signal.aborted) break;
    const result = await run();
    if (!isFailure(result)) return { status: 'found', track, lines: result.lines, chapters: result.chapters, method };
    failures.push(result);
  }
  return { status: 'failed', failures, track };
}
