import { describe, expect, it } from 'vitest';
import { isSavedVersion, openResponse, requestUrl } from '../../../lib/imports/open-url';

const URL_A = 'https://data.example/train.jsonl';
const MODIFIED = 'Tue, 01 Sep 2026 10:00:00 GMT';

describe('isSavedVersion', () => {
  it.each<[string, Response, { etag?: string; lastModified?: string }, boolean]>([
    ['a 304', new Response(null, { status: 304 }), { etag: '"v1"' }, true],
    ['the same ETag', new Response('x', { headers: { ETag: '"v1"' } }), { etag: '"v1"' }, true],
    ['another ETag', new Response('x', { headers: { ETag: '"v2"' } }), { etag: '"v1"' }, false],
    ['another ETag, the same Last-Modified', new Response('x', { headers: { ETag: '"v2"', 'Last-Modified': MODIFIED } }), { etag: '"v1"', lastModified: MODIFIED }, false],
    ['no ETag, the same Last-Modified', new Response('x', { headers: { 'Last-Modified': MODIFIED } }), { lastModified: MODIFIED }, true],
    ['no ETag, another Last-Modified', new Response('x', { headers: { 'Last-Modified': 'Wed, 02 Sep 2026 10:00:00 GMT' } }), { lastModified: MODIFIED }, false],
    ['no validators on either side', new Response('x'), {}, false],
    ['an error page with the same ETag', new Response('x', { status: 500, headers: { ETag: '"v1"' } }), { etag: '"v1"' }, false],
  ])('%s → %s', (_label, response, saved, expected) => {
    expect(isSavedVersion(response, saved)).toBe(expected);
  });
});

describe('openResponse', () => {
  it.each<[string, Record<string, string>, number | null]>([
    ['a Content-Length', { 'Content-Length': '1234' }, 1234],
    ['no Content-Length', {}, null],
    ['a Content-Length of 0', { 'Content-Length': '0' }, null],
    ['a compressed body (the length counts encoded bytes)', { 'Content-Length': '1234', 'Content-Encoding': 'gzip' }, null],
  ])('knows the total from %s', (_label, headers, totalBytes) => {
    expect(openResponse(new Response('x', { headers }), { url: URL_A }).totalBytes).toBe(totalBytes);
  });
});

describe('requestUrl', () => {
  it.each<[string, { etag?: string; lastModified?: string }, [string | null, string | null]]>([
    ['an ETag alone', { etag: '"v1"' }, ['"v1"', null]],
    ['a Last-Modified alone', { lastModified: MODIFIED }, [null, MODIFIED]],
    ['none', {}, [null, null]],
  ])('sends only the validators it has: %s', async (_label, validators, [ifNoneMatch, ifModifiedSince]) => {
    const requests: Request[] = [];
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Request(input, init));
      return Promise.resolve(new Response('x'));
    };
    await requestUrl({ fetch }, URL_A, new AbortController().signal, validators);
    expect([requests[0]?.headers.get('If-None-Match'), requests[0]?.headers.get('If-Modified-Since')]).toEqual([ifNoneMatch, ifModifiedSince]);
  });
});
