import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openVideo } from '../../../lib/youtube/open-video';
import type { VideoId } from '../../../lib/youtube/url';

const DETR = 'T35ba_VXkMY' as VideoId;
const startUrl = location.href;
const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);

let assign: ReturnType<typeof vi.fn<(url: string | URL) => void>>;
let routed: unknown[];
const recordRoute = (event: Event) => routed.push((event as CustomEvent<unknown>).detail);

beforeEach(() => {
  vi.useFakeTimers();
  setUrl('https://www.youtube.com/watch?v=yexR53My2O4');
  document.body.replaceChildren(document.createElement('ytd-app'));
  assign = vi.fn<(url: string | URL) => void>();
  vi.spyOn(window.location, 'assign').mockImplementation(assign);
  routed = [];
  document.addEventListener('yt-navigate', recordRoute);
});

afterEach(() => {
  document.removeEventListener('yt-navigate', recordRoute);
  vi.useRealTimers();
  vi.restoreAllMocks();
  setUrl(startUrl);
});

describe('openVideo', () => {
  it("hands YouTube's router the watch link's endpoint, at the whole second", () => {
    openVideo(document, DETR, 646.84);
    expect(routed).toEqual([
      {
        endpoint: {
          commandMetadata: { webCommandMetadata: { url: '/watch?v=T35ba_VXkMY&t=646s', webPageType: 'WEB_PAGE_TYPE_WATCH', rootVe: 3832 } },
          watchEndpoint: { videoId: 'T35ba_VXkMY', startTimeSeconds: 646 },
        },
      },
    ]);
  });

  it('leaves the page alone once the router has started the navigation', () => {
    document.addEventListener('yt-navigate', () => document.dispatchEvent(new Event('yt-navigate-start')), { once: true });
    openVideo(document, DETR, 10);
    vi.advanceTimersByTime(5_000);
    expect(assign).not.toHaveBeenCalled();
  });

  it('leaves the page alone once it shows the video, events or not', () => {
    openVideo(document, DETR, 10);
    setUrl('https://www.youtube.com/watch?v=T35ba_VXkMY&t=10s');
    vi.advanceTimersByTime(5_000);
    expect(assign).not.toHaveBeenCalled();
  });

  it('loads the watch URL when no router takes the navigation in time', () => {
    openVideo(document, DETR, 0.4);
    vi.advanceTimersByTime(1_000);
    expect(assign).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(assign).toHaveBeenCalledExactlyOnceWith('/watch?v=T35ba_VXkMY&t=0s');
  });

  it('loads the watch URL at once on a page without the app', () => {
    document.body.replaceChildren();
    openVideo(document, DETR, 75);
    expect(assign).toHaveBeenCalledExactlyOnceWith('/watch?v=T35ba_VXkMY&t=75s');
    expect(routed).toEqual([]);
  });
});
