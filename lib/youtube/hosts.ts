/**
 * YouTube's hosts, listed once: the URL parser accepts them all, and the
 * content script's `matches` are derived from the ones that show YouTube's
 * own pages. Pure data.
 */

/**
 * What each host serves:
 * - `app`: YouTube's web app (watch pages, in-page navigation): the panel runs here.
 * - `redirect`: only ever redirects to `www.youtube.com`; seen in pasted links.
 * - `embed`: the privacy-enhanced embed player, inside other sites' iframes: no room for a panel.
 */
export const YOUTUBE_HOSTS = {
  'www.youtube.com': 'app',
  'm.youtube.com': 'app',
  'music.youtube.com': 'app',
  'youtube.com': 'redirect',
  'www.youtube-nocookie.com': 'embed',
} as const satisfies Record<string, 'app' | 'redirect' | 'embed'>;

export type YouTubeHost = keyof typeof YOUTUBE_HOSTS;

export function isYouTubeHost(hostname: string): hostname is YouTubeHost {
  return Object.hasOwn(YOUTUBE_HOSTS, hostname);
}

/** Match patterns for the content script: every `app` host, over HTTPS. */
export function listAppMatchPatterns(): string[] {
  return Object.entries(YOUTUBE_HOSTS)
    .filter(([, role]) => role === 'app')
    .map(([host]) => `https://${host}/*`);
}
