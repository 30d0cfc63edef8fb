/**
 * The background's answers about the captions cache. Never throws: a cache
 * that cannot be read or written is reported, and the panel fetches from
 * YouTube as if nothing were cached.
 */
import { describeError } from '../format/describe-error';
import {
  clearCaptionsCache,
  readCachedCaptions,
  rememberChosenTrack,
  summarizeCaptionsCache,
  writeCachedCaptions,
  type CaptionsDb,
} from './cache-db';
import type { MessageHandlers } from '../messaging/protocol';

/** The handlers the background registers for the captions cache. */
export type CaptionsCacheService = Pick<
  MessageHandlers,
  'getCachedCaptions' | 'saveCaptions' | 'rememberCaptionsTrack' | 'getCaptionsCacheSummary' | 'clearCaptionsCache'
>;

export interface CaptionsCacheServiceOptions {
  /** The open cache (reopened after the browser takes it away). */
  database: () => Promise<CaptionsDb>;
  maxVideos?: number | undefined;
  now?: () => number;
  /**
   * Called after each write that changes what the library search reads (new
   * captions, a chosen track, an eviction, a cleared cache), not after a read:
   * the background announces it to the pages that keep the captions' index.
   */
  onChange?: (() => void) | undefined;
}

function fail(action: string, error: unknown): { status: 'error'; message: string } {
  return { status: 'error', message: `The captions cache could not ${action}: ${describeError(error)}` };
}

export function createCaptionsCacheService({ database, maxVideos, now = Date.now, onChange }: CaptionsCacheServiceOptions): CaptionsCacheService {
  return {
    async getCachedCaptions({ videoId, trackId }) {
      try {
        const { captions, chosenTrackId } = await readCachedCaptions(await database(), videoId, { trackId, now: now() });
        return captions ? { status: 'found', captions, chosenTrackId } : { status: 'not-found', chosenTrackId };
      } catch (error) {
        return fail('be read', error);
      }
    },
    async saveCaptions({ captions }) {
      try {
        await writeCachedCaptions(await database(), captions, { maxVideos, now: now() });
        onChange?.();
        return { status: 'saved' };
      } catch (error) {
        return fail('be written', error);
      }
    },
    async rememberCaptionsTrack({ videoId, trackId }) {
      try {
        await rememberChosenTrack(await database(), videoId, trackId, { maxVideos, now: now() });
        onChange?.();
        return { status: 'saved' };
      } catch (error) {
        return fail('be written', error);
      }
    },
    async getCaptionsCacheSummary() {
      try {
        return { status: 'found', ...(await summarizeCaptionsCache(await database())) };
      } catch (error) {
        return fail('be read', error);
      }
    },
    async clearCaptionsCache() {
      try {
        await clearCaptionsCache(await database());
        onChange?.();
        return { status: 'saved' };
      } catch (error) {
        return fail('be cleared', error);
      }
    },
  };
}
