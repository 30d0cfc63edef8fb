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
