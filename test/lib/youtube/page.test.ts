import { afterEach, describe, expect, it, vi } from 'vitest';
import { createYouTubePage, isDarkTheme } from '../../../lib/youtube/page';

const startUrl = location.href;
/** Moves happy-dom's window to `url` (YouTube's router changes the URL without a load). */
const goTo = (url: string): void => (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);

afterEach(() => {
  document.documentElement.removeAttribute('dark');
  goTo(startUrl);
});

const pageOf = () => createYouTubePage(document, { panelHost: document.createElement('div') });

describe('createYouTubePage', () => {
  it('reads the video from the current URL', () => {
    const page = pageOf();
    expect(page.videoId()).toBeNull();
    goTo('https://www.youtube.com/watch?v=yexR53My2O4&t=5s');
    expect(page.videoId()).toBe('yexR53My2O4');
    goTo('https://www.youtube.com/results?search_query=word2vec');
    expect(page.videoId()).toBeNull();
  });

  it("follows YouTube's dark theme until aborted", async () => {
    const page = pageOf();
    const controller = new AbortController();
    const onTheme = vi.fn();
    page.onThemeChange(onTheme, controller.signal);
    expect(page.theme()).toBe('light');
    document.documentElement.setAttribute('dark', '');
    expect(page.theme()).toBe('dark');
    expect(isDarkTheme(document)).toBe(true);
    await vi.waitFor(() => expect(onTheme).toHaveBeenCalledTimes(1));
    controller.abort();
    document.documentElement.removeAttribute('dark');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onTheme).toHaveBeenCalledTimes(1);
  });

  it('hears navigations until aborted', () => {
    const page = pageOf();
    const controller = new AbortController();
    const onNavigated = vi.fn();
    page.onNavigated(onNavigated, controller.signal);
    document.dispatchEvent(new Event('yt-navigate-finish'));
    controller.abort();
    document.dispatchEvent(new Event('yt-navigate-finish'));
    expect(onNavigated).toHaveBeenCalledTimes(1);
  });
});
