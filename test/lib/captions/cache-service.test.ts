import { deleteDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { connectCaptionsDb } from '../../../lib/captions/cache-db';
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
    const database = connectCaptionsDb(name);
    const service = createCaptionsCacheService({ database });

    expect(await service.getCachedCaptions({ type: 'getCachedCaptions', videoId: VIDEO })).toEqual({ status: 'not-found', chosenTrackId: undefined });
    expect(await service.saveCaptions({ type: 'saveCaptions', captions: CAPTIONS })).toEqual({ status: 'saved' });
    expect(await service.rememberCaptionsTrack({ type: 'rememberCaptionsTrack', videoId: VIDEO, trackId: '.en' })).toEqual({ status: 'saved' });
    expect(await service.getCachedCaptions({ type: 'getCachedCaptions', videoId: VIDEO })).toEqual({ status: 'found', captions: CAPTIONS, chosenTrackId: '.en' });
    expect(await service.getCaptionsCacheSummary({ type: 'getCaptionsCacheSummary' })).toEqual({ status: 'found', videos: 1, chars: 2 });
    // A track asked for by name (the viewer picks German in the menu) wins over the chosen one.
    const german: CachedCaptions = { ...CAPTIONS, trackId: '.de', track: { id: '.de', languageCode: 'de', isAutomatic: false, name: 'Deutsch' }, lines: [{ start: 0, end: 1, text: 'hallo' }] };
    expect(await service.saveCaptions({ type: 'saveCaptions', captions: german })).toEqual({ status: 'saved' });
    expect(await service.getCachedCaptions({ type: 'getCachedCaptions', videoId: VIDEO, trackId: '.de' })).toEqual({ status: 'found', captions: german, chosenTrackId: '.en' });
    expect(await service.getCachedCaptions({ type: 'getCachedCaptions', videoId: VIDEO, trackId: '.fr' })).toEqual({ status: 'not-found', chosenTrackId: '.en' });
    expect(await service.clearCaptionsCache({ type: 'clearCaptionsCache' })).toEqual({ status: 'saved' });
    expect(await service.getCaptionsCacheSummary({ type: 'getCaptionsCacheSummary' })).toEqual({ status: 'found', videos: 0, chars: 0 });

    (await database()).close();
    await deleteDB(name);
  });

  it('opens the cache again after the browser took it away (cleared site data), and keeps answering', async () => {
    const name = `service-${Math.random()}`;
    const service = createCaptionsCacheService({ database: connectCaptionsDb(name) });
    expect(await service.saveCaptions({ type: 'saveCaptions', captions: CAPTIONS })).toEqual({ status: 'saved' });

    // Another context deletes the database: ours closes its connection rather than block it.
    await deleteDB(name);

    expect(await service.getCachedCaptions({ type: 'getCachedCaptions', videoId: VIDEO })).toEqual({ status: 'not-found', chosenTrackId: undefined });
    expect(await service.saveCaptions({ type: 'saveCaptions', captions: CAPTIONS })).toEqual({ status: 'saved' });
    expect(await service.getCaptionsCacheSummary({ type: 'getCaptionsCacheSummary' })).toEqual({ status: 'found', videos: 1, chars: 2 });
    await deleteDB(name);
  });

  it('reports a cache that will not open, on every question, without throwing', async () => {
    const service = createCaptionsCacheService({ database: () => Promise.reject(new Error('QuotaExceededError')) });

    expect(await service.getCachedCaptions({ type: 'getCachedCaptions', videoId: VIDEO })).toEqual({ status: 'error', message: 'The captions cache could not be read: QuotaExceededError' });
    expect(await service.saveCaptions({ type: 'saveCaptions', captions: CAPTIONS })).toEqual({ status: 'error', message: 'The captions cache could not be written: QuotaExceededError' });
    expect(await service.rememberCaptionsTrack({ type: 'rememberCaptionsTrack', videoId: VIDEO, trackId: '.en' })).toMatchObject({ status: 'error' });
    expect(await service.getCaptionsCacheSummary({ type: 'getCaptionsCacheSummary' })).toMatchObject({ status: 'error' });
    expect(await service.clearCaptionsCache({ type: 'clearCaptionsCache' })).toEqual({ status: 'error', message: 'The captions cache could not be cleared: QuotaExceededError' });
  });

  it('tells of each change the library search would see, and of nothing else', async () => {
    const name = `service-${Math.random()}`;
    const changes: string[] = [];
    let asking = '';
    const service = createCaptionsCacheService({ database: connectCaptionsDb(name), onChange: () => changes.push(asking) });
    const ask = async (what: string, request: () => Promise<unknown>) => {
      asking = what;
      await request();
    };
    await ask('read', () => service.getCachedCaptions({ type: 'getCachedCaptions', videoId: VIDEO }));
    await ask('save', () => service.saveCaptions({ type: 'saveCaptions', captions: CAPTIONS }));
    await ask('read again', () => service.getCachedCaptions({ type: 'getCachedCaptions', videoId: VIDEO }));
    await ask('summary', () => service.getCaptionsCacheSummary({ type: 'getCaptionsCacheSummary' }));
    await ask('track', () => service.rememberCaptionsTrack({ type: 'rememberCaptionsTrack', videoId: VIDEO, trackId: '.en' }));
    await ask('clear', () => service.clearCaptionsCache({ type: 'clearCaptionsCache' }));
    expect(changes).toEqual(['save', 'track', 'clear']);
    await deleteDB(name);
  });

  it('tells of no change when a write fails', async () => {
    const onChange = vi.fn();
    const service = createCaptionsCacheService({ database: () => Promise.reject(new Error('QuotaExceededError')), onChange });
    await service.saveCaptions({ type: 'saveCaptions', captions: CAPTIONS });
    await service.rememberCaptionsTrack({ type: 'rememberCaptionsTrack', videoId: VIDEO, trackId: '.en' });
    await service.clearCaptionsCache({ type: 'clearCaptionsCache' });
    expect(onChange).not.toHaveBeenCalled();
  });
});
