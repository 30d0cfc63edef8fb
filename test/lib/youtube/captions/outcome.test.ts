import { describe, expect, it } from 'vitest';
import { describeFailures, findRateLimit, judgeHttpAnswer, judgeParsed, type MethodFailure } from '../../../../lib/youtube/captions/outcome';
import { readFixtureText } from './read-fixture';

describe('judgeHttpAnswer', () => {
  it.each([
    ['an empty 200 is blocked, not "no captions"', { status: 200, body: readFixtureText('timedtext-empty.txt') }, { method: 'timedtext', reason: 'blocked' }],
    ['a 200 of whitespace is blocked too', { status: 200, body: ' \n' }, { method: 'timedtext', reason: 'blocked' }],
    ["get_transcript's 400", { status: 400, body: readFixtureText('get-transcript-400.json') }, { method: 'timedtext', reason: 'http', status: 400, errorStatus: 'FAILED_PRECONDITION' }],
    ['a 429 with Retry-After seconds', { status: 429, body: readFixtureText('get-panel-429.json'), retryAfter: '120' }, { method: 'timedtext', reason: 'rate-limited', retryAfterSeconds: 120 }],
    ['a 429 "sorry" page without Retry-After', { status: 429, body: readFixtureText('timedtext-429.html') }, { method: 'timedtext', reason: 'rate-limited', retryAfterSeconds: undefined }],
    ['a 429 with an HTTP date', { status: 429, body: '', retryAfter: 'Fri, 27 Nov 2026 10:01:00 GMT' }, { method: 'timedtext', reason: 'rate-limited', retryAfterSeconds: 60 }],
    ['a 500 with an HTML body', { status: 500, body: '<html>oops</html>' }, { method: 'timedtext', reason: 'http', status: 500, errorStatus: undefined }],
  ])('%s', (_label, answer, expected) => {
    expect(judgeHttpAnswer('timedtext', answer, Date.parse('2026-11-27T10:00:00Z'))).toEqual(expected);
  });

  it.each([
    ['a 200 with a body', { status: 200, body: '{}' }],
    ['a 204-style 2xx with a body', { status: 203, body: '<transcript/>' }],
  ])('must not fail: %s is worth parsing', (_label, answer) => {
    expect(judgeHttpAnswer('get_panel', answer)).toBeUndefined();
  });
});

describe('judgeHttpAnswer: Retry-After and status edges', () => {
  const now = Date.parse('2026-11-27T10:00:00Z');

  it.each([
    ['null (no header)', null, undefined],
    ['seconds with spaces around', ' 120 ', 120],
    ['a date in the past', 'Fri, 27 Nov 2026 09:00:00 GMT', 0],
    ['seconds with a unit', '120 seconds', undefined],
    ['a word and seconds', 'x120', undefined],
    ['blank', '  ', undefined],
  ])('Retry-After %s → %j', (_label, retryAfter, retryAfterSeconds) => {
    expect(judgeHttpAnswer('timedtext', { status: 429, body: '', retryAfter }, now)).toEqual({ method: 'timedtext', reason: 'rate-limited', retryAfterSeconds });
  });

  it.each([
    [199, 'http'],
    [299, undefined],
    [300, 'http'],
    [304, 'http'],
  ])('status %i → %s', (status, reason) => {
    expect(judgeHttpAnswer('get_panel', { status, body: '<transcript/>' })?.reason).toBe(reason);
  });
});

describe('judgeParsed', () => {
  it('passes lines and chapters through', () => {
    expect(judgeParsed('get_panel', { kind: 'parsed', lines: [{ start: 0, end: 1, text: 'a' }], chapters: [] })).toEqual({
      lines: [{ start: 0, end: 1, text: 'a' }],
      chapters: [],
    });
  });

  it.each(['empty', 'unrecognized'] as const)('turns %s into a failure of the method', (kind) => {
    expect(judgeParsed('player', { kind })).toEqual({ method: 'player', reason: kind });
  });
});

describe('describeFailures', () => {
  it('writes one line for bug reports, method by method', () => {
    const failures: MethodFailure[] = [
      { method: 'get_panel', reason: 'http', status: 400, errorStatus: 'FAILED_PRECONDITION' },
      { method: 'player', reason: 'not-available' },
      { method: 'timedtext', reason: 'blocked' },
    ];
    expect(describeFailures(failures)).toBe(
      'get_panel: HTTP 400 FAILED_PRECONDITION; player: the player has not loaded this track; timedtext: empty answer (needs a proof-of-origin token)',
    );
  });

  it.each<[MethodFailure, string]>([
    [{ method: 'get_panel', reason: 'rate-limited', retryAfterSeconds: 30 }, 'get_panel: HTTP 429 (too many requests, retry after 30 s)'],
    [{ method: 'get_panel', reason: 'rate-limited' }, 'get_panel: HTTP 429 (too many requests)'],
    [{ method: 'get_panel', reason: 'http', status: 503 }, 'get_panel: HTTP 503'],
    [{ method: 'get_panel', reason: 'network', message: 'Failed to fetch' }, 'get_panel: no answer (Failed to fetch)'],
    [{ method: 'get_panel', reason: 'empty' }, 'get_panel: no caption lines in the answer'],
    [{ method: 'get_panel', reason: 'unrecognized' }, 'get_panel: answer in an unknown shape'],
    [{ method: 'timedtext', reason: 'not-available' }, 'timedtext: no address for this track'],
  ])('%j → %s', (failure, text) => {
    expect(describeFailures([failure])).toBe(text);
  });
});

describe('findRateLimit', () => {
  it('is absent when YouTube did not ask us to slow down', () => {
    expect(findRateLimit([{ method: 'timedtext', reason: 'blocked' }])).toBeUndefined();
  });

  it('takes the longest wait asked for', () => {
    expect(
      findRateLimit([
        { method: 'get_panel', reason: 'rate-limited', retryAfterSeconds: 30 },
        { method: 'timedtext', reason: 'rate-limited' },
        { method: 'timedtext', reason: 'rate-limited', retryAfterSeconds: 90 },
      ]),
    ).toEqual({ retryAfterSeconds: 90 });
  });

  it('knows no wait when none was given', () => {
    expect(findRateLimit([{ method: 'get_panel', reason: 'rate-limited' }])).toEqual({ retryAfterSeconds: undefined });
  });
});
