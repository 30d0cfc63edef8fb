/**
 * YouTube's DOM, named once. Each entry says what it serves and when it was
 * last confirmed (from the field notes of long-lived YouTube extensions,
 * SponsorBlock and Return YouTube Dislike, and our stand-in page built from
 * them); the dated TODO is when to look at YouTube again. When YouTube
 * changes its markup, the fix is here.
 */
export const SELECTORS = {
  /**
   * The main player's video. Not `video` alone: feeds hold hover previews
   * (`#inline-preview-player`, also `html5-main-video`) and the miniplayer has its own.
   * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
   */
  mainVideo: '#movie_player video.html5-main-video',
  /**
   * The main player (desktop, mobile and Music): a floating panel keeps
   * clear of it where the window leaves room below it.
   * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
   */
  player: '#movie_player',
  /**
   * Right-hand column of the desktop watch page, above the related videos:
   * where SponsorBlock and Return YouTube Dislike insert too.
   * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
   */
  sidebar: 'ytd-watch-flexy #secondary-inner',
  /**
   * Under the player, the block with the title, channel and description: the
   * panel goes right after it (never between player and title) when the
   * sidebar is missing or hidden (narrow windows drop `is-two-columns_` and
   * the sidebar, theater mode hides it). Comments follow.
   * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
   */
  belowPlayerMetadata: 'ytd-watch-flexy #below ytd-watch-metadata',
  /**
   * Bars fixed to the top of the window that a floating panel must stay below:
   * the desktop masthead, YouTube Music's nav bar, mobile YouTube's top bar.
   * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
   */
  topBars: '#masthead-container, ytmusic-nav-bar, ytm-mobile-topbar-renderer',
  /**
   * Bars fixed to the bottom of the window with controls a floating panel
   * must not cover: YouTube Music's player bar (its right-hand controls:
   * volume, repeat, shuffle, expand), mobile YouTube's pivot bar.
   * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
   */
  bottomBars: 'ytmusic-player-bar, ytm-pivot-bar-renderer',
  /**
   * The app's root element: its router handles `yt-navigate` events (the
   * in-page navigation its own links use).
   * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
   */
  app: 'ytd-app',
} as const;

/**
 * Attribute on `<html>` while YouTube shows its dark theme. YouTube Music is
 * dark without it (its background says so: see theme.ts).
 * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
 */
export const DARK_THEME_ATTRIBUTE = 'dark';
