import { afterEach, describe, expect, it, vi } from 'vitest';
import { createYouTubePage, saveTextFile } from '../../../lib/youtube/page';

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

describe('saveTextFile', () => {
  it('clicks a hidden download link to a Blob of the text, then takes the link away and frees the URL later', async () => {
    vi.useFakeTimers();
    const clicked: Array<{ href: string; download: string; connected: boolean; hidden: boolean }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, connected: this.isConnected, hidden: this.hidden === true });
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:https://www.youtube.com/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);

    saveTextFile(document, { fileName: 'Talk.srt', mimeType: 'application/x-subrip;charset=utf-8', text: '1\nä\n' });

    expect(clicked).toEqual([{ href: 'blob:https://www.youtube.com/1', download: 'Talk.srt', connected: true, hidden: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blobs[0]!.type).toBe('application/x-subrip;charset=utf-8');
    expect(await blobs[0]!.text()).toBe('1\nä\n');
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(revoke).toHaveBeenCalledWith('blob:https://www.youtube.com/1');
    vi.useRealTimers();
  });
});

describe('the page: a signal already aborted, and the clipboard', () => {
  it('does not follow the theme for a signal already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const onTheme = vi.fn();
    pageOf().onThemeChange(onTheme, controller.signal);
    document.documentElement.setAttribute('dark', '');
    await new Promise((resolve) => setTimeout(resolve, 0));
    document.documentElement.removeAttribute('dark');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onTheme).not.toHaveBeenCalled();
  });

  it('copies text with the clipboard of the page', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await pageOf().copyText('https://youtu.be/yexR53My2O4?t=5');
    expect(writeText).toHaveBeenCalledWith('https://youtu.be/yexR53My2O4?t=5');
  });

  it('refuses to copy from a document without a window', async () => {
    const detached = document.implementation.createHTMLDocument('');
    await expect(createYouTubePage(detached, { panelHost: detached.createElement('div') }).copyText('x')).rejects.toThrow('no window');
  });
});
