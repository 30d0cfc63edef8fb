/**
 * Reading and resetting the stand-in page's players, as functions each browser
 * driver runs in the page (`page.evaluate(readPlayersInPage)`): Playwright and
 * Puppeteer both send the function's source, so it must use nothing outside itself.
 */

/** Main player and hover-preview positions, and the seeks the page saw. */
export interface PlayerSnapshot {
  main: number;
  decoy: number;
  mainReadyState: number;
  mainDuration: number;
  seeks: number[];
}

export const readPlayersInPage = (): PlayerSnapshot => {
  const main = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video');
  const decoy = document.querySelector<HTMLVideoElement>('#inline-preview-player');
  if (!main || !decoy) throw new Error('the stand-in page has no players');
  return {
    main: main.currentTime,
    decoy: decoy.currentTime,
    mainReadyState: main.readyState,
    mainDuration: main.duration,
    seeks: [...window.ytStandIn.seeks],
  };
};

/** Whether the main video knows its length, so a seek is a real seek (HTTP ranges), not a stored start position. */
export const hasMainVideoMetadataInPage = (): boolean => {
  const video = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video');
  return video !== null && video.readyState >= 1 && video.duration > 3900;
};

/** Stops the main video at 0 s and forgets earlier seeks, so the next seek is unmistakable. */
export const rewindMainVideoInPage = async (): Promise<void> => {
  const video = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video');
  if (!video) throw new Error('no main video');
  video.pause();
  const seeked = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
  video.currentTime = 0;
  await seeked;
  window.ytStandIn.seeks.length = 0;
};
