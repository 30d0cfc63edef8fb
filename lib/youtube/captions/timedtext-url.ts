/** What a timed-text URL says about itself, and the URL we request a track at. Pure. */
import { PLAYER_RESPONSE, TIMEDTEXT_PATH, TIMEDTEXT_QUERY, TOKEN_EXPERIMENTS } from './shapes';
import type { CaptionTrack } from './tracks';

/** Which video and track a timed-text request is for. */
export interface TimedTextTarget {
  videoId: string;
  languageCode: string;
  isAutomatic: boolean;
}

/**
 * The video and track of a timed-text URL on `origin`, or `undefined` if it is
 * not one. A translation (`tlang`) is none of the video's tracks: read as its
 * source track, it would be shown and cached under the wrong language.
 */
export function readTimedTextUrl(href: string, origin = 'https://www.youtube.com'): TimedTextTarget | undefined {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin || url.pathname !== TIMEDTEXT_PATH || url.searchParams.has(TIMEDTEXT_QUERY.translation)) return undefined;
  const videoId = url.searchParams.get(TIMEDTEXT_QUERY.videoId);
  const languageCode = url.searchParams.get(TIMEDTEXT_QUERY.language);
  if (!videoId || !languageCode) return undefined;
  return { videoId, languageCode, isAutomatic: url.searchParams.get(TIMEDTEXT_QUERY.kind) === PLAYER_RESPONSE.automaticKind };
}

/** Whether a timed-text answer is for this video's track. */
export function isTargetOf(target: TimedTextTarget, videoId: string, track: CaptionTrack): boolean {
  return target.videoId === videoId && target.languageCode === track.languageCode && target.isAutomatic === track.isAutomatic;
}

/** The track's own URL asking for json3; `undefined` when the track has none. */
export function buildTimedTextUrl(track: CaptionTrack): string | undefined {
  if (track.baseUrl === undefined) return undefined;
  const url = new URL(track.baseUrl);
  url.searchParams.set(TIMEDTEXT_QUERY.format, 'json3');
  return url.href;
}

/** Whether a track address needs the player's proof-of-origin token and lacks it: asking would stall, then answer empty. */
export function isMissingToken(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.searchParams.get(TIMEDTEXT_QUERY.proofOfOrigin)) return false;
  const experiments = (url.searchParams.get(TIMEDTEXT_QUERY.experiments) ?? '').split(',');
  return experiments.some((experiment) => TOKEN_EXPERIMENTS.includes(experiment.trim()));
}
