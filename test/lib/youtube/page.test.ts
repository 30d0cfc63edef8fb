import { afterEach, describe, expect, it, vi } from 'vitest';
import { findMainVideo, findPanelPlacement, isDarkTheme, seekVideo } from '../../../lib/youtube/page';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('dark');
});

function buildWatchPage(): void {
  document.body.innerHTML = `
    <video id="inline-preview-player"></video>
    <ytd-watch-flexy>
      <div id="columns">
        <div id="primary"><div id="movie_player"><div class="html5-video-container"><video class="html5-main-video"></video></div></div><div id="below"></div></div>
        <div id="secondary"><div id="secondary-inner"><div id="related"></div></div></div>
      </div>
    </ytd-watch-flexy>`;
}

describe('findMainVideo', () => {
  it('picks the main player, not a hover preview that comes first', () => {
    buildWatchPage();
    expect(findMainVideo(document)?.classList.contains('html5-main-video')).toBe(true);
  });

  it('finds nothing off the watch page', () => {
    document.body.innerHTML = '<video id="inline-preview-player"></video>';
    expect(findMainVideo(document)).toBeNull();
  });
});

describe('findPanelPlacement', () => {
  it('prefers the sidebar, then under the player, then floating', () => {
    buildWatchPage();
    // happy-dom has no layout: pretend what is in the document is shown.
    vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
      return (this.isConnected && !this.closest('[hidden]') ? [new DOMRect(0, 0, 10, 10)] : []) as unknown as DOMRectList;
    });
    expect(findPanelPlacement(document)).toMatchObject({ kind: 'sidebar' });
    document.querySelector('#secondary')?.setAttribute('hidden', '');
    expect(findPanelPlacement(document)).toMatchObject({ kind: 'below-player' });
    document.querySelector('#below')?.remove();
    expect(findPanelPlacement(document)).toEqual({ kind: 'floating' });
  });
});

describe('isDarkTheme', () => {
  it('follows html[dark]', () => {
    expect(isDarkTheme(document)).toBe(false);
    document.documentElement.setAttribute('dark', '');
    expect(isDarkTheme(document)).toBe(true);
  });
});

describe('seekVideo', () => {
  it('sets the time and starts a paused video', () => {
    const video = document.createElement('video');
    const play = vi.spyOn(video, 'play').mockResolvedValue(undefined);
    vi.spyOn(video, 'paused', 'get').mockReturnValue(true);
    seekVideo(video, 95.5);
    expect(video.currentTime).toBe(95.5);
    expect(play).toHaveBeenCalled();
  });

  it.each([
    ['a time before the start', -3, 600, 0],
    ['a time past the end', 700, 600, 600],
    ['the very end', 600, 600, 600],
    ['any time while the length is not known yet', 700, Number.NaN, 700],
  ])('keeps %s inside the video', (_label, seconds, duration, expected) => {
    const video = document.createElement('video');
    vi.spyOn(video, 'duration', 'get').mockReturnValue(duration);
    vi.spyOn(video, 'play').mockResolvedValue(undefined);
    seekVideo(video, seconds);
    expect(video.currentTime).toBe(expected);
  });

  it('leaves a playing video playing, without asking it to play again', () => {
    const video = document.createElement('video');
    const play = vi.spyOn(video, 'play').mockResolvedValue(undefined);
    vi.spyOn(video, 'paused', 'get').mockReturnValue(false);
    seekVideo(video, 12);
    expect(video.currentTime).toBe(12);
    expect(play).not.toHaveBeenCalled();
  });

  it('still seeks, and leaves no unhandled rejection, when the browser refuses to start playback', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const video = document.createElement('video');
    video.play = () => Promise.reject(new DOMException('autoplay', 'NotAllowedError'));
    vi.spyOn(video, 'paused', 'get').mockReturnValue(true);
    seekVideo(video, 30);
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    expect(video.currentTime).toBe(30);
  });
});
