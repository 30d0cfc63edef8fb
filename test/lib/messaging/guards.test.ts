// The background's request guards at their edges: the largest and smallest values they let through, and near misses.
import { describe, expect, it } from 'vitest';
import { isRequest } from '../../../lib/messaging/guards';

const VIDEO = 'yexR53My2O4';
const page = (overrides: Record<string, unknown> = {}) => ({ videoLimit: 10, hitsPerVideo: 3, ...overrides });

describe('isRequest at the edges', () => {
  it.each<[string, unknown]>([
    ['the full dataset download', { type: 'downloadFullDataset' }],
    ['the automatic setting turned on', { type: 'setFullDatasetAutomatic', automatic: true }],
    ['a track id of 100 characters', { type: 'getCachedCaptions', videoId: VIDEO, trackId: 'a'.repeat(100) }],
    ['a query of 500 characters', { type: 'searchLibrary', query: 'x'.repeat(500), page: page() }],
    ['a page of one video and one hit', { type: 'searchLibrary', query: 'x', page: page({ videoLimit: 1, hitsPerVideo: 1 }) }],
    ['a page of 100 videos and 500 hits each', { type: 'searchLibrary', query: 'x', page: page({ videoLimit: 100, hitsPerVideo: 500 }) }],
  ])('lets through %s', (_label, message) => {
    expect(isRequest(message)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['the automatic setting as text', { type: 'setFullDatasetAutomatic', automatic: 'yes' }],
    ['a track id that is not text', { type: 'getCachedCaptions', videoId: VIDEO, trackId: 5 }],
    ['a track id of 101 characters', { type: 'getCachedCaptions', videoId: VIDEO, trackId: 'a'.repeat(101) }],
    ['a track remembered for no video', { type: 'rememberCaptionsTrack', videoId: 'nope', trackId: '.en' }],
    ['a page of no videos', { type: 'searchLibrary', query: 'x', page: page({ videoLimit: 0 }) }],
    ['a page of 101 videos', { type: 'searchLibrary', query: 'x', page: page({ videoLimit: 101 }) }],
    ['a page of half a video', { type: 'searchLibrary', query: 'x', page: page({ videoLimit: 1.5 }) }],
    ['a page of 501 hits a video', { type: 'searchLibrary', query: 'x', page: page({ hitsPerVideo: 501 }) }],
    ["a name from Object's prototype", { type: 'toString' }],
    ['a name that is not text', { type: 5 }],
  ])('must not let through %s', (_label, message) => {
    expect(isRequest(message)).toBe(false);
  });
});
