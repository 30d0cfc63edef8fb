import { afterEach, describe, expect, it, vi } from 'vitest';
import { createYouTubePlayer, findMainVideo, seekVideo } from '../../../lib/youtube/player';
import { buildWatchPage, playAt } from '../../support/watch-page';

afterEach(() => {
  document.body.replaceChildren();
});

describe('findMainVideo', () => {
  it('picks the main player, not a hover preview that comes first', () => {
    const main = buildWatchPage(document);
    expect(findMainVideo(document)).toBe(main);
  });

  it('finds nothing off the watch page', () => {
    document.body.innerHTML = '<video id="inline-preview-player" class="html5-main-video"></video>';
    expect(findMainVideo(document)).toBeNull();
  });
});

describe('seekVideo', () => {
  function videoOf({ duration, paused }: { duration: number; paused: boolean }) {
    const video = document.createElement('video');
    const play = vi.spyOn(video, 'play').mockResolvedValue(undefined);
    vi.spyOn(video, 'paused', 'get').mockReturnValue(paused);
    vi.spyOn(video, 'duration', 'get').mockReturnValue(duration);
    return { video, play };
  }

  it('sets the time and starts a paused video', () => {
    const { video, play } = videoOf({ duration: 600, paused: true });
    seekVideo(video, 95.5);
    expect(video.currentTime).toBe(95.5);
    expect(play).toHaveBeenCalled();
  });

  it('leaves a playing video playing', () => {
    const { video, play } = videoOf({ duration: 600, paused: false });
    seekVideo(video, 10);
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

  it.each([
    ['before the start', -3, 600, 0],
    ['past the end', 700, 600, 600],
    ['at the very end', 600, 600, 600],
    ['of a video whose length is not known yet', 700, Number.NaN, 700],
    ['of a live stream', 700, Number.POSITIVE_INFINITY, 700],
  ])('clamps a time %s to the video', (_case, seconds, duration, expected) => {
    const { video } = videoOf({ duration, paused: false });
    seekVideo(video, seconds);
    expect(video.currentTime).toBe(expected);
  });
});

describe('createYouTubePlayer', () => {
  it('reads and moves the main video, and reports its time until aborted', () => {
    const main = buildWatchPage(document);
    const preview = document.querySelector<HTMLVideoElement>('#inline-preview-player')!;
    const player = createYouTubePlayer(document);
    const controller = new AbortController();
    const onTime = vi.fn();
    player.onTimeChange(onTime, controller.signal);

    playAt(main, 42);
    expect(player.currentTime()).toBe(42);
    expect(onTime).toHaveBeenCalledTimes(1);
    playAt(preview, 7); // a hover preview playing is not the video
    expect(onTime).toHaveBeenCalledTimes(1);

    player.seek(80);
    expect(main.currentTime).toBe(80);
    expect(preview.currentTime).toBe(7);

    controller.abort();
    playAt(main, 43);
    expect(onTime).toHaveBeenCalledTimes(1);
  });

  it('follows a video element YouTube put in place of the old one', () => {
    const old = buildWatchPage(document);
    const player = createYouTubePlayer(document);
    const onTime = vi.fn();
    player.onTimeChange(onTime, new AbortController().signal);
    const replacement = document.createElement('video');
    replacement.className = old.className;
    old.replaceWith(replacement);
    playAt(replacement, 12);
    expect(onTime).toHaveBeenCalledTimes(1);
    player.seek(30);
    expect(replacement.currentTime).toBe(30);
  });

  it('has no time and seeks nothing without a main video', () => {
    const player = createYouTubePlayer(document);
    expect(player.currentTime()).toBeNull();
    expect(() => player.seek(5)).not.toThrow();
  });
});
