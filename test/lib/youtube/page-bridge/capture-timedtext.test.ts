import { describe, expect, it, vi } from 'vitest';
import { captureTimedText } from '../../../../lib/youtube/page-bridge/capture-timedtext';

const TIMEDTEXT = 'https://www.youtube.com/api/timedtext?v=Xk3pQ9vT2mA&lang=en&pot=TOKEN';

/** The slice of XMLHttpRequest the player uses: open, load, status and the body by responseType. */
class StandInXhr extends EventTarget {
  status = 0;
  responseType: XMLHttpRequestResponseType = '';
  response: unknown = null;
  responseText = '';
  open(_method: string, _url: string): void {
    // The real one starts a request; the stand-in waits for `answer`.
  }
  answer(status: number, body: string): void {
    this.status = status;
    this.responseText = body;
    this.response = this.responseType === 'arraybuffer' ? new TextEncoder().encode(body).buffer : body;
    this.dispatchEvent(new Event('load'));
  }
}

function openPage() {
  const open = vi.spyOn(StandInXhr.prototype, 'open');
  const win = {
    location: { origin: 'https://www.youtube.com' },
    fetch: vi.fn(),
    XMLHttpRequest: class extends StandInXhr {},
  } as unknown as Window & typeof globalThis;
  const seen = vi.fn();
  captureTimedText(win, seen);
  const Xhr = win.XMLHttpRequest as unknown as new () => StandInXhr;
  return { Xhr, seen, open };
}

describe('captureTimedText, XMLHttpRequest', () => {
  it.each(['', 'text', 'arraybuffer'] as const)("passes on the player's timed text (responseType %j) and still opens the request", (responseType) => {
    const { Xhr, seen, open } = openPage();
    const xhr = new Xhr();
    xhr.responseType = responseType;
    xhr.open('GET', TIMEDTEXT);
    xhr.answer(200, '{"events":[]}');

    expect(open).toHaveBeenCalledWith('GET', TIMEDTEXT);
    expect(seen).toHaveBeenCalledWith(TIMEDTEXT, '{"events":[]}');
  });

  it.each([
    ['an empty answer', TIMEDTEXT, 200, ''],
    ['an error status', TIMEDTEXT, 429, '<html>sorry</html>'],
    ['another endpoint', 'https://www.youtube.com/youtubei/v1/player', 200, '{}'],
  ])('must not pass on %s', (_label, url, status, body) => {
    const { Xhr, seen } = openPage();
    const xhr = new Xhr();
    xhr.open('GET', url);
    xhr.answer(status, body);
    expect(seen).not.toHaveBeenCalled();
  });

  it('follows a request object reopened for another URL', () => {
    const { Xhr, seen } = openPage();
    const xhr = new Xhr();
    xhr.open('GET', TIMEDTEXT);
    xhr.open('GET', 'https://www.youtube.com/api/stats/watchtime');
    xhr.answer(200, 'ok');
    xhr.open('GET', TIMEDTEXT);
    xhr.answer(200, 'captions');
    expect(seen.mock.calls).toEqual([[TIMEDTEXT, 'captions']]);
  });
});

describe('captureTimedText, fetch', () => {
  function openFetchPage(status = 200, body = '{"events":[]}') {
    const original = vi.fn(() => Promise.resolve(new Response(body, { status })));
    const win = { location: { origin: 'https://www.youtube.com' }, fetch: original, XMLHttpRequest: class extends StandInXhr {} } as unknown as Window &
      typeof globalThis;
    const seen = vi.fn();
    captureTimedText(win, seen);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    return { win, seen, original, settle };
  }

  it.each<[string, (url: string) => RequestInfo | URL]>([
    ['a string', (url) => url],
    ['a URL object', (url) => new URL(url)],
    ['a Request', (url) => new Request(url)],
  ])("passes on the player's timed text fetched with %s, and hands the page its response", async (_label, toInput) => {
    const { win, seen, settle } = openFetchPage();
    const response = await win.fetch(toInput(TIMEDTEXT));
    await settle();
    expect(seen).toHaveBeenCalledWith(TIMEDTEXT, '{"events":[]}');
    expect(await response.text()).toBe('{"events":[]}');
  });

  it.each([
    ['another endpoint', 'https://www.youtube.com/youtubei/v1/player', 200, '{}'],
    ['an error status', TIMEDTEXT, 500, 'oops'],
    ['a blank answer', TIMEDTEXT, 200, ' \n '],
  ])('must not pass on %s', async (_label, url, status, body) => {
    const { win, seen, settle } = openFetchPage(status, body);
    await win.fetch(url);
    await settle();
    expect(seen).not.toHaveBeenCalled();
  });
});

describe('captureTimedText, XMLHttpRequest edges', () => {
  it('reads a JSON response, and a 299 is still a success', () => {
    const { Xhr, seen } = openPage();
    const xhr = new Xhr();
    xhr.responseType = 'json';
    xhr.open('GET', TIMEDTEXT);
    xhr.status = 299;
    xhr.response = { events: [] };
    xhr.dispatchEvent(new Event('load'));
    expect(seen).toHaveBeenCalledWith(TIMEDTEXT, '{"events":[]}');
  });

  it('passes an answer on once when the request was opened twice for the same URL', () => {
    const { Xhr, seen } = openPage();
    const xhr = new Xhr();
    xhr.open('GET', TIMEDTEXT);
    xhr.open('GET', TIMEDTEXT);
    xhr.answer(200, 'captions');
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('passes nothing on for a 300', () => {
    const { Xhr, seen } = openPage();
    const xhr = new Xhr();
    xhr.open('GET', TIMEDTEXT);
    xhr.answer(300, 'moved');
    expect(seen).not.toHaveBeenCalled();
  });
});
