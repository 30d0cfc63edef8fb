import { describe, expect, it, vi } from 'vitest';
import type { CachedCaptions } from '../../../lib/captions/cached-captions';
import type { YouTubeRequest } from '../../../lib/captions/fetch-captions';
import { createRateLimits } from '../../../lib/captions/rate-limits';
import type { CachedCaptionsOutcome } from '../../../lib/messaging/protocol';
import { createCaptionsProvider, type CaptionsCacheClient } from '../../../lib/panel/captions-provider';
import type { HttpAnswer } from '../../../lib/youtube/captions/outcome';
import { parseCaptionTracks } from '../../../lib/youtube/captions/tracks';
import type { PlayerInfo } from '../../../lib/youtube/page-bridge/page-data-reader';
import type { VideoId } from '../../../lib/youtube/url';
import { readFixtureJson, readFixtureText } from '../youtube/captions/read-fixture';

const VIDEO = 'Xk3pQ9vT2mA' as VideoId;
const TRACKS = parseCaptionTracks(readFixtureJson('player-response.json'));
const PLAYER: PlayerInfo = { videoId: VIDEO, title: 'Negative sampling, explained', tracks: TRACKS, durationSeconds: 7215, client: { clientVersion: '2.2026', hl: 'en' } };
const ENGLISH = { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' };
const ENGLISH_AUTO = { id: 'a.en', languageCode: 'en', isAutomatic: true, name: 'English (auto-generated)' };
const STORED_TRACKS = TRACKS.map(({ id, languageCode, isAutomatic, name }) => ({ id, languageCode, isAutomatic, name }));
const live = () => new AbortController().signal;

const CACHED: CachedCaptions = {
  videoId: VIDEO,
  title: 'From the cache',
  trackId: '.en',
  track: ENGLISH,
  tracks: STORED_TRACKS,
  lines: [{ start: 0, end: 3, text: 'cached words' }],
  chapters: [{ start: 0, title: 'Intro' }],
  method: 'get_panel',
  fetchedAt: 5,
};

interface SetUp {
  cached?: CachedCaptionsOutcome | Error;
  panel?: HttpAnswer;
  /** `null`: the page never says. */
  player?: PlayerInfo | null;
}

function setUp({ cached = { status: 'not-found' }, panel = { status: 400, body: readFixtureText('get-transcript-400.json') }, player = PLAYER }: SetUp = {}) {
  const cache = {
    read: vi.fn<CaptionsCacheClient['read']>(() => (cached instanceof Error ? Promise.reject(cached) : Promise.resolve(cached))),
    save: vi.fn<CaptionsCacheClient['save']>(() => Promise.resolve({ status: 'saved' })),
    remember: vi.fn<CaptionsCacheClient['remember']>(() => Promise.resolve({ status: 'saved' })),
  };
  const request = vi.fn<YouTubeRequest>((url) =>
    Promise.resolve(url.includes('get_panel') ? panel : { status: 200, body: '' }),
  );
  const pageData = { readPlayer: vi.fn(() => Promise.resolve(player ?? undefined)), findCapturedTimedText: vi.fn(() => undefined) };
  const provider = createCaptionsProvider({ cache, pageData, request, rateLimits: createRateLimits(), languages: () => ['en-US'], now: () => 1_000 });
  return { provider, cache, request, pageData };
}

describe('createCaptionsProvider', () => {
  it('opens cached captions at once, without asking the page or YouTube', async () => {
    const { provider, request, pageData } = setUp({ cached: { status: 'found', captions: CACHED } });
    const outcome = await provider.provide(VIDEO, live());
    expect(outcome).toEqual({
      status: 'found',
      source: { kind: 'captions', track: ENGLISH, tracks: STORED_TRACKS, chapters: [{ start: 0, title: 'Intro' }] },
      transcript: {
        video: { videoId: VIDEO, title: 'From the cache', thumbnail: '', segmentCount: 1, duration: 3 },
        segments: [{ start: 0, end: 3, text: 'cached words' }],
      },
    });
    expect(request).not.toHaveBeenCalled();
    expect(pageData.readPlayer).not.toHaveBeenCalled();
  });

  it("fetches from YouTube what the cache lacks, and caches it with the video's tracks", async () => {
    const { provider, cache } = setUp({ panel: { status: 200, body: readFixtureText('get-panel-modern-chapters.json') } });
    const outcome = await provider.provide(VIDEO, live());
    expect(outcome).toMatchObject({ status: 'found', source: { kind: 'captions', track: ENGLISH }, transcript: { video: { title: 'Negative sampling, explained' } } });
    expect(cache.save).toHaveBeenCalledWith(
      expect.objectContaining({ videoId: VIDEO, trackId: '.en', track: ENGLISH, tracks: STORED_TRACKS, method: 'get_panel', fetchedAt: 1_000 }),
    );
  });

  it("shows but never caches captions the panel gave while the page never listed the video's tracks (the track menu comes back next visit)", async () => {
    const { provider, cache } = setUp({ player: null, panel: { status: 200, body: readFixtureText('get-panel-modern-chapters.json') } });
    expect(await provider.provide(VIDEO, live())).toMatchObject({
      status: 'found',
      source: { kind: 'captions', track: undefined, tracks: [] },
      // Nor its title: the export and the library still need a name.
      transcript: { video: { title: 'YouTube video' } },
    });
    expect(cache.save).not.toHaveBeenCalled();
  });

  it('still asks YouTube when the cache cannot be read', async () => {
    const { provider } = setUp({ cached: new Error('no answer'), panel: { status: 200, body: readFixtureText('get-panel-modern-chapters.json') } });
    expect((await provider.provide(VIDEO, live())).status).toBe('found');
  });

  it('says the video has no captions when the player lists no track', async () => {
    const { provider, request } = setUp({ player: { ...PLAYER, tracks: [] } });
    expect(await provider.provide(VIDEO, live())).toEqual({ status: 'no-captions' });
    expect(request).not.toHaveBeenCalled();
  });

  it("reports a failure with each method's reason and the tracks to try instead", async () => {
    const { provider, cache } = setUp();
    expect(await provider.provide(VIDEO, live())).toEqual({
      status: 'captions-failed',
      details: "get_panel: HTTP 400 FAILED_PRECONDITION; player: the player has not loaded this track; timedtext: not asked (the track needs the player's proof-of-origin token)",
      retryAfterSeconds: undefined,
      tracks: STORED_TRACKS,
      trackId: '.en',
      playerCanHelp: true,
    });
    expect(cache.save).not.toHaveBeenCalled();
  });

  it('reports a failed panel on a page that never listed the tracks: no track to name or offer, nothing for the player to help with', async () => {
    const { provider } = setUp({ player: null });
    expect(await provider.provide(VIDEO, live())).toEqual({
      status: 'captions-failed',
      details: 'get_panel: HTTP 400 FAILED_PRECONDITION',
      retryAfterSeconds: undefined,
      tracks: [],
      trackId: undefined,
      playerCanHelp: false,
    });
  });

  it.each([
    ["the player's copy was read and could not be used", ['player'] as const, PLAYER, 'not timed text'],
    ['only the timed-text address was missing', ['timedtext'] as const, { ...PLAYER, tracks: TRACKS.map(({ baseUrl: _dropped, ...track }) => track) }, undefined],
  ])('does not suggest turning YouTube\'s captions on when %s', async (_label, captionMethods, player, captured) => {
    const { provider, pageData } = setUp({ player });
    pageData.findCapturedTimedText.mockImplementation((() => captured) as never);
    const outcome = await provider.provide(VIDEO, live(), { captionMethods });
    expect(outcome).toMatchObject({ status: 'captions-failed', playerCanHelp: false });
  });

  it('reads the player alone when asked to, sending nothing to YouTube', async () => {
    const { provider, request, pageData } = setUp({ panel: { status: 200, body: readFixtureText('get-panel-modern-chapters.json') } });
    pageData.findCapturedTimedText.mockImplementation(((_video: string, track: { id: string }) =>
      track.id === '.en' ? readFixtureText('timedtext-manual.srv3.xml') : undefined) as never);
    expect(await provider.provide(VIDEO, live(), { captionMethods: ['player'] })).toMatchObject({ status: 'found', source: { track: ENGLISH } });
    expect(request).not.toHaveBeenCalled();
  });

  it('says how long to wait after a 429 that named no wait', async () => {
    const { provider } = setUp({ panel: { status: 429, body: '' } });
    expect(await provider.provide(VIDEO, live())).toMatchObject({ status: 'captions-failed', retryAfterSeconds: 60 });
  });

  it('follows the choice remembered in the cache, and a choice made on the page over it', async () => {
    const { provider, cache, pageData } = setUp({ cached: { status: 'not-found', chosenTrackId: 'a.en' } });
    pageData.findCapturedTimedText.mockImplementation(((_video: string, track: { id: string }) =>
      track.id === 'a.en' ? readFixtureText('timedtext-asr.json3') : undefined) as never);
    expect(await provider.provide(VIDEO, live())).toMatchObject({ status: 'found', source: { track: ENGLISH_AUTO } });

    await provider.chooseTrack(VIDEO, '.de');
    expect(cache.remember).toHaveBeenCalledWith(VIDEO, '.de');
    expect(cache.read).toHaveBeenLastCalledWith(VIDEO, undefined);
    await provider.provide(VIDEO, live());
    expect(cache.read).toHaveBeenLastCalledWith(VIDEO, '.de');
  });

  it('keeps a choice when the background cannot', async () => {
    const { provider, cache } = setUp();
    cache.remember.mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(provider.chooseTrack(VIDEO, 'a.en')).resolves.toBeUndefined();
    await provider.provide(VIDEO, live());
    expect(cache.read).toHaveBeenLastCalledWith(VIDEO, 'a.en');
  });
});
