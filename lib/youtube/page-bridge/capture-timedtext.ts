/**
 * Observes the timed-text answers the page's player fetches, by wrapping the
 * page's `fetch` and `XMLHttpRequest` (main world only). The page's requests
 * and answers go through untouched: we read a clone, after the page has its
 * own, and any error of ours stays ours.
 */
import { readTimedTextUrl } from '../captions/timedtext-url';
import { MAX_MESSAGE_CHARS } from './messages';

export type TimedTextListener = (url: string, body: string) => void;

function isTimedTextUrl(url: string, origin: string): boolean {
  return readTimedTextUrl(url, origin) !== undefined;
}

function report(onAnswer: TimedTextListener, url: string, body: string): void {
  // An empty answer is the player's too (no token): nothing worth passing on.
  if (body.trim() === '' || body.length > MAX_MESSAGE_CHARS) return;
  try {
    onAnswer(url, body);
  } catch {
    // Never let our listener break the page's request.
  }
}

function wrapFetch(win: Window & typeof globalThis, onAnswer: TimedTextListener): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called through Reflect.apply with the caller's `this`
  const original = win.fetch;
  const origin = win.location.origin;
  win.fetch = function fetch(this: unknown, ...args: Parameters<typeof original>): Promise<Response> {
    const answer: Promise<Response> = Reflect.apply(original, this, args);
    const [input] = args;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (isTimedTextUrl(url, origin)) {
      answer
        .then((response) => (response.ok ? response.clone().text() : ''))
        .then((body) => report(onAnswer, new URL(url, origin).href, body))
        .catch(() => undefined);
    }
    return answer;
  };
}

function readXhrBody(xhr: XMLHttpRequest): string {
  switch (xhr.responseType) {
    case '':
    case 'text':
      return xhr.responseText;
    case 'json':
      return JSON.stringify(xhr.response);
    case 'arraybuffer':
      return xhr.response instanceof ArrayBuffer ? new TextDecoder().decode(xhr.response) : '';
    default:
      return '';
  }
}

function wrapXhr(win: Window & typeof globalThis, onAnswer: TimedTextListener): void {
  const prototype = win.XMLHttpRequest.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called through Reflect.apply with the request as `this`
  const originalOpen = prototype.open;
  const origin = win.location.origin;
  // The URL of each request, and which requests we listen to, without adding properties the page could see.
  const urls = new WeakMap<XMLHttpRequest, string>();
  const listening = new WeakSet<XMLHttpRequest>();
  const onLoad = function onLoad(this: XMLHttpRequest): void {
    const href = urls.get(this);
    if (href === undefined || this.status < 200 || this.status > 299) return;
    try {
      report(onAnswer, href, readXhrBody(this));
    } catch {
      // A body we cannot read: nothing to pass on.
    }
  };
  prototype.open = function open(this: XMLHttpRequest, ...args: unknown[]): void {
    const url = String(args[1]);
    if (isTimedTextUrl(url, origin)) {
      urls.set(this, new URL(url, origin).href);
      if (!listening.has(this)) {
        listening.add(this);
        this.addEventListener('load', onLoad);
      }
    } else urls.delete(this);
    Reflect.apply(originalOpen, this, args);
  };
}

/** Calls `onAnswer` with every non-empty timed-text answer the page receives. Side effect: wraps fetch and XMLHttpRequest. */
export function captureTimedText(win: Window & typeof globalThis, onAnswer: TimedTextListener): void {
  wrapFetch(win, onAnswer);
  wrapXhr(win, onAnswer);
}
