// The main world publishing and the content script reading, on one stand-in page.
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodePageData, PAGE_DATA_EVENT, PAGE_DATA_REQUEST_EVENT, type PageDataMessage } from '../../../../lib/youtube/page-bridge/messages';
import { startPageDataPublisher } from '../../../../lib/youtube/page-bridge/main-world';
import { createPageDataReader } from '../../../../lib/youtube/page-bridge/page-data-reader';
import type { CaptionTrack } from '../../../../lib/youtube/captions/tracks';
import { readFixtureJson, readFixtureText } from '../captions/read-fixture';

const VIDEO = 'Xk3pQ9vT2mA';
const NEXT_VIDEO = 'T35ba_VXkMY';
const ORIGIN = 'https://www.youtube.com';
const AUTOMATIC_ENGLISH: CaptionTrack = { id: 'a.en', languageCode: 'en', isAutomatic: true, name: 'English (auto-generated)' };

type PageWindow = Window & typeof globalThis & { ytcfg?: unknown; ytInitialData?: unknown };

interface StandIn {
  win: PageWindow;
  setPlayerResponse(response: unknown): void;
  serve(body: string): void;
}

const openWindows: HappyWindow[] = [];
afterEach(async () => {
  await Promise.all(openWindows.splice(0).map((win) => win.happyDOM.close()));
});

/** A watch page: a player element with getPlayerResponse, ytcfg, ytInitialData, and a server for the player's fetches. */
function openStandIn(): StandIn {
  const happy = new HappyWindow({ url: `${ORIGIN}/watch?v=${VIDEO}` });
  openWindows.push(happy);
  const win = happy as unknown as PageWindow;
  let playerResponse: unknown = readFixtureJson('player-response.json');
  let body = '';
  const player = win.document.createElement('div');
  player.id = 'movie_player';
  Object.assign(player, { getPlayerResponse: () => playerResponse });
  win.document.body.append(player);
  win.ytcfg = { get: (key: string) => ({ INNERTUBE_CLIENT_VERSION: '2.20261120.01.00', HL: 'en', GL: 'DE' })[key] };
  win.ytInitialData = readFixtureJson('initial-data.json');
  win.fetch = vi.fn(() => Promise.resolve(new win.Response(body, { status: 200 })));
  return {
    win,
    setPlayerResponse: (response) => (playerResponse = response),
    serve: (next) => (body = next),
  };
}

/** Every message the main world publishes on `win`'s document, decoded. */
function recordMessages(win: PageWindow): PageDataMessage[] {
  const messages: PageDataMessage[] = [];
  win.document.addEventListener(PAGE_DATA_EVENT, (event) => {
    const message = decodePageData((event as CustomEvent<unknown>).detail);
    if (message) messages.push(message);
  });
  return messages;
}

/** Errors thrown inside the page's event dispatch (the browser reports them on `window`). */
function recordPageErrors(win: PageWindow): unknown[] {
  const errors: unknown[] = [];
  win.addEventListener('error', (event) => errors.push(event.error));
  return errors;
}

/** A page object whose every read throws, as a hostile or broken page may hand out. */
const hostile = (): unknown =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error('getter says no');
      },
      ownKeys: () => {
        throw new Error('keys say no');
      },
    },
  );

function otherVideoResponse(): unknown {
  return { videoDetails: { videoId: NEXT_VIDEO, lengthSeconds: '60' }, captions: { playerCaptionsTracklistRenderer: { captionTracks: [] } } };
}

describe('the page bridge', () => {
  it("hands the content script the player's tracks, ytcfg's client and the page's panel params", async () => {
    const { win } = openStandIn();
    startPageDataPublisher(win);
    const reader = createPageDataReader(win.document, new AbortController().signal, { origin: ORIGIN });

    const info = await reader.readPlayer(VIDEO, new AbortController().signal);

    expect(info).toMatchObject({
      videoId: VIDEO,
      durationSeconds: 7215,
      client: { clientVersion: '2.20261120.01.00', hl: 'en', gl: 'DE' },
      panelParams: 'qgkRCgtYazNwUTl2VDJtQRgBKAE=',
    });
    expect(info?.tracks.map((track) => track.name)).toEqual(['German', 'English', 'English (auto-generated)']);
  });

  it('answers for the video the player moved to after an in-page navigation, without stale page params', async () => {
    const page = openStandIn();
    startPageDataPublisher(page.win);
    const reader = createPageDataReader(page.win.document, new AbortController().signal, { origin: ORIGIN });
    page.setPlayerResponse(otherVideoResponse());
    page.win.document.dispatchEvent(new page.win.CustomEvent('yt-navigate-finish', { detail: { response: { response: {} } } }));

    const info = await reader.readPlayer(NEXT_VIDEO, new AbortController().signal);

    expect(info).toMatchObject({ videoId: NEXT_VIDEO, tracks: [], panelParams: undefined });
  });

  it("keeps what the player said within a visit, and asks again on a new visit to the video or once it has aged", async () => {
    const page = openStandIn();
    startPageDataPublisher(page.win);
    let now = 0;
    const reader = createPageDataReader(page.win.document, new AbortController().signal, { origin: ORIGIN, maxAgeMs: 60_000, now: () => now });
    const titled = (title: string) => {
      const response = readFixtureJson('player-response.json') as { videoDetails: Record<string, unknown> };
      return { ...response, videoDetails: { ...response.videoDetails, title } };
    };
    const readTitle = async () => (await reader.readPlayer(VIDEO, new AbortController().signal))?.title;

    page.setPlayerResponse(titled('first visit'));
    expect(await readTitle()).toBe('first visit');
    page.setPlayerResponse(titled('signed again'));
    expect(await readTitle()).toBe('first visit');

    // The viewer goes elsewhere and comes back: the player's current data, with fresh addresses.
    page.win.document.dispatchEvent(new page.win.CustomEvent('yt-navigate-start', { detail: {} }));
    expect(await readTitle()).toBe('signed again');

    page.setPlayerResponse(titled('an hour later'));
    now = 60_000;
    expect(await readTitle()).toBe('an hour later');
  });

  it('waits while the player still shows the previous video, and gives up after its timeout', async () => {
    const page = openStandIn();
    startPageDataPublisher(page.win);
    const reader = createPageDataReader(page.win.document, new AbortController().signal, { origin: ORIGIN, timeoutMs: 300 });

    await expect(reader.readPlayer(NEXT_VIDEO, new AbortController().signal)).resolves.toBeUndefined();
  });

  it('stops waiting when the request is aborted', async () => {
    const page = openStandIn();
    const reader = createPageDataReader(page.win.document, new AbortController().signal, { origin: ORIGIN });
    const request = new AbortController();
    const pending = reader.readPlayer(VIDEO, request.signal);
    request.abort();
    await expect(pending).resolves.toBeUndefined();
  });

  it("keeps the timed text the player fetched (with its token) for that video's track only", async () => {
    const page = openStandIn();
    startPageDataPublisher(page.win);
    const reader = createPageDataReader(page.win.document, new AbortController().signal, { origin: ORIGIN });
    const captured = new Promise((resolve) => reader.onTimedTextCaptured(resolve, new AbortController().signal));
    page.serve(readFixtureText('timedtext-asr.json3'));

    const response = await page.win.fetch(`/api/timedtext?v=${VIDEO}&lang=en&kind=asr&pot=TOKEN&fmt=json3&c=WEB`);

    expect(await response.text()).toBe(readFixtureText('timedtext-asr.json3'));
    await expect(captured).resolves.toEqual({ videoId: VIDEO, languageCode: 'en', isAutomatic: true });
    expect(reader.findCapturedTimedText(VIDEO, AUTOMATIC_ENGLISH)).toBe(readFixtureText('timedtext-asr.json3'));
    expect(reader.findCapturedTimedText(VIDEO, { ...AUTOMATIC_ENGLISH, isAutomatic: false })).toBeUndefined();
    expect(reader.findCapturedTimedText(NEXT_VIDEO, AUTOMATIC_ENGLISH)).toBeUndefined();
  });

  it("sends each captured answer once: asking again gets the player's data, not every body again", async () => {
    const page = openStandIn();
    startPageDataPublisher(page.win);
    const messages = recordMessages(page.win);
    page.serve(readFixtureText('timedtext-asr.json3'));
    await page.win.fetch(`/api/timedtext?v=${VIDEO}&lang=en&kind=asr&pot=TOKEN&fmt=json3&c=WEB`);
    await vi.waitFor(() => expect(messages.map((message) => message.kind)).toEqual(['timedtext']));

    for (let ask = 0; ask < 5; ask += 1) page.win.document.dispatchEvent(new page.win.CustomEvent(PAGE_DATA_REQUEST_EVENT));

    expect(messages.map((message) => message.kind)).toEqual(['timedtext', 'player', 'player', 'player', 'player', 'player']);
  });

  it.each([
    ['a player response whose every read throws', (page: StandIn) => page.setPlayerResponse(hostile())],
    [
      'a player element whose method getter throws',
      (page: StandIn) =>
        Object.defineProperty(page.win.document.getElementById('movie_player'), 'getPlayerResponse', {
          get: () => {
            throw new Error('no');
          },
        }),
    ],
    ['page data whose every read throws', (page: StandIn) => (page.win.ytInitialData = hostile())],
  ])('never throws into the page when it reads %s', (_label, breakPage) => {
    const page = openStandIn();
    startPageDataPublisher(page.win);
    breakPage(page);
    const errors = recordPageErrors(page.win);

    page.win.document.dispatchEvent(new page.win.CustomEvent(PAGE_DATA_REQUEST_EVENT));
    page.win.document.dispatchEvent(new page.win.CustomEvent('yt-navigate-finish', { detail: hostile() }));

    expect(errors).toEqual([]);
  });

  it('passes on neither empty answers nor other requests', async () => {
    const page = openStandIn();
    startPageDataPublisher(page.win);
    const reader = createPageDataReader(page.win.document, new AbortController().signal, { origin: ORIGIN });
    const seen = vi.fn();
    reader.onTimedTextCaptured(seen, new AbortController().signal);

    page.serve('');
    await page.win.fetch(`/api/timedtext?v=${VIDEO}&lang=en`);
    page.serve('{"events":[]}');
    await page.win.fetch(`/youtubei/v1/player?v=${VIDEO}&lang=en`);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(seen).not.toHaveBeenCalled();
  });

  it.each([
    ['not a string', { kind: 'timedtext', url: `${ORIGIN}/api/timedtext?v=${VIDEO}&lang=en`, body: 'x' }],
    ['not JSON', '{kind: timedtext'],
    ['another kind', JSON.stringify({ kind: 'command', run: 'seek' })],
    ['timed text of another origin', JSON.stringify({ kind: 'timedtext', url: `https://evil.example/api/timedtext?v=${VIDEO}&lang=en`, body: 'x' })],
    ['a player snapshot without a video', JSON.stringify({ kind: 'player', playerResponse: {}, client: {} })],
  ])('must not take what a page forges: %s', async (_label, detail) => {
    const page = openStandIn();
    const reader = createPageDataReader(page.win.document, new AbortController().signal, { origin: ORIGIN, timeoutMs: 50 });
    page.win.document.dispatchEvent(new page.win.CustomEvent(PAGE_DATA_EVENT, { detail }));

    expect(reader.findCapturedTimedText(VIDEO, { ...AUTOMATIC_ENGLISH, isAutomatic: false })).toBeUndefined();
    await expect(reader.readPlayer(VIDEO, new AbortController().signal)).resolves.toBeUndefined();
  });
});
