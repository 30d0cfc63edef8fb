import { describe, expect, it } from 'vitest';
import { formatSrt } from '../../../lib/export/srt';
import { HOSTILE_TEXTS, SAMPLE_SEGMENTS } from './fixtures';
import { parseSrtStrictly } from './srt-parser';

describe('formatSrt', () => {
  it('writes numbered cues with the data’s start and end times', () => {
    const file = formatSrt(SAMPLE_SEGMENTS);
    expect(file).toBe(
      '1\n00:00:00,000 --> 00:00:25,400\nhi there today we\'ll look at distributed representations of words\n\n' +
        '2\n00:00:25,400 --> 00:00:51,220\nin NLP since this paper basically until recently\n\n' +
        '3\n00:59:59,500 --> 01:02:05,125\npast the hour\n',
    );
    expect(parseSrtStrictly(file)).toEqual([
      { index: 1, start: 0, end: 25.4, text: SAMPLE_SEGMENTS[0]!.text },
      { index: 2, start: 25.4, end: 51.22, text: SAMPLE_SEGMENTS[1]!.text },
      { index: 3, start: 3599.5, end: 3725.125, text: 'past the hour' },
    ]);
  });

  it.each(HOSTILE_TEXTS)('keeps %s inside one valid cue, as text', (_name, text) => {
    const file = formatSrt([
      { start: 1, end: 2, text },
      { start: 2, end: 3, text: 'after' },
    ]);
    const cues = parseSrtStrictly(file);
    expect(cues.map((cue) => cue.text)).toHaveLength(2);
    expect(cues[1]).toEqual({ index: 2, start: 2, end: 3, text: 'after' });
    const [first] = cues;
    expect(first!.text).not.toMatch(/\n|-->|<|\{/);
  });

  it('turns markup openers into look-alikes and arrows into ->', () => {
    const [cue] = parseSrtStrictly(formatSrt([{ start: 0, end: 1, text: '<i>hi</i> {\\an8} a --> b ---> c' }]));
    expect(cue!.text).toBe('\uFF1Ci>hi\uFF1C/i> \uFF5B\\an8} a -> b -> c');
  });

  it('leaves out segments with no text, numbering the rest without gaps', () => {
    const cues = parseSrtStrictly(
      formatSrt([
        { start: 0, end: 1, text: 'one' },
        { start: 1, end: 2, text: ' \n ' },
        { start: 2, end: 3, text: 'three' },
      ]),
    );
    expect(cues.map(({ index, text }) => [index, text])).toEqual([
      [1, 'one'],
      [2, 'three'],
    ]);
  });

  it('gives a cue that ends when it starts a millisecond', () => {
    const [cue] = parseSrtStrictly(formatSrt([{ start: 7, end: 7, text: 'instant' }]));
    expect([cue!.start, cue!.end]).toEqual([7, 7.001]);
  });

  it('writes an empty file for no segments', () => {
    expect(formatSrt([])).toBe('');
  });
});

describe('the strict SRT reader used above', () => {
  it.each([
    ['a missing counter', '00:00:00,000 --> 00:00:01,000\nhi\n'],
    ['a counter out of order', '2\n00:00:00,000 --> 00:00:01,000\nhi\n'],
    ['a dot for milliseconds', '1\n00:00:00.000 --> 00:00:01,000\nhi\n'],
    ['no text', '1\n00:00:00,000 --> 00:00:01,000\n'],
    ['a blank line inside a cue', '1\n00:00:00,000 --> 00:00:01,000\nhi\n\n\nthere\n'],
    ['an arrow in the text', '1\n00:00:00,000 --> 00:00:01,000\na --> b\n'],
    ['CRLF', '1\r\n00:00:00,000 --> 00:00:01,000\r\nhi\r\n'],
    ['an end before the start', '1\n00:00:02,000 --> 00:00:01,000\nhi\n'],
    ['no final line break', '1\n00:00:00,000 --> 00:00:01,000\nhi'],
  ])('rejects %s', (_name, file) => {
    expect(() => parseSrtStrictly(file)).toThrow();
  });
});
