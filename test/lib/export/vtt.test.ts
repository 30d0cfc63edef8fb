import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import webvtt, { type WebVTTNode } from 'webvtt-parser';
import { describe, expect, it } from 'vitest';
import { toSingleLine } from '../../../lib/export/clean-text';
import { formatVtt } from '../../../lib/export/vtt';
import { HOSTILE_TEXTS, SAMPLE_SEGMENTS } from './fixtures';

const { WebVTTParser } = webvtt;
/** HTML's named character references, as the spec's parser knows them. */
const ENTITIES = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('webvtt-parser/html-entities.json'), 'utf8'),
) as Record<string, string>;
const parseVttWithErrors = (file: string) => new WebVTTParser(ENTITIES).parse(file, 'metadata');

/** w3c/webvtt.js, the parser behind the W3C WebVTT validator; fails the test on any error it reports. */
function parseVtt(file: string) {
  const result = parseVttWithErrors(file);
  expect(result.errors).toEqual([]);
  return result.cues;
}

/** The text a player shows for a cue; fails if the cue holds any tag (italic, class, voice…). */
function shownText(tree: WebVTTNode): string {
  return tree.children
    .map((node) => {
      expect(node.type).toBe('text');
      return node.value ?? '';
    })
    .join('');
}

describe('formatVtt', () => {
  it('writes the signature and cues with the data’s start and end times', () => {
    const file = formatVtt(SAMPLE_SEGMENTS);
    expect(file).toBe(
      'WEBVTT\n\n' +
        '00:00:00.000 --> 00:00:25.400\nhi there today we\'ll look at distributed representations of words\n\n' +
        '00:00:25.400 --> 00:00:51.220\nin NLP since this paper basically until recently\n\n' +
        '00:59:59.500 --> 01:02:05.125\npast the hour\n',
    );
    const cues = parseVtt(file);
    expect(cues.map(({ startTime, endTime }) => [startTime, endTime])).toEqual([
      [0, 25.4],
      [25.4, 51.22],
      [3599.5, 3725.125],
    ]);
    expect(cues.map((cue) => shownText(cue.tree))).toEqual(SAMPLE_SEGMENTS.map((segment) => segment.text));
  });

  it.each(HOSTILE_TEXTS)('shows %s exactly as text, in one valid cue', (_name, text) => {
    const cues = parseVtt(
      formatVtt([
        { start: 1, end: 2, text },
        { start: 2, end: 3, text: 'after' },
      ]),
    );
    expect(cues).toHaveLength(2);
    expect(shownText(cues[0]!.tree)).toBe(toSingleLine(text));
    expect([cues[1]!.startTime, cues[1]!.endTime, shownText(cues[1]!.tree)]).toEqual([2, 3, 'after']);
  });

  it('escapes &, < and > as character references', () => {
    expect(formatVtt([{ start: 0, end: 1, text: '<b>A&B</b> -->' }])).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n&lt;b&gt;A&amp;B&lt;/b&gt; --&gt;\n');
  });

  it('leaves out segments with no text, and is a valid empty file for none', () => {
    expect(parseVtt(formatVtt([{ start: 0, end: 1, text: '\n' }, { start: 1, end: 2, text: 'two' }])).map((cue) => cue.text)).toEqual(['two']);
    expect(formatVtt([])).toBe('WEBVTT\n');
    expect(parseVtt(formatVtt([]))).toEqual([]);
  });
});

describe('the WebVTT parser used above', () => {
  it.each([
    ['no signature', '00:00:00.000 --> 00:00:01.000\nhi\n'],
    ['a comma for milliseconds', 'WEBVTT\n\n00:00:00,000 --> 00:00:01.000\nhi\n'],
    ['an arrow in cue text', 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\na --> b\n'],
  ])('reports %s', (_name, file) => {
    expect(parseVttWithErrors(file).errors.length).toBeGreaterThan(0);
  });

  it('sees a tag in unescaped cue text, and loses text after a bare <', () => {
    const [italic] = parseVttWithErrors('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<i>hi</i>\n').cues;
    expect(italic!.tree.children.map((node) => node.type)).toEqual(['object']);
    const [bare] = parseVttWithErrors('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\na < b\n').cues;
    expect(bare!.tree.children.map((node) => node.value)).toEqual(['a ']);
  });
});
