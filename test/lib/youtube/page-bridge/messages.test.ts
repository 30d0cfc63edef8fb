import { describe, expect, it } from 'vitest';
import { decodePageData, MAX_MESSAGE_CHARS } from '../../../../lib/youtube/page-bridge/messages';

const json = (value: unknown) => JSON.stringify(value);

describe('decodePageData', () => {
  it.each([
    ['captured timed text', json({ kind: 'timedtext', url: '/api/timedtext?v=x', body: '{}', extra: 1 }), { kind: 'timedtext', url: '/api/timedtext?v=x', body: '{}' }],
    [
      'a player snapshot, keeping only string client fields',
      json({ kind: 'player', playerResponse: { a: 1 }, client: { clientVersion: '2.2026', hl: 5, gl: 'CH' }, panelParams: 'P' }),
      { kind: 'player', playerResponse: { a: 1 }, client: { clientVersion: '2.2026', hl: undefined, gl: 'CH' }, panelParams: 'P' },
    ],
    [
      'a player snapshot without client or params',
      json({ kind: 'player', playerResponse: null, client: 'x' }),
      { kind: 'player', playerResponse: null, client: { clientVersion: undefined, hl: undefined, gl: undefined }, panelParams: undefined },
    ],
  ])('reads %s', (_label, detail, expected) => {
    expect(decodePageData(detail)).toStrictEqual(expected);
  });

  it.each<[string, unknown]>([
    ['an object instead of JSON text', { kind: 'timedtext', url: 'u', body: 'b' }],
    ['text that is not JSON', '{"kind":'],
    ['JSON that is not an object', json(['timedtext'])],
    ['an unknown kind', json({ kind: 'other' })],
    ['timed text without a URL', json({ kind: 'timedtext', body: 'b' })],
    ['timed text without a body', json({ kind: 'timedtext', url: 'u' })],
    ['timed text with a body of another type', json({ kind: 'timedtext', url: 'u', body: 5 })],
    ['a snapshot with params of another type', json({ kind: 'player', panelParams: 5 })],
    ['a message over the size limit', json({ kind: 'timedtext', url: 'u', body: 'x'.repeat(MAX_MESSAGE_CHARS) })],
  ])('must not read %s', (_label, detail) => {
    expect(decodePageData(detail)).toBeUndefined();
  });

  it('reads a message of exactly the size limit', () => {
    const frame = json({ kind: 'timedtext', url: 'u', body: '' });
    const detail = json({ kind: 'timedtext', url: 'u', body: 'x'.repeat(MAX_MESSAGE_CHARS - frame.length) });
    expect(detail).toHaveLength(MAX_MESSAGE_CHARS);
    expect(decodePageData(detail)).toMatchObject({ kind: 'timedtext', url: 'u' });
  });
});
