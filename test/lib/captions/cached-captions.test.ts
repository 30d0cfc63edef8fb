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
