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
   * Right-hand column of the desktop watch page, above the related videos:
   * where SponsorBlock and Return YouTube Dislike insert too.
   * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
   */
  sidebar: 'ytd-watch-flexy #secondary-inner',
  /**
   * Under the player, in the primary column: used when the sidebar is missing
   * or hidden (narrow windows move `#secondary` below, theater mode hides it).
   * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
   */
  belowPlayer: 'ytd-watch-flexy #below',
  /**
   * The app's root element: its router handles `yt-navigate` events (the
   * in-page navigation its own links use).
   * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
   */
  app: 'ytd-app',
} as const;

/**
 * Attribute on `<html>` while YouTube shows its dark theme.
 * Last seen 2026-11. TODO [2027-05-27]: re-check against YouTube.
 */
export const DARK_THEME_ATTRIBUTE = 'dark';
