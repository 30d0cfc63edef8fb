/**
 * YouTube's own captions as a transcript provider, for videos the dataset
 * lacks: the captions cache first (a revisit opens at once, even offline),
 * then YouTube (lib/captions/fetch-captions.ts), whose answer is cached. The
 * viewer's track choice is kept per video. Never throws.
 */
import type { CachedCaptions } from '../captions/cached-captions';
import { toStoredTrack } from '../captions/cached-captions';
import { fetchCaptions, type YouTubeRequest } from '../captions/fetch-captions';
import type { RateLimits } from '../captions/rate-limits';
import type { CachedCaptionsOutcome, CacheWriteOutcome } from '../messaging/protocol';
import type { TranscriptSource } from '../transcript/types';
import { describeFailures, findRateLimit } from '../youtube/captions/outcome';
import type { PageDataReader } from '../youtube/page-bridge/page-data-reader';
import type { VideoId } from '../youtube/url';
import type { ProviderOutcome, TranscriptProvider } from './transcript-lookup';

/** The background's captions cache, over the protocol. Calls may reject (no answer). */
export interface CaptionsCacheClient {
  read: (videoId: VideoId, trackId: string | undefined) => Promise<CachedCaptionsOutcome>;
  save: (captions: CachedCaptions) => Promise<CacheWriteOutcome>;
  remember: (videoId: VideoId, trackId: string) => Promise<CacheWriteOutcome>;
}

export interface CaptionsProviderOptions {
  cache: CaptionsCacheClient;
  pageData: Pick<PageDataReader, 'readPlayer' | 'findCapturedTimedText'>;
  request: YouTubeRequest;
  rateLimits: RateLimits;
  /** The viewer's languages, most wanted first (`navigator.languages`). */
  languages: () => readonly string[];
  now?: () => number;
}

export interface CaptionsProvider {
  provide: TranscriptProvider;
  /** Remembers the viewer's track for a video (here and in the cache); the next `provide` shows it. */
  chooseTrack: (videoId: VideoId, trackId: string) => Promise<void>;
}

/** The provider's answer for captions we have. */
function toFound(captions: CachedCaptions): ProviderOutcome {
  const { videoId, title, lines, chapters, track, tracks } = captions;
  const source: TranscriptSource = { kind: 'captions', track, tracks, chapters };
  return {
    status: 'found',
    source,
    transcript: {
      video: {
        videoId: videoId as VideoId,
        title: title ?? 'YouTube video',
        thumbnail: '',
        segmentCount: lines.length,
        duration: lines.at(-1)?.end ?? 0,
      },
      segments: lines,
    },
  };
}

async function readCache(cache: CaptionsCacheClient, videoId: VideoId, trackId: string | undefined): Promise<CachedCaptionsOutcome | undefined> {
  try {
    return await cache.read(videoId, trackId);
  } catch {
    return undefined; // no cache is no reason not to ask YouTube
  }
}

export function createCaptionsProvider({ cache, pageData, request, rateLimits, languages, now = Date.now }: CaptionsProviderOptions): CaptionsProvider {
  // Choices made on this page, in case the background cannot keep them.
  const choices = new Map<VideoId, string>();

  const provide: TranscriptProvider = async (videoId, signal, options) => {
    const choice = choices.get(videoId);
    const cached = await readCache(cache, videoId, choice);
    if (cached?.status === 'found') return toFound(cached.captions);

    const player = await pageData.readPlayer(videoId, signal);
    const result = await fetchCaptions({
      videoId,
      player,
      trackId: choice ?? cached?.chosenTrackId,
      languages: languages(),
      request,
      findCaptured: (track) => pageData.findCapturedTimedText(videoId, track),
      rateLimits,
      methods: options?.captionMethods,
      signal,
    });
    switch (result.status) {
      case 'no-tracks':
        return { status: 'no-captions' };
      case 'failed':
        return {
          status: 'captions-failed',
          details: describeFailures(result.failures),
          retryAfterSeconds: findRateLimit(result.failures)?.retryAfterSeconds,
          tracks: (player?.tracks ?? []).map(toStoredTrack),
          trackId: result.track?.id,
          playerCanHelp: result.failures.some((failure) => failure.method === 'player' && failure.reason === 'not-available'),
        };
      case 'found': {
        const captions: CachedCaptions = {
          videoId,
          title: player?.title,
          trackId: result.track?.id ?? '',
          track: result.track && toStoredTrack(result.track),
          tracks: (player?.tracks ?? []).map(toStoredTrack),
          lines: result.lines,
          chapters: result.chapters,
          method: result.method,
          fetchedAt: now(),
        };
        // Kept for the next visit; showing them does not wait for it. Not without the track list: a cache hit
        // is never re-read from the page, so the video would keep no track menu for good.
        if (captions.tracks.length > 0) cache.save(captions).catch(() => undefined);
        return toFound(captions);
      }
    }
  };

  return {
    provide,
    async chooseTrack(videoId, trackId) {
      choices.set(videoId, trackId);
      await cache.remember(videoId, trackId).catch(() => undefined);
    },
  };
}
