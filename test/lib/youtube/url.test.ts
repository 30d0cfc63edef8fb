import { describe, expect, it } from 'vitest';
import { buildWatchUrl, isVideoId, parseVideoId, type VideoId } from '../../../lib/youtube/url';

const ID = 'yexR53My2O4';

describe('parseVideoId', () => {
  it.each([
    ['https://www.youtube.com/watch?v=yexR53My2O4', ID],
    ['https://www.youtube.com/watch?v=yexR53My2O4&t=673s', ID],
    ['https://www.youtube.com/watch?list=PL1v8zpldgH3pQwRz1FORZdChMaNZaR3pu&v=yexR53My2O4&index=4', ID],
    ['https://www.youtube.com/watch?v=yexR53My2O4&list=PL1v8zpldgH3pQwRz1FORZdChMaNZaR3pu&index=2&pp=iAQB', ID],
    ['https://www.youtube.com/watch?t=1h2m3s&v=yexR53My2O4', ID],
    ['https://www.youtube.com/watch?feature=share&v=T35ba_VXkMY', 'T35ba_VXkMY'],
    ['https://www.youtube.com/watch/?v=yexR53My2O4', ID],
    ['https://youtube.com/watch?v=yexR53My2O4', ID],
    ['http://www.youtube.com/watch?v=yexR53My2O4', ID],
    ['https://www.youtube.com/watch?v=yexR53My2O4#comments', ID],
    ['https://m.youtube.com/watch?v=yexR53My2O4&feature=youtu.be', ID],
    ['https://music.youtube.com/watch?v=yexR53My2O4&list=RDAMVM', ID],
    ['https://www.youtube.com/live/n1SXlK5rhR8', 'n1SXlK5rhR8'],
    ['https://www.youtube.com/live/n1SXlK5rhR8?si=abc&t=10', 'n1SXlK5rhR8'],
    ['https://www.youtube.com/shorts/T35ba_VXkMY', 'T35ba_VXkMY'],
    ['https://m.youtube.com/shorts/T35ba_VXkMY?feature=share', 'T35ba_VXkMY'],
    ['https://www.youtube.com/embed/yexR53My2O4?start=30', ID],
    ['https://www.youtube-nocookie.com/embed/yexR53My2O4', ID],
    ['https://www.youtube.com/shorts/-_-_-_-_-_-', '-_-_-_-_-_-'],
    ['https://www.youtube.com/watch?v=yexR53My2O4&v=T35ba_VXkMY', ID],
  ])('%s → %s', (url, expected) => {
    expect(parseVideoId(url)).toBe(expected);
  });

  it.each([
    ['home page', 'https://www.youtube.com/'],
    ['search results', 'https://www.youtube.com/results?search_query=word2vec'],
    ['channel', 'https://www.youtube.com/@YannicKilcher'],
    ['channel by id', 'https://www.youtube.com/channel/UCZHmQk67mSJgfCCTn7xBfew'],
    ['playlist page', 'https://www.youtube.com/playlist?list=PL1v8zpldgH3pQwRz1FORZdChMaNZaR3pu'],
    ['watch without v', 'https://www.youtube.com/watch?list=PL1v8zpldgH3pQwRz1FORZdChMaNZaR3pu'],
    ['id too short', 'https://www.youtube.com/watch?v=yexR53My2O'],
    ['id too long', 'https://www.youtube.com/watch?v=yexR53My2O4x'],
    ['id with a bad character', 'https://www.youtube.com/watch?v=yexR53My2O!'],
    ['short link (a link, never a page we run on)', 'https://youtu.be/yexR53My2O4'],
    ['another site with the same path', 'https://www.example.com/watch?v=yexR53My2O4'],
    ['look-alike host', 'https://www.youtube.com.evil.example/watch?v=yexR53My2O4'],
    ['shorts without id', 'https://www.youtube.com/shorts/'],
    ['extra path after the id', 'https://www.youtube.com/shorts/T35ba_VXkMY/extra'],
    ['extra path after watch', 'https://www.youtube.com/watch/extra?v=yexR53My2O4'],
    ['a v parameter on another page', 'https://www.youtube.com/results?v=yexR53My2O4'],
    ['a custom channel name of 11 characters', 'https://www.youtube.com/c/abcdefghijk'],
    ['an id-like first path segment', 'https://www.youtube.com/yexR53My2O4'],
    ['non-http scheme', 'javascript://www.youtube.com/watch?v=yexR53My2O4'],
    ['not a URL', 'watch?v=yexR53My2O4'],
  ])('must not match: %s', (_label, url) => {
    expect(parseVideoId(url)).toBeNull();
  });
});

describe('isVideoId', () => {
  it('accepts exactly 11 characters of A-Z a-z 0-9 _ -', () => {
    expect(isVideoId('yexR53My2O4')).toBe(true);
    expect(isVideoId('yexR53My2O')).toBe(false);
    expect(isVideoId('yexR53My2O4 ')).toBe(false);
    expect(isVideoId('yexR53My2O.')).toBe(false);
    expect(isVideoId(12345678901)).toBe(false);
    expect(isVideoId(null)).toBe(false);
  });
});

describe('buildWatchUrl', () => {
  it('links to whole seconds', () => {
    expect(buildWatchUrl(ID as VideoId, 123.9)).toBe('https://www.youtube.com/watch?v=yexR53My2O4&t=123s');
    expect(buildWatchUrl(ID as VideoId, -4)).toBe('https://www.youtube.com/watch?v=yexR53My2O4&t=0s');
  });
});
