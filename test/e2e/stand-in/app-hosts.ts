/**
 * The stand-in's YouTube Music and mobile YouTube watch pages: hosts the
 * content script runs on whose layout has no sidebar and no `ytd-watch-flexy`,
 * so the panel floats. Each copies what the panel must stay clear of:
 * - music.youtube.com: the fixed nav bar at the top (64 px) and the player
 *   bar at the bottom (72 px) with its right-hand controls (volume, repeat,
 *   shuffle, expand); always dark, with no `dark` attribute on `<html>`.
 * - m.youtube.com: the fixed top bar (48 px) and the pivot bar at the bottom
 *   (48 px); light.
 * Both hold `#movie_player video.html5-main-video`, served like the desktop page's.
 */
import { VIDEO_PATH } from './page';

export const MUSIC_ORIGIN = 'https://music.youtube.com';
export const MOBILE_ORIGIN = 'https://m.youtube.com';

const MUSIC_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>YouTube Music</title>
<style>
  html, body { margin: 0; height: 100%; background: #030303; color: #fff; font-family: Roboto, Arial, sans-serif; }
  ytmusic-app, ytmusic-nav-bar, ytmusic-player-page, ytmusic-player-bar { display: block; }
  ytmusic-nav-bar { position: fixed; top: 0; left: 0; right: 0; height: 64px; z-index: 3; background: #030303;
    display: flex; align-items: center; padding: 0 16px; font-size: 20px; font-weight: 700; }
  ytmusic-player-page { position: fixed; top: 64px; bottom: 72px; left: 0; right: 0; display: flex; gap: 32px; padding: 24px 32px; }
  #player { flex: 1 1 auto; min-width: 0; align-self: flex-start; aspect-ratio: 16 / 9; background: #222; }
  #movie_player, .html5-video-container, .html5-main-video { width: 100%; height: 100%; }
  #side-panel { flex: 0 0 min(400px, 35vw); color: #aaa; }
  #side-panel a { display: block; padding: 12px 0; color: #fff; text-decoration: none; border-bottom: 1px solid #333; }
  ytmusic-player-bar { position: fixed; left: 0; right: 0; bottom: 0; height: 72px; z-index: 3; background: #212121;
    display: flex; align-items: center; justify-content: space-between; padding: 0 16px; }
  ytmusic-player-bar button { width: 40px; height: 40px; border: 0; border-radius: 50%; background: #3a3a3a; color: #fff; }
  .right-controls { display: flex; gap: 8px; }
</style>
</head>
<body>
<ytmusic-app>
  <ytmusic-nav-bar>Music</ytmusic-nav-bar>
  <ytmusic-player-page>
    <div id="player"><div id="movie_player" class="html5-video-player"><div class="html5-video-container">
      <video class="video-stream html5-main-video" src="${VIDEO_PATH}" preload="auto" muted></video>
    </div></div></div>
    <div id="side-panel"><h2>Up next</h2><a href="#">Another song</a><a href="#">A third song</a><a href="#">And one more</a></div>
  </ytmusic-player-page>
  <ytmusic-player-bar>
    <div class="left-controls"><button aria-label="Previous">⏮</button> <button aria-label="Play">▶</button> <button aria-label="Next">⏭</button></div>
    <div class="middle-controls">Song title · Artist</div>
    <div class="right-controls"><button aria-label="Volume">🔊</button><button aria-label="Repeat">🔁</button><button aria-label="Shuffle">🔀</button><button aria-label="Expand">⌃</button></div>
  </ytmusic-player-bar>
</ytmusic-app>
</body>
</html>`;

const MOBILE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>YouTube</title>
<style>
  html, body { margin: 0; background: #fff; color: #0f0f0f; font-family: Roboto, Arial, sans-serif; }
  ytm-app, ytm-mobile-topbar-renderer, ytm-watch, ytm-pivot-bar-renderer { display: block; }
  ytm-mobile-topbar-renderer { position: fixed; top: 0; left: 0; right: 0; height: 48px; z-index: 3; background: #fff;
    display: flex; align-items: center; padding: 0 12px; font-weight: 700; }
  ytm-watch { padding: 48px 0 56px; }
  #player { width: 100%; aspect-ratio: 16 / 9; background: #000; }
  #movie_player, .html5-video-container, .html5-main-video { width: 100%; height: 100%; }
  .slim-video-metadata-header { padding: 12px; font-size: 18px; }
  .related { padding: 0 12px; }
  .related p { height: 90px; margin: 0 0 12px; background: #f2f2f2; border-radius: 8px; }
  ytm-pivot-bar-renderer { position: fixed; left: 0; right: 0; bottom: 0; height: 48px; z-index: 3; background: #fff;
    border-top: 1px solid #e5e5e5; display: flex; justify-content: space-around; align-items: center; }
  ytm-pivot-bar-renderer button { border: 0; background: none; font-size: 11px; }
</style>
</head>
<body>
<ytm-app>
  <ytm-mobile-topbar-renderer>YouTube</ytm-mobile-topbar-renderer>
  <ytm-watch>
    <div id="player"><div id="movie_player" class="html5-video-player"><div class="html5-video-container">
      <video class="video-stream html5-main-video" src="${VIDEO_PATH}" preload="auto" muted></video>
    </div></div></div>
    <div class="slim-video-metadata-header">Stand-in video</div>
    <div class="related"><p></p><p></p><p></p><p></p><p></p></div>
  </ytm-watch>
  <ytm-pivot-bar-renderer><button>Home</button><button>Shorts</button><button>Subscriptions</button><button>You</button></ytm-pivot-bar-renderer>
</ytm-app>
</body>
</html>`;

/** The page an app host serves for `url`, or `undefined` (a 404 there, an abort for other hosts). */
export function findAppHostPage(url: URL): string | undefined {
  if (url.pathname !== '/watch') return undefined;
  if (url.origin === MUSIC_ORIGIN) return MUSIC_PAGE;
  if (url.origin === MOBILE_ORIGIN) return MOBILE_PAGE;
  return undefined;
}

export const APP_HOST_ORIGINS: readonly string[] = [MUSIC_ORIGIN, MOBILE_ORIGIN];
