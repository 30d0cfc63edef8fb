import { describe, expect, it } from 'vitest';
import { finishLines, parseClockTime } from '../../../../lib/youtube/captions/lines';

describe('parseClockTime', () => {
  it.each([
    ['0:00', 0],
    ['0:07', 7],
    ['1:05', 65],
    ['12:59', 779],
    ['75:03', 4503],
    ['1:02:03', 3723],
    [' 10:00:00 ', 36000],
  ])('%s → %i', (text, seconds) => {
    expect(parseClockTime(text)).toBe(seconds);
  });

  it.each(['', '7', '1:5', '1:60', '1:02:60', '1:2:03', '-1:00', '1:00 PM', '1.05', '0:00:00:01', '1 minute'])('must not match %j', (text) => {
    expect(parseClockTime(text)).toBeUndefined();
  });
});

describe('finishLines', () => {
  it('sorts, ends each line where the next starts, and drops blank lines', () => {
    expect(
      finishLines([
        { start: 10, text: 'third' },
        { start: 0, text: ' first\nline ' },
        { start: 5, text: '  ' },
        { start: 4, text: 'second' },
      ]),
    ).toEqual([
      { start: 0, end: 4, text: 'first line' },
      { start: 4, end: 10, text: 'second' },
      { start: 10, end: 12, text: 'third' },
    ]);
  });

  it('keeps an earlier stated end, never one past the next start', () => {
    expect(
      finishLines([
        { start: 0, end: 1.5, text: 'short' },
        { start: 3, end: 9, text: 'overlaps' },
        { start: 6, end: 7, text: 'last' },
      ]),
    ).toEqual([
      { start: 0, end: 1.5, text: 'short' },
      { start: 3, end: 6, text: 'overlaps' },
      { start: 6, end: 7, text: 'last' },
    ]);
  });

  it.each([
    ['two words: the 2 s floor', 'two words', 2],
    ['ten words: 0.4 s a word', 'one two three four five six seven eight nine ten', 4],
    ['forty words: the 10 s ceiling', Array.from({ length: 40 }, () => 'word').join(' '), 10],
  ])('the last line lasts a reading pace: %s', (_label, text, seconds) => {
    expect(finishLines([{ start: 100, text }])).toEqual([{ start: 100, end: 100 + seconds, text }]);
  });

  it("never runs the last line past the video's end", () => {
    expect(finishLines([{ start: 100, text: 'the end of the talk' }], { videoDuration: 101 })).toEqual([
      { start: 100, end: 101, text: 'the end of the talk' },
    ]);
  });

  it.each([
    ['a negative start', -1],
    ['a start that is not a number', Number.NaN],
    ['an infinite start', Number.POSITIVE_INFINITY],
  ])('must not keep a line with %s', (_label, start) => {
    expect(finishLines([{ start, text: 'bad' }])).toEqual([]);
  });

  it('ignores a stated end before the start', () => {
    expect(finishLines([{ start: 5, end: 4, text: 'x' }, { start: 8, text: 'y' }])[0]).toEqual({ start: 5, end: 8, text: 'x' });
  });
});

describe('finishLines: ends it must not trust', () => {
  it.each([
    ['an end equal to the start', 5],
    ['an infinite end', Number.POSITIVE_INFINITY],
  ])('ignores %s: the line lasts until the next one, or a reading pace', (_label, end) => {
    expect(finishLines([{ start: 5, end, text: 'x' }, { start: 8, text: 'y' }])[0]).toEqual({ start: 5, end: 8, text: 'x' });
    expect(finishLines([{ start: 5, end, text: 'last words' }])).toEqual([{ start: 5, end: 7, text: 'last words' }]);
  });

  it.each([
    ['before the last line starts', 99],
    ['exactly when the last line starts', 100],
  ])('ignores a video duration %s (it is wrong, and would hide the line)', (_label, videoDuration) => {
    expect(finishLines([{ start: 100, text: 'the end of the talk' }], { videoDuration })).toEqual([
      { start: 100, end: 102, text: 'the end of the talk' },
    ]);
  });

  it('collapses runs of tabs and spaces into one space', () => {
    expect(finishLines([{ start: 0, text: 'a\t\tb  c' }])[0]?.text).toBe('a b c');
  });
});
