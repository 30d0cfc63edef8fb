/**
 * The stand-in www.youtube.com's page, shared by the Chromium (Playwright) and
 * Firefox (Puppeteer) browser tests; ./responses.ts answers its requests.
 *
 * The watch page copies the parts of YouTube's DOM the extension depends on:
 * `ytd-watch-flexy` with the player (`#movie_player video.html5-main-video`),
 * `#below` (`ytd-watch-metadata` with title and description, then comments),
 * and the sidebar (`#secondary-inner` holding `#related`; hidden below
 * 1016 px, where YouTube drops `is-two-columns_`), plus a hover
 * preview player elsewhere in the app that also carries `html5-main-video`, as
 * YouTube's does, so a test can tell which video was seeked.
 *
 * Navigation is in-page, as on YouTube: `yt-navigate-start`, `history.pushState`,
 * the sidebar's children dropped and rebuilt (which drops our panel too), then
 * `yt-navigate-finish`. The page also records the keys that reach `document`
 * and `window`, as YouTube's keyboard shortcuts would see them.
 *
 * Captions (./captions.ts): the page carries `ytcfg`, `ytInitialPlayerResponse`
 * and `ytInitialData` of the first video only (stale after a navigation, as
 * on YouTube); `#movie_player.getPlayerResponse()` follows the video; a
 * navigation's `yt-navigate-finish` carries the new page's data; the player
 * fetches a track's timed text (with its token) when captions are turned on.
 */
import { buildStandInPageData } from './captions';

export const ORIGIN = 'https://www.youtube.com';
/** The main video's source, on youtube.com so the page can load it like its own media. */
export const VIDEO_PATH = '/test-video.webm';

/** Below this window width the watch page has one column and no sidebar, as YouTube's does (about 1016 px). */
export const TWO_COLUMNS_MIN_WIDTH = 1016;

export const watchUrl = (videoId: string): string => `${ORIGIN}/watch?v=${videoId}`;

/** What the stand-in page exposes to tests as `window.ytStandIn`. */
export interface StandInApi {
  /**
   * Goes to `href` the way YouTube's router does (no page load). `fetchMs`:
   * how long YouTube's fetch of the new page's data takes between
   * `yt-navigate-start` and the new page (0: all in one task).
   */
  navigate: (href: string, options?: { fetchMs?: number }) => void;
  /** Rebuilds the sidebar's children, as YouTube does when related videos arrive. */
  rerenderSidebar: () => void;
  /** Keys (`type:key`) that reached `document` or `window` listeners, like YouTube's shortcuts. */
  keys: string[];
  /** `currentTime` each time the main video started seeking. */
  seeks: number[];
  /** Video ids of the `yt-navigate` events the router took, in order. */
  routed: string[];
  /**
   * Turns YouTube's captions on for a track, as the viewer's CC button does:
   * the player fetches the track's timed text with its proof-of-origin token.
   * Resolves with the answer's status once it is in.
   */
  turnOnCaptions: (languageCode: string, kind?: 'asr') => Promise<number>;
}

declare global {
  interface Window {
    ytStandIn: StandInApi;
  }
}

const STYLE = `
  html, body { margin: 0; font-family: Roboto, Arial, sans-serif; background: #fff; }
  ytd-app, ytd-masthead, ytd-page-manager, ytd-watch-flexy, ytd-browse, ytd-video-preview { display: block; }
  [hidden] { display: none !important; }
  ytd-masthead { height: 56px; display: flex; align-items: center; gap: 16px; padding: 0 16px; }
  ytd-video-preview { position: absolute; top: 0; left: -2000px; width: 320px; height: 180px; }
  #inline-preview-player { width: 320px; height: 180px; }
  #columns { display: flex; gap: 24px; padding: 24px; }
  #primary { flex: 1 1 auto; min-width: 0; }
  #player { width: 100%; aspect-ratio: 16 / 9; background: #000; }
  #movie_player, .html5-video-container, .html5-main-video { width: 100%; height: 100%; }
  #secondary { flex: 0 0 402px; }
  ytd-watch-flexy:not([is-two-columns_]) #secondary { display: none; }
  ytd-watch-metadata { display: block; }
  #related a { display: block; padding: 8px 0; }
`;

/** The page's own script: YouTube's router and shortcuts, reduced to what the extension meets. */
const APP_SCRIPT = `
(() => {
  const VIDEO_PATH = ${JSON.stringify(VIDEO_PATH)};
  const TWO_COLUMNS_MIN_WIDTH = ${TWO_COLUMNS_MIN_WIDTH};
  const RELATED = [
    ['yexR53My2O4', 'Word2Vec explained'],
    ['T35ba_VXkMY', 'DETR explained'],
    ['n1SXlK5rhR8', 'Dataset bias drama'],
    ['dQw4w9WgXcQ', 'A video with no transcript'],
  ];
  const api = { keys: [], seeks: [], routed: [] };
  window.ytStandIn = api;
  const DATA = window.ytStandInData;
  const playerResponseFor = (id) => DATA.playerResponses[id] ||
    { playabilityStatus: { status: 'OK' }, videoDetails: { videoId: id, title: 'Stand-in video ' + id, lengthSeconds: '3900' } };
  const pageDataFor = (id) => DATA.initialData[id] || { currentVideoEndpoint: { watchEndpoint: { videoId: id } } };
  window.ytcfg = { data_: DATA.ytcfg, get: (key) => DATA.ytcfg[key] };
  let playerResponse = null;

  function h(tag, attrs, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) element.setAttribute(name, value);
    element.append(...children);
    return element;
  }
  const app = () => document.querySelector('ytd-app');
  const manager = () => document.querySelector('ytd-page-manager');
  const videoIdOf = (url) => (url.pathname === '/watch' ? url.searchParams.get('v') : null);

  function relatedList(currentId) {
    return h('div', { id: 'related' },
      ...RELATED.filter(([id]) => id !== currentId).map(([id, title]) =>
        h('a', { class: 'yt-simple-endpoint', href: '/watch?v=' + id, 'data-spa': '' }, title)));
  }

  function rerenderSidebar() {
    const inner = document.querySelector('ytd-watch-flexy #secondary-inner');
    if (!inner) return;
    const id = document.querySelector('ytd-watch-flexy').getAttribute('video-id');
    // Drops every child (a panel an extension put there included) and builds new ones.
    inner.replaceChildren(relatedList(id));
  }
  api.rerenderSidebar = rerenderSidebar;

  function watchFlexy() {
    let flexy = document.querySelector('ytd-watch-flexy');
    if (flexy) return flexy;
    const video = h('video', { class: 'video-stream html5-main-video', src: VIDEO_PATH, preload: 'auto', muted: '' });
    video.muted = true;
    video.addEventListener('seeking', () => api.seeks.push(video.currentTime));
    flexy = h('ytd-watch-flexy', {},
      h('div', { id: 'columns' },
        h('div', { id: 'primary' },
          h('div', { id: 'primary-inner' },
            h('div', { id: 'player' },
              h('div', { id: 'movie_player', class: 'html5-video-player' },
                h('div', { class: 'html5-video-container' }, video))),
            h('div', { id: 'below' },
              h('ytd-watch-metadata', {},
                h('div', { id: 'title' }, h('h1', { id: 'video-title' })),
                h('div', { id: 'owner' }, 'Stand-in channel'),
                h('div', { id: 'description' }, 'Description')),
              h('div', { id: 'comments' }, 'Comments')))),
        h('div', { id: 'secondary' }, h('div', { id: 'secondary-inner' }))));
    manager().append(flexy);
    // Narrow windows get one column: YouTube drops is-two-columns_ and the sidebar with it.
    const fitColumns = () => flexy.toggleAttribute('is-two-columns_', window.innerWidth >= TWO_COLUMNS_MIN_WIDTH);
    fitColumns();
    window.addEventListener('resize', fitColumns);
    // The player's API, reachable from the page's own world only.
    flexy.querySelector('#movie_player').getPlayerResponse = () => playerResponse;
    return flexy;
  }

  function browsePage() {
    let browse = document.querySelector('ytd-browse');
    if (!browse) {
      browse = h('ytd-browse', {},
        h('h1', {}, 'Recommended'),
        ...RELATED.map(([id, title]) => h('a', { href: '/watch?v=' + id, 'data-spa': '' }, title)));
      manager().append(browse);
    }
    return browse;
  }

  function render() {
    const url = new URL(location.href);
    const id = videoIdOf(url);
    if (id) {
      document.querySelector('ytd-browse')?.setAttribute('hidden', '');
      const flexy = watchFlexy();
      flexy.removeAttribute('hidden');
      flexy.setAttribute('video-id', id);
      playerResponse = playerResponseFor(id);
      flexy.querySelector('#video-title').textContent = 'Stand-in video ' + id;
      const video = flexy.querySelector('video.html5-main-video');
      video.pause();
      // The link's moment (t=63s, t=63), as YouTube starts a video there; else the start.
      const start = Number((url.searchParams.get('t') || '0').replace(/s$/, '')) || 0;
      if (video.readyState > 0) video.currentTime = start;
      else if (start > 0) video.addEventListener('loadedmetadata', () => (video.currentTime = start), { once: true });
      rerenderSidebar();
      document.title = 'Stand-in video ' + id + ' - YouTube';
    } else {
      const flexy = document.querySelector('ytd-watch-flexy');
      if (flexy) {
        // YouTube keeps the watch page in the DOM, hidden, and stops the player.
        flexy.setAttribute('hidden', '');
        flexy.querySelector('video.html5-main-video').pause();
      }
      browsePage().removeAttribute('hidden');
      document.title = 'YouTube';
    }
  }

  function navigate(href, { push = true, fetchMs = 0 } = {}) {
    const url = new URL(href, location.href);
    const id = videoIdOf(url);
    // YouTube's start event names the target before anything is fetched.
    const endpoint = id ? { watchEndpoint: { videoId: id } } : { browseEndpoint: { browseId: 'FEwhat_to_watch' } };
    document.dispatchEvent(new CustomEvent('yt-navigate-start', { bubbles: true, detail: { url: url.href, endpoint } }));
    const finish = () => {
      if (push) history.pushState({}, '', url.href);
      render();
      const response = id ? { response: pageDataFor(id) } : undefined;
      document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true, detail: { url: url.href, response } }));
    };
    if (fetchMs > 0) setTimeout(finish, fetchMs);
    else finish();
  }
  api.navigate = (href, options) => navigate(href, options);

  // YouTube's router: its links fire yt-navigate with their endpoint, which ytd-app turns into a navigation.
  app().addEventListener('yt-navigate', (event) => {
    const watch = event.detail && event.detail.endpoint && event.detail.endpoint.watchEndpoint;
    if (!watch || typeof watch.videoId !== 'string') return;
    api.routed.push(watch.videoId);
    navigate('/watch?v=' + watch.videoId + (watch.startTimeSeconds ? '&t=' + watch.startTimeSeconds + 's' : ''));
  });

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-spa]') : null;
    if (!link) return;
    event.preventDefault();
    navigate(link.href);
  });
  // Back and forward: the URL has already changed; YouTube routes to it like any navigation.
  window.addEventListener('popstate', () => navigate(location.href, { push: false }));

  api.turnOnCaptions = (languageCode, kind) => new Promise((resolve, reject) => {
    const id = videoIdOf(new URL(location.href));
    const query = new URLSearchParams({ v: id, lang: languageCode, potc: '1', pot: 'StandInProofOfOriginToken', fmt: 'json3', c: 'WEB', cver: DATA.ytcfg.INNERTUBE_CLIENT_VERSION });
    if (kind) query.set('kind', kind);
    const request = new XMLHttpRequest();
    request.open('GET', '/api/timedtext?' + query);
    request.addEventListener('load', () => resolve(request.status));
    request.addEventListener('error', () => reject(new Error('timedtext request failed')));
    request.send();
  });

  // The first page's data, as YouTube's inline scripts set it (stale after a navigation).
  const firstId = videoIdOf(new URL(location.href));
  if (firstId) {
    window.ytInitialPlayerResponse = playerResponseFor(firstId);
    window.ytInitialData = pageDataFor(firstId);
  }

  // YouTube's shortcuts (k, j, l, f, m, digits) listen for keys that bubble up.
  for (const type of ['keydown', 'keypress', 'keyup']) {
    document.addEventListener(type, (event) => api.keys.push('document:' + type + ':' + event.key));
    window.addEventListener(type, (event) => api.keys.push('window:' + type + ':' + event.key));
  }

  // Elsewhere in the app, before the watch page: the hover preview player, also an html5-main-video.
  app().prepend(
    h('ytd-masthead', {}, h('a', { id: 'logo', href: '/', 'data-spa': '' }, 'YouTube'), h('input', { id: 'search', 'aria-label': 'Search' })),
    h('ytd-video-preview', {},
      h('div', { id: 'inline-player', class: 'html5-video-player' },
        h('video', { id: 'inline-preview-player', class: 'video-stream html5-main-video', src: VIDEO_PATH, preload: 'metadata', muted: '' }))));
  render();
})();
`;

export const PAGE_HTML = `<!doctype html>
<html lang="en" system-icons typography>
<head>
<meta charset="utf-8">
<title>YouTube</title>
<style>${STYLE}</style>
</head>
<body>
<ytd-app><div id="content"><ytd-page-manager id="page-manager"></ytd-page-manager></div></ytd-app>
<script>window.ytStandInData = ${JSON.stringify(buildStandInPageData(ORIGIN)).replace(/</g, '\\u003c')};</script>
<script>${APP_SCRIPT}</script>
</body>
</html>`;
