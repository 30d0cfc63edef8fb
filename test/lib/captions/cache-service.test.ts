import { deleteDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openCaptionsDb } from '../../../lib/captions/cache-db';
import { createCaptionsCacheService } from '../../../lib/captions/cache-service';
import type { CachedCaptions } from '../../../lib/captions/cached-captions';
import type { VideoId } from '../../../lib/youtube/url';

const VIDEO = 'Xk3pQ9vT2mA' as VideoId;

const CAPTIONS: CachedCaptions = {
  videoId: 'Xk3pQ9vT2mA',
  trackId: '.en',
  track: { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' },
  tracks: [],
  lines: [{ start: 0, end: 1, text: 'hi' }],
  chapters: [],
  method: 'player',
  fetchedAt: 1,
};

describe('createCaptionsCacheService', () => {
  it('stores, finds, summarizes and clears', async () => {
    const name = `service-${Math.random()}`;
    const database = openCaptionsDb(name);
    const service = createCaptionsCacheService({ database });

    expect(await service.getCachedCaptions({ type: 'getCachedCaptions', videoId: VIDEO })).toEqual({ status: 'not-found', chosenTrackId: undefined });
    expect(await service.saveCaptions({ type: 'saveCaptions', captions: CAPTIONS })).toEqual({ status: 'saved' });
    expect(await service.rememberCaptionsTrack({ type: 'rememberCaptionsTrack', videoId: VIDEO, trackId: '.en' })).toEqual({ status: 'saved' });
    expect(await service.getCachedCaptions({ type: 'getCachedCaptions', videoId: VIDEO })).toEqual({ status: 'found', captions: CAPTIONS, chosenTrackId: '.en' });
    expect(await service.getCaptionsCacheSummary({ type: 'getCaptionsCacheSummary' })).toEqual({ status: 'found', videos: 1, chars: 2 });
    expect(await service.clearCaptionsCache({ type: 'clearCaptionsCache' })).toEqual({ status: 'saved' });
    expect(await service.getCaptionsCacheSummary({ type: 'getCaptionsCacheSummary' })).toEqual({ status: 'found', videos: 0, chars: 0 });

    (await database).close();
    await deleteDB(name);
  });

  it('reports a cache that will not open, on every question, without throwing', async () => {
    const database = Promise.reject(new Error('QuotaExceededError'));
    database.catch(() => undefined);
    const service = createCaptionsCacheService({ database });

    expect(await service.getCachedCaptions({ type: 'getCachedCaptions', videoId: VIDEO })).toEqual({ status: 'error', message: 'The captions cache could not be read: QuotaExceededError' });
    expect(await service.saveCaptions({ type: 'saveCaptions', captions: CAPTIONS })).toEqual({ status: 'error', message: 'The captions cache could not be written: QuotaExceededError' });
    expect(await service.rememberCaptionsTrack({ type: 'rememberCaptionsTrack', videoId: VIDEO, trackId: '.en' })).toMatchObject({ status: 'error' });
    expect(await service.getCaptionsCacheSummary({ type: 'getCaptionsCacheSummary' })).toMatchObject({ status: 'error' });
    expect(await service.clearCaptionsCache({ type: 'clearCaptionsCache' })).toEqual({ status: 'error', message: 'The captions cache could not be cleared: QuotaExceededError' });
  });
});
