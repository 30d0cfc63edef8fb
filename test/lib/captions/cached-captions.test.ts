import { describe, expect, it } from 'vitest';
import { isCachedCaptions, toStoredTrack, type CachedCaptions } from '../../../lib/captions/cached-captions';

const ENGLISH = { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' };
const VALID: CachedCaptions = {
  videoId: 'Xk3pQ9vT2mA',
  trackId: '.en',
  track: ENGLISH,
  tracks: [ENGLISH],
  lines: [{ start: 0, end: 2.5, text: '<b>markup stays text</b>' }],
  chapters: [{ start: 0, title: 'Intro' }],
  method: 'get_panel',
  fetchedAt: 1_764_000_000_000,
};

describe('isCachedCaptions', () => {
  it('accepts captions in our shape', () => {
    expect(isCachedCaptions(VALID)).toBe(true);
  });

  it('accepts captions of an unknown track (the panel answered before the page listed tracks)', () => {
    expect(isCachedCaptions({ ...VALID, trackId: '', track: undefined, tracks: [] })).toBe(true);
  });

  it.each([
    ['not an object', 'captions'],
    ['null', null],
    ['nothing', undefined],
    ['a bad video id', { ...VALID, videoId: 'short' }],
    ['a track that is not the one named', { ...VALID, trackId: 'a.en' }],
    ['no track but a track id', { ...VALID, track: undefined }],
    ['no line at all', { ...VALID, lines: [] }],
    ['a line ending before it starts', { ...VALID, lines: [{ start: 5, end: 4, text: 'x' }] }],
    ['a line at a negative time', { ...VALID, lines: [{ start: -1, end: 4, text: 'x' }] }],
    ['a line time that is not a number', { ...VALID, lines: [{ start: '0', end: 4, text: 'x' }] }],
    ['a huge line', { ...VALID, lines: [{ start: 0, end: 4, text: 'x'.repeat(5_001) }] }],
    ['too many lines', { ...VALID, lines: Array.from({ length: 50_001 }, (_, i) => ({ start: i, end: i + 1, text: 'x' })) }],
    ['a chapter without a title', { ...VALID, chapters: [{ start: 0 }] }],
    ['an unknown method', { ...VALID, method: 'scrape' }],
    ['a malformed track in the list', { ...VALID, tracks: [{ id: '.en' }] }],
    ['no fetch time', { ...VALID, fetchedAt: undefined }],
  ])('must not accept %s', (_label, value) => {
    expect(isCachedCaptions(value)).toBe(false);
  });
});

describe('toStoredTrack', () => {
  it('drops the signed address, which expires', () => {
    expect(toStoredTrack({ ...ENGLISH, baseUrl: 'https://www.youtube.com/api/timedtext?v=x&signature=1' })).toEqual(ENGLISH);
  });
});

describe('isCachedCaptions at its limits', () => {
  const track = (overrides: Record<string, unknown>) => ({ ...ENGLISH, ...overrides });

  it.each<[string, Partial<Record<keyof CachedCaptions, unknown>>]>([
    ['a text of 5,000 characters', { lines: [{ start: 0, end: 1, text: 'x'.repeat(5_000) }] }],
    ['a line of no length', { lines: [{ start: 3, end: 3, text: 'x' }] }],
    ['a title of 500 characters', { title: 'x'.repeat(500) }],
    ['a chapter title of 500 characters', { chapters: [{ start: 0, title: 'x'.repeat(500) }] }],
    ['no chapters', { chapters: [] }],
    ['200 tracks', { tracks: Array.from({ length: 200 }, () => ENGLISH) }],
    ['a track id of 100 characters', { trackId: 'x'.repeat(100), track: track({ id: 'x'.repeat(100) }) }],
  ])('keeps %s', (_label, overrides) => {
    expect(isCachedCaptions({ ...VALID, ...overrides })).toBe(true);
  });

  it.each<[string, Partial<Record<keyof CachedCaptions, unknown>>]>([
    ['a text of 5,001 characters', { lines: [{ start: 0, end: 1, text: 'x'.repeat(5_001) }] }],
    ['a time that is not a number', { lines: [{ start: '0', end: 1, text: 'x' }] }],
    ['an infinite time', { fetchedAt: Number.POSITIVE_INFINITY }],
    ['a title of 501 characters', { title: 'x'.repeat(501) }],
    ['a chapter without a start', { chapters: [{ title: 'Intro' }] }],
    ['a chapter that is not an object', { chapters: ['Intro'] }],
    ['201 tracks', { tracks: Array.from({ length: 201 }, () => ENGLISH) }],
    ['a track that is not an object', { tracks: ['English'] }],
    ['a track without an id', { tracks: [track({ id: 5 })] }],
    ['a track with a language code of 41 characters', { tracks: [track({ languageCode: 'x'.repeat(41) })] }],
    ['a track whose kind is not a boolean', { tracks: [track({ isAutomatic: 'no' })] }],
    ['a track with a name of 201 characters', { tracks: [track({ name: 'x'.repeat(201) })] }],
  ])('must not keep %s', (_label, overrides) => {
    expect(isCachedCaptions({ ...VALID, ...overrides })).toBe(false);
  });
});
