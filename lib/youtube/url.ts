/**
 * Which YouTube video a URL points at. Pure functions, no side effects.
 * Field notes: URL forms as seen by long-lived YouTube extensions.
 */
import { isYouTubeHost } from './hosts';

/** An 11-character YouTube video id, checked by {@link isVideoId}. */
export type VideoId = string & { readonly __brand: 'VideoId' };

const VIDEO_ID_PATTERN = /^[A-Za-z0-9_-]{11}$/;

/** Path prefixes that carry the id as the next path segment. */
const ID_PATH_PREFIXES = ['shorts', 'live', 'embed'] as const;

export function isVideoId(value: unknown): value is VideoId {
  return typeof value === 'string' && VIDEO_ID_PATTERN.test(value);
}

/**
 * The video id of a YouTube page URL, or `null` when the URL is not a page
 * showing one video (home, search, channel, another site, a malformed id).
 */
export function parseVideoId(href: string): VideoId | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!isYouTubeHost(url.hostname)) return null;

  const parts = url.pathname.split('/').filter((part) => part !== '');
  if (parts.length === 1 && parts[0] === 'watch') {
    const id = url.searchParams.get('v');
    return isVideoId(id) ? id : null;
  }
  const [prefix, id] = parts;
  if (parts.length === 2 && ID_PATH_PREFIXES.some((p) => p === prefix)) {
    return isVideoId(id) ? id : null;
  }
  return null;
}

/** The canonical watch URL that starts playback at `seconds` (whole seconds, as YouTube's `t`). */
export function buildWatchUrl(videoId: VideoId, seconds: number): string {
  const t = Math.max(0, Math.floor(seconds));
  return `https://www.youtube.com/watch?v=${videoId}&t=${t}s`;
}
