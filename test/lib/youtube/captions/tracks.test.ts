import { describe, expect, it } from 'vitest';
import { chooseTrack, isPanelTrack, parseCaptionTracks, type CaptionTrack } from '../../../../lib/youtube/captions/tracks';
import { readFixtureJson } from './read-fixture';

function track(id: string, languageCode: string, isAutomatic = false): CaptionTrack {
  return { id, languageCode, isAutomatic, name: id };
}

const GERMAN = track('.de', 'de');
const ENGLISH = track('.en', 'en');
const ENGLISH_AUTO = track('a.en', 'en', true);
const FRENCH_AUTO = track('a.fr', 'fr', true);
const BRITISH = track('.en-GB', 'en-GB');

describe('parseCaptionTracks', () => {
  it("lists a player response's tracks in YouTube's order with YouTube's names", () => {
    expect(parseCaptionTracks(readFixtureJson('player-response.json'))).toEqual([
      { id: '.de', languageCode: 'de', isAutomatic: false, name: 'German', baseUrl: expect.stringContaining('&lang=de') as string },
      { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English', baseUrl: expect.stringContaining('&lang=en') as string },
      { id: 'a.en', languageCode: 'en', isAutomatic: true, name: 'English (auto-generated)', baseUrl: expect.stringContaining('kind=asr') as string },
    ]);
  });

  it('names a track YouTube left unnamed, and builds an id from language and kind', () => {
    const response = { captions: { playerCaptionsTracklistRenderer: { captionTracks: [{ languageCode: 'pt-BR', kind: 'asr' }] } } };
    expect(parseCaptionTracks(response)).toEqual([
      { id: 'a.pt-BR', languageCode: 'pt-BR', isAutomatic: true, name: 'Brazilian Portuguese (auto-generated)', baseUrl: undefined },
    ]);
  });

  it.each([
    ['another host', 'https://evil.example/api/timedtext?v=x&lang=en'],
    ['another path on YouTube', 'https://www.youtube.com/logout?lang=en'],
    ['a script URL', 'javascript:alert(1)'],
  ])('must not keep a baseUrl on %s', (_label, baseUrl) => {
    const response = { captions: { playerCaptionsTracklistRenderer: { captionTracks: [{ languageCode: 'en', baseUrl }] } } };
    expect(parseCaptionTracks(response)[0]?.baseUrl).toBeUndefined();
  });

  it('makes a relative baseUrl absolute on the page origin', () => {
    const response = { captions: { playerCaptionsTracklistRenderer: { captionTracks: [{ languageCode: 'en', baseUrl: '/api/timedtext?v=x&lang=en' }] } } };
    expect(parseCaptionTracks(response)[0]?.baseUrl).toBe('https://www.youtube.com/api/timedtext?v=x&lang=en');
  });

  it.each([
    ['no captions object', {}],
    ['null', null],
    ['tracks that are not an array', { captions: { playerCaptionsTracklistRenderer: { captionTracks: {} } } }],
  ])('must not match: %s gives no track', (_label, response) => {
    expect(parseCaptionTracks(response)).toEqual([]);
  });

  it('skips malformed entries and repeated ids', () => {
    const response = {
      captions: {
        playerCaptionsTracklistRenderer: {
          captionTracks: [null, { languageCode: 42 }, { languageCode: '<script>' }, { languageCode: 'en', vssId: '.en' }, { languageCode: 'en', vssId: '.en' }],
        },
      },
    };
    expect(parseCaptionTracks(response).map((entry) => entry.id)).toEqual(['.en']);
  });
});

describe('chooseTrack', () => {
  it.each([
    ['a manual track in the first language', [GERMAN, ENGLISH_AUTO, ENGLISH], ['en-US', 'de'], ENGLISH],
    ["that language's automatic track when it has no manual one", [GERMAN, ENGLISH_AUTO], ['en-US', 'de'], ENGLISH_AUTO],
    ['an exact regional match before another region', [ENGLISH, BRITISH], ['en-GB'], BRITISH],
    ['a regional track for a bare language', [BRITISH, GERMAN], ['en'], BRITISH],
    ['the next language when the first has no track', [GERMAN, FRENCH_AUTO], ['es', 'fr'], FRENCH_AUTO],
    ['the first manual track when no language matches', [FRENCH_AUTO, GERMAN, ENGLISH], ['ja'], GERMAN],
    ['the first track when all are automatic', [FRENCH_AUTO, ENGLISH_AUTO], ['ja'], FRENCH_AUTO],
    ['the first manual track with no language at all', [ENGLISH_AUTO, GERMAN], [], GERMAN],
  ])('picks %s', (_label, tracks, languages, expected) => {
    expect(chooseTrack(tracks, languages)).toBe(expected);
  });

  it('has nothing to pick without tracks', () => {
    expect(chooseTrack([], ['en'])).toBeUndefined();
  });
});

describe('isPanelTrack', () => {
  it.each([
    ['a manual track', ENGLISH, [ENGLISH, ENGLISH_AUTO], true],
    ['an automatic track beside a manual one of its language', ENGLISH_AUTO, [ENGLISH, ENGLISH_AUTO], false],
    ['an automatic track alone in its language', FRENCH_AUTO, [ENGLISH, FRENCH_AUTO], true],
    ['a second manual track of the same language', track('.en.talk', 'en'), [ENGLISH, track('.en.talk', 'en')], false],
  ])('%s → %s', (_label, candidate, tracks, expected) => {
    expect(isPanelTrack(candidate, tracks)).toBe(expected);
  });
});

describe('parseCaptionTracks and chooseTrack: names, ids and languages at the edges', () => {
  const responseOf = (captionTracks: unknown[]) => ({ captions: { playerCaptionsTracklistRenderer: { captionTracks } } });

  it.each([
    ['a manual track left unnamed', { languageCode: 'de' }, { id: '.de', name: 'German' }],
    ['a name with untidy whitespace', { languageCode: 'en', vssId: '.en', name: { simpleText: '  English \n (UK) ' } }, { id: '.en', name: 'English (UK)' }],
    ['a code no language name exists for', { languageCode: 'en-a' }, { id: '.en-a', name: 'en-a' }],
  ])('%s', (_label, entry, expected) => {
    expect(parseCaptionTracks(responseOf([entry]))).toMatchObject([expected]);
  });

  it("does not take another language that shares a first letter for the viewer's", () => {
    expect(chooseTrack([track('.fr', 'fr'), track('a.es', 'es', true)], ['en-US'])?.id).toBe('.fr');
  });
});
