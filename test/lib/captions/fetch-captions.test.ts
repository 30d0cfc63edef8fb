import { describe, expect, it, vi } from 'vitest';
import { fetchCaptions, type FetchCaptionsOptions, type YouTubeRequest } from '../../../lib/captions/fetch-captions';
import { createRateLimits } from '../../../lib/captions/rate-limits';
import { describeFailures, type HttpAnswer } from '../../../lib/youtube/captions/outcome';
import { FALLBACK_CLIENT_VERSION } from '../../../lib/youtube/captions/shapes';
import { parseCaptionTracks, type CaptionTrack } from '../../../lib/youtube/captions/tracks';
import type { PlayerInfo } from '../../../lib/youtube/page-bridge/page-data-reader';
import { readFixtureJson, readFixtureText } from '../youtube/captions/read-fixture';

const VIDEO = 'Xk3pQ9vT2mA';
const TRACKS = parseCaptionTracks(readFixtureJson('player-response.json'));
const [GERMAN, ENGLISH, ENGLISH_AUTO] = TRACKS as [CaptionTrack, CaptionTrack, CaptionTrack];
/** The same tracks with addresses that need no proof-of-origin token (no `exp=xpe`), as some videos still give. */
const OPEN_TRACKS = TRACKS.map((track) => ({ ...track, baseUrl: track.baseUrl?.replace('&exp=xpe', '') }));
const PLAYER: PlayerInfo = {
  videoId: VIDEO,
  tracks: TRACKS,
  durationSeconds: 7215,
  client: { clientVersion: '2.20261120.01.00', hl: 'en', gl: 'DE' },
  panelParams: 'qgkRCgtYazNwUTl2VDJtQRgBKAE=',
};

const PANEL_OK: HttpAnswer = { status: 200, body: readFixtureText('get-panel-modern-chapters.json') };
const PANEL_400: HttpAnswer = { status: 400, body: readFixtureText('get-transcript-400.json') };
const EMPTY_200: HttpAnswer = { status: 200, body: '' };
const TOO_MANY: HttpAnswer = { status: 429, body: readFixtureText('timedtext-429.html'), retryAfter: '120' };

/** Answers by endpoint, as the stand-in YouTube would, and records every request. */
function serve(answers: { panel?: HttpAnswer | Error; timedtext?: HttpAnswer | Error }) {
  const request = vi.fn<YouTubeRequest>((url) => {
    const answer = url.startsWith('/youtubei/v1/get_panel') ? answers.panel : url.includes('/api/timedtext') ? answers.timedtext : undefined;
    if (answer === undefined) return Promise.reject(new Error(`unexpected request to ${url}`));
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  });
  return request;
}

function options(overrides: Partial<FetchCaptionsOptions> & Pick<FetchCaptionsOptions, 'request'>): FetchCaptionsOptions {
  return {
    videoId: VIDEO,
    player: PLAYER,
    languages: ['en-US', 'en'],
    findCaptured: () => undefined,
    rateLimits: createRateLimits(() => 0),
    signal: new AbortController().signal,
    ...overrides,
  };
}

describe('fetchCaptions', () => {
  it("asks the transcript panel first, in the track's language, with the page's params", async () => {
    const request = serve({ panel: PANEL_OK });

    const result = await fetchCaptions(options({ request }));

    expect(result).toMatchObject({ status: 'found', method: 'get_panel', track: ENGLISH, chapters: [{ title: 'Intro' }, { title: 'Why sampling works' }] });
    expect(request).toHaveBeenCalledTimes(1);
    const [url, init] = request.mock.calls[0]!;
    expect(url).toBe('/youtubei/v1/get_panel?prettyPrint=false');
    expect(JSON.parse(init.body!)).toEqual({
      context: { client: { clientName: 'WEB', clientVersion: '2.20261120.01.00', hl: 'en', gl: 'DE' } },
      panelId: 'PAmodern_transcript_view',
      params: 'qgkRCgtYazNwUTl2VDJtQRgBKAE=',
    });
  });

  it('falls back to the timed text the player loaded when the panel fails', async () => {
    const request = serve({ panel: PANEL_400 });
    const findCaptured = (track: CaptionTrack) => (track === ENGLISH ? readFixtureText('timedtext-manual.srv3.xml') : undefined);

    const result = await fetchCaptions(options({ request, findCaptured }));

    expect(result).toMatchObject({ status: 'found', method: 'player', track: ENGLISH });
    expect(result.status === 'found' && result.lines[0]).toEqual({ start: 1, end: 3.5, text: 'Tom & Jerry\'s "show"' });
  });

  it('says which method failed how when all do, and calls an empty 200 blocked', async () => {
    const request = serve({ panel: PANEL_400, timedtext: EMPTY_200 });

    const result = await fetchCaptions(options({ request, player: { ...PLAYER, tracks: OPEN_TRACKS } }));

    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && describeFailures(result.failures)).toBe(
      'get_panel: HTTP 400 FAILED_PRECONDITION; player: the player has not loaded this track; timedtext: empty answer (needs a proof-of-origin token)',
    );
    expect(request.mock.calls[1]![0]).toContain('&fmt=json3');
  });

  it.each([
    ['exp=xpe', 'exp=xpe'],
    ['exp=xpv', 'exp=xpv'],
    ['both experiments', 'exp=xpv,xpe'],
  ])("never requests a track address with %s and no token: it stalls, then answers empty", async (_label, experiment) => {
    const request = serve({ panel: PANEL_400, timedtext: EMPTY_200 });
    const tracks = TRACKS.map((track) => ({ ...track, baseUrl: track.baseUrl?.replace('exp=xpe', experiment) }));

    const result = await fetchCaptions(options({ request, player: { ...PLAYER, tracks } }));

    expect(result.status === 'failed' && describeFailures(result.failures)).toBe(
      "get_panel: HTTP 400 FAILED_PRECONDITION; player: the player has not loaded this track; timedtext: not asked (the track needs the player's proof-of-origin token)",
    );
    expect(request.mock.calls.map(([url]) => url)).toEqual(['/youtubei/v1/get_panel?prettyPrint=false']);
  });

  it('requests a track address that carries its token', async () => {
    const request = serve({ timedtext: { status: 200, body: readFixtureText('timedtext-asr.json3') } });
    const tracks = TRACKS.map((track) => ({ ...track, baseUrl: `${track.baseUrl ?? ''}&potc=1&pot=MnQ0` }));
    const result = await fetchCaptions(options({ request, player: { ...PLAYER, tracks }, trackId: ENGLISH_AUTO.id }));
    expect(result).toMatchObject({ status: 'found', method: 'timedtext' });
  });

  it('does not ask the panel for an automatic track that sits beside a manual one (the panel would show the manual one)', async () => {
    const request = serve({ timedtext: { status: 200, body: readFixtureText('timedtext-asr.json3') } });

    const result = await fetchCaptions(options({ request, player: { ...PLAYER, tracks: OPEN_TRACKS }, trackId: ENGLISH_AUTO.id }));

    expect(result).toMatchObject({ status: 'found', method: 'timedtext', track: OPEN_TRACKS[2], lines: [{ text: 'so today we talk' }, {}, {}] });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it("follows the viewer's choice of track and language", async () => {
    const request = serve({ panel: PANEL_OK });
    await fetchCaptions(options({ request, trackId: GERMAN.id }));
    expect(JSON.parse(request.mock.calls[0]![1].body!)).toMatchObject({ context: { client: { hl: 'de' } } });
  });

  it('reports no captions, without a request, when the player lists no track', async () => {
    const request = serve({});
    await expect(fetchCaptions(options({ request, player: { ...PLAYER, tracks: [] } }))).resolves.toEqual({ status: 'no-tracks' });
    expect(request).not.toHaveBeenCalled();
  });

  it("tries the panel alone, as a recent web client in the viewer's language, when the page never said which tracks there are", async () => {
    const request = serve({ panel: PANEL_OK });
    const result = await fetchCaptions(options({ request, player: undefined, languages: ['de-AT', 'en'] }));
    expect(result).toMatchObject({ status: 'found', method: 'get_panel', track: undefined });
    expect(JSON.parse(request.mock.calls[0]![1].body!)).toEqual({
      context: { client: { clientName: 'WEB', clientVersion: FALLBACK_CLIENT_VERSION, hl: 'de' } },
      panelId: 'PAmodern_transcript_view',
      params: 'qgkPCgtYazNwUTl2VDJtQRgB',
    });
    // A web client version as ytcfg gives it ("2.YYYYMMDD.NN.NN"), never empty.
    expect(FALLBACK_CLIENT_VERSION).toMatch(/^2\.20\d{6}\.\d{2}\.\d{2}$/);
  });

  it('reports the panel alone when the page never said which tracks there are and the panel fails (no track to read or ask for)', async () => {
    const request = serve({ panel: PANEL_400 });
    const result = await fetchCaptions(options({ request, player: undefined }));
    expect(result.status === 'failed' && describeFailures(result.failures)).toBe('get_panel: HTTP 400 FAILED_PRECONDITION');
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('says a track without an address has none, without a request for it', async () => {
    const request = serve({ panel: PANEL_400 });
    const tracks = TRACKS.map(({ baseUrl: _dropped, ...track }) => track);
    const result = await fetchCaptions(options({ request, player: { ...PLAYER, tracks } }));
    expect(result.status === 'failed' && describeFailures(result.failures)).toBe(
      'get_panel: HTTP 400 FAILED_PRECONDITION; player: the player has not loaded this track; timedtext: no address for this track',
    );
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('leaves hl out rather than send a malformed one, when the viewer has no language', async () => {
    const request = serve({ panel: PANEL_OK });
    await fetchCaptions(options({ request, player: undefined, languages: [] }));
    const body = JSON.parse(request.mock.calls[0]![1].body!) as { context: { client: Record<string, string> } };
    expect(body.context.client).toEqual({ clientName: 'WEB', clientVersion: FALLBACK_CLIENT_VERSION });
  });

  it('after a 429, sends nothing more to that endpoint until the wait is over', async () => {
    let now = 0;
    const rateLimits = createRateLimits(() => now);
    const request = serve({ panel: TOO_MANY, timedtext: EMPTY_200 });

    const first = await fetchCaptions(options({ request, rateLimits }));
    const second = await fetchCaptions(options({ request, rateLimits }));
    now = 121_000;
    await fetchCaptions(options({ request, rateLimits }));

    expect(first.status === 'failed' && first.failures[0]).toEqual({ method: 'get_panel', reason: 'rate-limited', retryAfterSeconds: 120 });
    expect(second.status === 'failed' && second.failures[0]).toEqual({ method: 'get_panel', reason: 'rate-limited', retryAfterSeconds: 120 });
    expect(request.mock.calls.filter(([url]) => url.includes('get_panel'))).toHaveLength(2);
  });

  it("refuses the panel's answer for another video", async () => {
    const request = serve({ panel: PANEL_OK, timedtext: EMPTY_200 });
    const result = await fetchCaptions(options({ request, videoId: 'T35ba_VXkMY', player: { ...PLAYER, videoId: 'T35ba_VXkMY' } }));
    expect(result.status === 'failed' && describeFailures(result.failures.slice(0, 1))).toBe('get_panel: answer for another video');
  });

  it('reports the wait it will keep after a 429 without Retry-After, not an unknown one', async () => {
    const request = serve({ panel: { status: 429, body: '' }, timedtext: EMPTY_200 });
    const result = await fetchCaptions(options({ request, rateLimits: createRateLimits(() => 0) }));
    expect(result.status === 'failed' && result.failures[0]).toEqual({ method: 'get_panel', reason: 'rate-limited', retryAfterSeconds: 60 });
  });

  it.each([
    ['no answer at all', new Error('Failed to fetch'), 'get_panel: no answer (Failed to fetch)'],
    ['malformed JSON', { status: 200, body: '{"content": {"engagementPanelSectionListRenderer"' }, 'get_panel: answer in an unknown shape'],
    ['a panel without lines', { status: 200, body: readFixtureText('get-panel-no-transcript.json') }, 'get_panel: no caption lines in the answer'],
  ])('turns %s into a failure, never an exception', async (_label, panel, detail) => {
    const request = serve({ panel, timedtext: EMPTY_200 });
    const result = await fetchCaptions(options({ request }));
    expect(result.status === 'failed' && describeFailures(result.failures.slice(0, 1))).toBe(detail);
  });

  it('uses only the methods asked for', async () => {
    const request = serve({ panel: PANEL_OK });
    const result = await fetchCaptions(options({ request, methods: ['player'], findCaptured: () => readFixtureText('timedtext-legacy.xml') }));
    expect(result).toMatchObject({ status: 'found', method: 'player' });
    expect(request).not.toHaveBeenCalled();
  });

  it('stops once the video changed (its signal aborted)', async () => {
    const controller = new AbortController();
    const request = vi.fn<YouTubeRequest>(() => {
      controller.abort();
      return Promise.reject(new DOMException('aborted', 'AbortError'));
    });
    const result = await fetchCaptions(options({ request, signal: controller.signal }));
    expect(result).toEqual({ status: 'failed', failures: [{ method: 'get_panel', reason: 'network', message: 'aborted' }], track: expect.objectContaining({ id: '.en' }) as unknown });
    expect(request).toHaveBeenCalledTimes(1);
  });
});

describe("fetchCaptions: the viewer's language as the panel's hl", () => {
  it.each<[string, string | undefined]>([
    ['DE', 'de'],
    ['zh-Hant-TW', 'zh'],
    ['english', undefined],
    ['1de', undefined],
    ['x-klingon', undefined],
  ])('%s → %s', async (language, hl) => {
    const request = serve({ panel: PANEL_OK });
    await fetchCaptions(options({ request, player: undefined, languages: [language] }));
    const body = JSON.parse(request.mock.calls[0]![1].body!) as { context: { client: Record<string, string> } };
    expect(body.context.client.hl).toBe(hl);
  });
});
