import { describe, expect, it } from 'vitest';
import { buildTimedTextUrl, isMissingToken, isTargetOf, readTimedTextUrl } from '../../../../lib/youtube/captions/timedtext-url';
import type { CaptionTrack } from '../../../../lib/youtube/captions/tracks';

const PLAYER_REQUEST =
  'https://www.youtube.com/api/timedtext?v=Xk3pQ9vT2mA&ei=abc&caps=asr&opi=112496729&exp=xpe&xoaf=5&hl=en&ip=0.0.0.0&ipbits=0&expire=1764262800&sparams=ip&signature=9E3F&key=yt8&kind=asr&lang=en&potc=1&pot=MnQ0&fmt=json3&xorb=2&xobt=3&xovt=3&cbrand=apple&c=WEB&cver=2.20261120.01.00';

describe('readTimedTextUrl', () => {
  it("reads the video and track of the player's own request", () => {
    expect(readTimedTextUrl(PLAYER_REQUEST)).toEqual({ videoId: 'Xk3pQ9vT2mA', languageCode: 'en', isAutomatic: true });
  });

  it('reads a relative URL on the page origin', () => {
    expect(readTimedTextUrl('/api/timedtext?v=Xk3pQ9vT2mA&lang=de')).toEqual({ videoId: 'Xk3pQ9vT2mA', languageCode: 'de', isAutomatic: false });
  });

  it.each([
    ['another origin', 'https://evil.example/api/timedtext?v=Xk3pQ9vT2mA&lang=en'],
    ['another path', 'https://www.youtube.com/api/stats/qoe?v=Xk3pQ9vT2mA&lang=en'],
    ['no video', 'https://www.youtube.com/api/timedtext?lang=en'],
    ['no language', 'https://www.youtube.com/api/timedtext?v=Xk3pQ9vT2mA'],
    ['not a URL', 'http://[::1'],
    // An auto-translation of the English track is not the English track (shown or cached as it would mislabel it).
    ["the player's translation to French", PLAYER_REQUEST.replace('&lang=en', '&lang=en&tlang=fr')],
    ['a translation before the language', 'https://www.youtube.com/api/timedtext?tlang=de&v=Xk3pQ9vT2mA&lang=en'],
    ['a translation to the same language', 'https://www.youtube.com/api/timedtext?v=Xk3pQ9vT2mA&lang=en&tlang=en'],
    ['an empty translation parameter', 'https://www.youtube.com/api/timedtext?v=Xk3pQ9vT2mA&lang=en&tlang='],
  ])('must not match: %s', (_label, href) => {
    expect(readTimedTextUrl(href)).toBeUndefined();
  });
});

describe('isTargetOf', () => {
  const automatic: CaptionTrack = { id: 'a.en', languageCode: 'en', isAutomatic: true, name: 'English (auto-generated)' };
  const target = { videoId: 'Xk3pQ9vT2mA', languageCode: 'en', isAutomatic: true };

  it('matches the same video, language and kind', () => {
    expect(isTargetOf(target, 'Xk3pQ9vT2mA', automatic)).toBe(true);
  });

  it.each([
    ['another video', { ...target, videoId: 'T35ba_VXkMY' }],
    ['the manual track', { ...target, isAutomatic: false }],
    ['another language', { ...target, languageCode: 'de' }],
  ])('must not match %s', (_label, other) => {
    expect(isTargetOf(other, 'Xk3pQ9vT2mA', automatic)).toBe(false);
  });
});

describe('buildTimedTextUrl', () => {
  it('asks for json3 at the track address', () => {
    const track: CaptionTrack = { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English', baseUrl: 'https://www.youtube.com/api/timedtext?v=Xk3pQ9vT2mA&lang=en&fmt=srv3' };
    expect(buildTimedTextUrl(track)).toBe('https://www.youtube.com/api/timedtext?v=Xk3pQ9vT2mA&lang=en&fmt=json3');
  });

  it('has nothing to ask without an address', () => {
    expect(buildTimedTextUrl({ id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' })).toBeUndefined();
  });
});

describe('isMissingToken', () => {
  const address = (query: string) => `https://www.youtube.com/api/timedtext?v=Xk3pQ9vT2mA&lang=en&${query}`;

  it.each([
    ['exp=xpe', address('exp=xpe')],
    ['exp=xpv', address('exp=xpv')],
    ['xpe among other experiments', address('exp=abc,xpe')],
    ['xpe after a space', address('exp=abc,%20xpe')],
    ['an empty token', address('exp=xpe&pot=')],
  ])('a token is missing: %s', (_label, href) => {
    expect(isMissingToken(href)).toBe(true);
  });

  it.each([
    ['no experiment', address('fmt=json3')],
    ['another experiment', address('exp=xpx')],
    ["the player's own request, token and all", PLAYER_REQUEST],
    ['not a URL', 'http://[::1'],
  ])('must not match: %s', (_label, href) => {
    expect(isMissingToken(href)).toBe(false);
  });
});
