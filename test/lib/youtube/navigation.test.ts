import { describe, expect, it, vi } from 'vitest';
import { onYouTubeNavigated, onYouTubeNavigateStart, readNavigationTarget } from '../../../lib/youtube/navigation';

describe('onYouTubeNavigated', () => {
  it('reacts to yt-navigate-finish and the mobile state-navigateend, until aborted', () => {
    const controller = new AbortController();
    const onNavigated = vi.fn();
    onYouTubeNavigated(document, controller.signal, onNavigated);
    document.dispatchEvent(new Event('yt-navigate-start'));
    expect(onNavigated).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('yt-navigate-finish'));
    document.dispatchEvent(new Event('state-navigateend'));
    expect(onNavigated).toHaveBeenCalledTimes(2);
    controller.abort();
    document.dispatchEvent(new Event('yt-navigate-finish'));
    expect(onNavigated).toHaveBeenCalledTimes(2);
  });
});

describe('readNavigationTarget', () => {
  const BASE = 'https://www.youtube.com/watch?v=yexR53My2O4';
  const throwing = Object.defineProperty({}, 'endpoint', {
    get() {
      throw new Error('a page getter');
    },
  });

  it.each([
    ['the watch endpoint', { endpoint: { watchEndpoint: { videoId: 'T35ba_VXkMY' } } }, 'T35ba_VXkMY'],
    ['the endpoint before the URL', { endpoint: { watchEndpoint: { videoId: 'T35ba_VXkMY' } }, url: '/watch?v=n1SXlK5rhR8' }, 'T35ba_VXkMY'],
    ['a relative URL', { url: '/watch?v=n1SXlK5rhR8&t=30s' }, 'n1SXlK5rhR8'],
    ['a Shorts URL', { url: 'https://www.youtube.com/shorts/n1SXlK5rhR8' }, 'n1SXlK5rhR8'],
  ])('reads %s', (_label, detail, expected) => {
    expect(readNavigationTarget(detail, BASE)).toBe(expected);
  });

  // Must not match: no video, a malformed id, a foreign URL, things that are not details at all.
  it.each([
    ['a browse endpoint', { endpoint: { browseEndpoint: { browseId: 'FEwhat_to_watch' } }, url: '/' }],
    ['an id of 10 characters', { endpoint: { watchEndpoint: { videoId: 'T35ba_VXkM' } } }],
    ['an id with a slash', { endpoint: { watchEndpoint: { videoId: 'T35ba/VXkMY' } } }],
    ['an id that is a number', { endpoint: { watchEndpoint: { videoId: 12345678901 } } }],
    ['another site', { url: 'https://example.com/watch?v=n1SXlK5rhR8' }],
    ['null', null],
    ['a string', '/watch?v=n1SXlK5rhR8'],
    ['a throwing getter', throwing],
  ])('finds nothing in %s', (_label, detail) => {
    expect(readNavigationTarget(detail, BASE)).toBeNull();
  });
});

describe('onYouTubeNavigateStart', () => {
  it('names the target of each yt-navigate-start that has one, until aborted', () => {
    const controller = new AbortController();
    const onStart = vi.fn();
    onYouTubeNavigateStart(document, controller.signal, onStart);
    document.dispatchEvent(new CustomEvent('yt-navigate-start', { detail: { endpoint: { watchEndpoint: { videoId: 'T35ba_VXkMY' } } } }));
    document.dispatchEvent(new CustomEvent('yt-navigate-start', { detail: { endpoint: { browseEndpoint: {} }, url: '/' } }));
    document.dispatchEvent(new Event('yt-navigate-finish'));
    expect(onStart.mock.calls).toEqual([['T35ba_VXkMY']]);
    controller.abort();
    document.dispatchEvent(new CustomEvent('yt-navigate-start', { detail: { url: '/watch?v=n1SXlK5rhR8' } }));
    expect(onStart).toHaveBeenCalledTimes(1);
  });
});

describe('navigation listeners end with their signal', () => {
  it('hears no popstate once aborted', () => {
    const controller = new AbortController();
    const onNavigated = vi.fn();
    onYouTubeNavigated(document, controller.signal, onNavigated);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(onNavigated).toHaveBeenCalledTimes(1);
    controller.abort();
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(onNavigated).toHaveBeenCalledTimes(1);
  });

  it('names no target once aborted', () => {
    const controller = new AbortController();
    const onStart = vi.fn();
    onYouTubeNavigateStart(document, controller.signal, onStart);
    controller.abort();
    document.dispatchEvent(new CustomEvent('yt-navigate-start', { detail: { endpoint: { watchEndpoint: { videoId: 'T35ba_VXkMY' } } } }));
    expect(onStart).not.toHaveBeenCalled();
  });

  it('reads the URL when the endpoint is null', () => {
    expect(readNavigationTarget({ endpoint: null, url: '/watch?v=n1SXlK5rhR8' }, 'https://www.youtube.com/')).toBe('n1SXlK5rhR8');
  });
});
