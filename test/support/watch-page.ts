/** A watch page's bones in happy-dom, as YouTube lays them out (see test/e2e/youtube-stand-in.ts for the full stand-in). */

/** Builds the watch page in `doc`'s body, with a hover preview first, and returns the main player's video. */
export function buildWatchPage(doc: Document): HTMLVideoElement {
  doc.body.innerHTML = `
    <video id="inline-preview-player" class="html5-main-video"></video>
    <ytd-watch-flexy>
      <div id="columns">
        <div id="primary"><div id="movie_player"><div class="html5-video-container"><video class="html5-main-video"></video></div></div><div id="below"><ytd-watch-metadata><div id="title"><h1>Title</h1></div><div id="description"></div></ytd-watch-metadata><div id="comments"></div></div></div>
        <div id="secondary"><div id="secondary-inner"><div id="related"></div></div></div>
      </div>
    </ytd-watch-flexy>`;
  return doc.querySelector<HTMLVideoElement>('#movie_player video')!;
}

/** Playback reaching `seconds`, as the browser reports it. */
export function playAt(video: HTMLVideoElement, seconds: number): void {
  video.currentTime = seconds;
  video.dispatchEvent(new Event('timeupdate'));
}
