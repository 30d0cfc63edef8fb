import { describe, expect, it } from 'vitest';
import { copyPaths, parseJsonText, readArray, readNumber, readPath, readText } from '../../../../lib/youtube/captions/json-reader';

describe('readPath', () => {
  const root = { tracks: [{ name: 'English' }, { name: 'Deutsch' }], count: 2 };

  it.each([
    [['tracks', 1, 'name'], 'Deutsch'],
    [['tracks', 0], { name: 'English' }],
    [['count'], 2],
    [[], root],
  ] as const)('%j → %j', (path, expected) => {
    expect(readPath(root, path)).toEqual(expected);
  });

  it.each([
    ['an index into an object', ['count', 0]],
    ['a key on an array', ['tracks', 'length']],
    ['an index past the end', ['tracks', 5, 'name']],
    ['a missing key', ['captions']],
    ['an inherited key', ['toString']],
  ] as const)('must not read %s', (_label, path) => {
    expect(readPath(root, path)).toBeUndefined();
  });
});

describe('readNumber', () => {
  it.each([
    [12, 12],
    ['1234', 1234],
    [' 12 ', 12],
    ['-3.5', -3.5],
  ])('%j → %d', (value, expected) => {
    expect(readNumber({ value }, ['value'])).toBe(expected);
  });

  // [12]: an array whose text is a number (String([12]) is "12").
  it.each([null, '', 'abc', 'abc12', '12abc', '1 2', '0x10', true, Number.NaN, Number.POSITIVE_INFINITY, [[12]]])('must not read %j as a number', (value) => {
    expect(readNumber({ value }, ['value'])).toBeUndefined();
  });
});

describe('readArray', () => {
  it('is empty where the path holds no array', () => {
    expect(readArray({ items: 'none' }, ['items'])).toEqual([]);
    expect(readArray({}, ['items'])).toEqual([]);
  });
});

describe('readText', () => {
  it.each([
    ['a plain string', 'Hello', 'Hello'],
    ['simpleText', { simpleText: 'Hello' }, 'Hello'],
    ['content', { content: 'Hello' }, 'Hello'],
    ['runs, a run without text reading as nothing', { runs: [{ text: 'Hel' }, { bold: true }, { text: 'lo' }] }, 'Hello'],
  ])('reads %s', (_label, value, expected) => {
    expect(readText(value)).toBe(expected);
    expect(readText({ title: value }, ['title'])).toBe(expected);
  });

  it.each([['a number', 5], ['an object of another shape', { label: 'x' }], ['null', null]])('must not read %s', (_label, value) => {
    expect(readText(value)).toBeUndefined();
  });
});

describe('copyPaths', () => {
  it('copies only the values at the paths, in their places, and leaves out missing ones', () => {
    const root = { videoDetails: { videoId: 'abc', title: 'T', author: 'A' }, captions: { tracks: [1] }, ads: {} };
    expect(copyPaths(root, [['videoDetails', 'videoId'], ['videoDetails', 'title'], ['captions', 'tracks'], ['missing', 'value'], []])).toStrictEqual({
      videoDetails: { videoId: 'abc', title: 'T' },
      captions: { tracks: [1] },
    });
  });
});

describe('parseJsonText', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['[1,2]', [1, 2]],
    ['{"a":', undefined],
    ['<html>', undefined],
  ])('%s → %j', (text, expected) => {
    expect(parseJsonText(text)).toEqual(expected);
  });
});
