/**
 * What the stand-in youtube.com answers, whichever browser driver asks: the
 * page for its routes, the test video with HTTP byte ranges (206), a 404 for
 * anything else on youtube.com, and an abort for every other host, so nothing
 * reaches the network. The drivers' adapters (../youtube-stand-in.ts for
 * Playwright, ../firefox/firefox-browser.ts for Puppeteer) only translate.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { APP_HOST_ORIGINS, findAppHostPage } from './app-hosts';
import { answerGetPanel, answerGetTranscript, answerTimedtext } from './captions';
import { ORIGIN, PAGE_HTML, VIDEO_PATH } from './page';

const VIDEO_FILE = fileURLToPath(new URL('../../fixtures/silent-4000s.webm', import.meta.url));

/** Requests the stand-in answered, for debugging and for checking nothing leaked. */
export interface StandInLog {
  served: string[];
  blocked: string[];
  videoRanges: string[];
  /** A switch tests flip: YouTube's caption endpoints (get_panel, get_transcript, timedtext) stop answering. */
  captionsUnreachable: boolean;
  /** Another: `get_panel` answers this much later (ms), to change videos while it is under way. */
  panelDelayMs: number;
  /** The JSON bodies `get_panel` received, in order. */
  panelBodies: string[];
}

export const createStandInLog = (): StandInLog => ({
  served: [],
  blocked: [],
  videoRanges: [],
  captionsUnreachable: false,
  panelDelayMs: 0,
  panelBodies: [],
});

const CAPTION_PATHS = ['/youtubei/v1/get_panel', '/youtubei/v1/get_transcript', '/api/timedtext'];

export interface StandInRequest {
  url: string;
  method?: string | undefined;
  /** The request body (POST), as text. */
  body?: string | undefined;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

export type StandInAnswer =
  | { kind: 'abort' }
  | { kind: 'respond'; status: number; headers: Record<string, string>; body: Buffer | string };

const RANGE_PATTERN = /^bytes=(\d*)-(\d*)$/;

async function answerVideo(range: string | undefined, log: StandInLog): Promise<StandInAnswer> {
  const { size } = await stat(VIDEO_FILE);
  const common = { 'accept-ranges': 'bytes', 'content-type': 'video/webm', 'cache-control': 'no-store' };
  if (range === undefined) {
    log.videoRanges.push('none');
    return { kind: 'respond', status: 200, headers: { ...common, 'content-length': String(size) }, body: await readFile(VIDEO_FILE) };
  }
  log.videoRanges.push(range);
  const match = RANGE_PATTERN.exec(range.trim());
  let start: number;
  let end: number;
  if (!match || (match[1] === '' && match[2] === '')) {
    start = Number.NaN;
    end = Number.NaN;
  } else if (match[1] === '') {
    // "bytes=-N": the last N bytes.
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (!Number.isInteger(start) || !Number.isInteger(end) || start > end || start >= size) {
    return { kind: 'respond', status: 416, headers: { ...common, 'content-range': `bytes */${size}` }, body: '' };
  }
  const length = end - start + 1;
  const body = Buffer.alloc(length);
  const file = await open(VIDEO_FILE, 'r');
  try {
    await file.read(body, 0, length, start);
  } finally {
    await file.close();
  }
  return {
    kind: 'respond',
    status: 206,
    headers: { ...common, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(length) },
    body,
  };
}

/** The stand-in's answer to one http(s) request; records it in `log`. */
export async function answerStandInRequest(request: StandInRequest, log: StandInLog): Promise<StandInAnswer> {
  const url = new URL(request.url);
  if (APP_HOST_ORIGINS.includes(url.origin)) return answerAppHost(url, request, log);
  if (url.origin !== ORIGIN) {
    // Thumbnails (i.ytimg.com), fonts, analytics: nothing leaves the machine.
    log.blocked.push(url.href);
    return { kind: 'abort' };
  }
  if (CAPTION_PATHS.includes(url.pathname) && log.captionsUnreachable) {
    log.blocked.push(`unreachable: ${url.pathname}`);
    return { kind: 'abort' };
  }
  log.served.push(url.pathname + url.search);
  if (url.pathname === '/youtubei/v1/get_panel' && request.method === 'POST') {
    log.panelBodies.push(request.body ?? '');
    if (log.panelDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, log.panelDelayMs));
    return { kind: 'respond', ...answerGetPanel(request.body) };
  }
  if (url.pathname === '/youtubei/v1/get_transcript') return { kind: 'respond', ...answerGetTranscript() };
  if (url.pathname === '/api/timedtext') return { kind: 'respond', ...answerTimedtext(url) };
  if (url.pathname === VIDEO_PATH) return answerVideo(request.headers.range, log);
  if (url.pathname === '/' || url.pathname === '/watch' || url.pathname === '/results' || url.pathname.startsWith('/@')) {
    return { kind: 'respond', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE_HTML };
  }
  return { kind: 'respond', status: 404, headers: { 'content-type': 'text/plain' }, body: 'not in the stand-in' };
}

/** YouTube Music and mobile YouTube (./app-hosts.ts): their watch page and the test video. */
async function answerAppHost(url: URL, request: StandInRequest, log: StandInLog): Promise<StandInAnswer> {
  log.served.push(url.href);
  if (url.pathname === VIDEO_PATH) return answerVideo(request.headers.range, log);
  const page = findAppHostPage(url);
  if (page !== undefined) return { kind: 'respond', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page };
  return { kind: 'respond', status: 404, headers: { 'content-type': 'text/plain' }, body: 'not in the stand-in' };
}
