import { describe, expect, it } from 'vitest';
import { parsePanelResponse } from '../../../../lib/youtube/captions/panel-response';
import { readFixtureJson } from './read-fixture';

describe('parsePanelResponse', () => {
  it('reads lines and chapter headers of the modern panel', () => {
    expect(parsePanelResponse(readFixtureJson('get-panel-modern-chapters.json'))).toEqual({
      kind: 'parsed',
      lines: [
        { start: 0, end: 4, text: 'welcome back to the channel' },
        { start: 4, end: 9, text: 'today we look at negative sampling' },
        { start: 9, end: 13, text: 'the softmax is expensive' },
        // The last line: a reading pace for 6 words, 2.4 s.
        { start: 13, end: 15.4, text: 'so we sample a few words' },
      ],
      chapters: [
        { start: 0, title: 'Intro' },
        { start: 9, title: 'Why sampling works' },
      ],
    });
  });

  it('reads chapters sent among the lines, dates a line by its timestamp when it has no endpoint, keeps markup as text', () => {
    expect(parsePanelResponse(readFixtureJson('get-panel-modern-inline.json'), { videoDuration: 3732 })).toEqual({
      kind: 'parsed',
      lines: [
        { start: 1, end: 45, text: 'first line' },
        { start: 45, end: 3723, text: 'a line after the chapter' },
        { start: 3723, end: 3730, text: 'a line with no endpoint, dated by its timestamp' },
        // Capped at the video's end.
        { start: 3730, end: 3732, text: '<b>bold</b> & <img src=x onerror=alert(1)>' },
      ],
      chapters: [{ start: 30, title: 'Part two' }],
    });
  });

  it('reads the older panel generation (renderers, milliseconds)', () => {
    expect(parsePanelResponse(readFixtureJson('get-panel-legacy.json'))).toEqual({
      kind: 'parsed',
      lines: [
        { start: 0, end: 3.2, text: 'hello and welcome' },
        { start: 3.2, end: 8, text: 'to part one' },
        { start: 8, end: 11.5, text: 'here are the details' },
      ],
      chapters: [
        { start: 0, title: 'Intro' },
        { start: 8, title: 'The details' },
      ],
    });
  });

  it('dates a chapter without its own start by the line after it', () => {
    const answer = modernAnswer([
      { macroMarkersPanelItemViewModel: { item: { timelineChapterViewModel: { title: { content: 'Setup' } } } } },
      lineItem(12, 'after the heading'),
    ]);
    expect(parsePanelResponse(answer)).toMatchObject({ chapters: [{ start: 12, title: 'Setup' }] });
  });

  it('takes the start from the endpoint over the display timestamp', () => {
    const item = lineItem(12, 'twelve seconds in', '0:30');
    expect(parsePanelResponse(modernAnswer([item]))).toMatchObject({ lines: [{ start: 12 }] });
  });

  it('refuses an answer whose lines lead to another video (the page moved on mid-request)', () => {
    expect(parsePanelResponse(readFixtureJson('get-panel-modern-chapters.json'), { videoId: 'T35ba_VXkMY' })).toEqual({ kind: 'other-video' });
    expect(parsePanelResponse(readFixtureJson('get-panel-modern-inline.json'), { videoId: 'T35ba_VXkMY' })).toEqual({ kind: 'other-video' });
  });

  it.each([
    ['lines of the video asked for', readFixtureJson('get-panel-modern-chapters.json')],
    ['the older generation, which names no video', readFixtureJson('get-panel-legacy.json')],
    ['lines that name no video', modernAnswer([{ macroMarkersPanelItemViewModel: { item: lineItem(3, 'x').macroMarkersPanelItemViewModel.item, onTap: { innertubeCommand: { watchEndpoint: { startTimeSeconds: 3 } } } } }])],
  ])('must not refuse %s', (_label, answer) => {
    expect(parsePanelResponse(answer, { videoId: 'Xk3pQ9vT2mA' })).toMatchObject({ kind: 'parsed' });
  });

  it('an answer of the right shape with no line is empty, not missing captions', () => {
    expect(parsePanelResponse(readFixtureJson('get-panel-no-transcript.json'))).toEqual({ kind: 'empty' });
  });

  it.each([
    ['null', null],
    ['a string', 'not json'],
    ['an empty object', {}],
    ['an InnerTube error', readFixtureJson('get-transcript-400.json')],
    ['sections that are not an array', { content: { engagementPanelSectionListRenderer: { content: { sectionListRenderer: { contents: 'x' } } } } }],
  ])('must not match: %s is unrecognized', (_label, answer) => {
    expect(parsePanelResponse(answer)).toEqual({ kind: 'unrecognized' });
  });

  it.each([
    ['startTimeSeconds null falls back to the timestamp', { ...lineItem(0, 'x'), macroMarkersPanelItemViewModel: { item: lineItem(0, 'x', '0:07').macroMarkersPanelItemViewModel.item, onTap: { innertubeCommand: { watchEndpoint: { startTimeSeconds: null } } } } }, 7],
    ['startTimeSeconds as a string', { macroMarkersPanelItemViewModel: { item: lineItem(0, 'x').macroMarkersPanelItemViewModel.item, onTap: { innertubeCommand: { watchEndpoint: { startTimeSeconds: '21' } } } } }, 21],
  ])('%s', (_label, item, start) => {
    expect(parsePanelResponse(modernAnswer([item]))).toMatchObject({ lines: [{ start }] });
  });

  it.each([
    ['no start and no timestamp', { macroMarkersPanelItemViewModel: { item: { timelineItemViewModel: { contentItems: [{ transcriptSegmentViewModel: { simpleText: 'x' } }] } } } }],
    ['an unreadable timestamp', { macroMarkersPanelItemViewModel: { item: { timelineItemViewModel: { contentItems: [{ transcriptSegmentViewModel: { simpleText: 'x', timestamp: '1 minute' } }] } } } }],
    ['a blank line', lineItem(3, '   \n ')],
    ['a negative start', lineItem(-4, 'before the video')],
    ['text of the wrong type', { macroMarkersPanelItemViewModel: { item: { timelineItemViewModel: { contentItems: [{ transcriptSegmentViewModel: { simpleText: 42, timestamp: '0:01' } }] } } } }],
    ['an item that is not a view model', { somethingElse: {} }],
    ['a null item', null],
  ])('must not match: a line with %s is skipped', (_label, item) => {
    expect(parsePanelResponse(modernAnswer([item, lineItem(50, 'kept')]))).toMatchObject({ kind: 'parsed', lines: [{ start: 50, text: 'kept' }] });
  });

  it('never throws, whatever part of the answer is damaged', () => {
    const original = readFixtureJson('get-panel-modern-chapters.json');
    const damages: unknown[] = [null, 42, 'x', [], {}, [null], true];
    for (const path of allPaths(original)) {
      for (const damage of damages) {
        const copy = structuredClone(original);
        setAt(copy, path, damage);
        expect(() => parsePanelResponse(copy)).not.toThrow();
      }
    }
  });
});

function lineItem(start: number, text: string, timestamp = '9:99') {
  return {
    macroMarkersPanelItemViewModel: {
      item: { timelineItemViewModel: { timestamp, contentItems: [{ transcriptSegmentViewModel: { simpleText: text, timestamp } }] } },
      onTap: { innertubeCommand: { watchEndpoint: { videoId: 'Xk3pQ9vT2mA', startTimeSeconds: start } } },
    },
  };
}

function modernAnswer(items: unknown[]) {
  return {
    content: { engagementPanelSectionListRenderer: { content: { sectionListRenderer: { contents: [{ itemSectionRenderer: { contents: items } }] } } } },
  };
}

type Path = (string | number)[];

function allPaths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries = Array.isArray(value) ? value.map((child, index) => [index, child] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...allPaths(child, [...prefix, key])]);
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

describe('parsePanelResponse: chapters it must date, tidy or drop', () => {
  type Entry = Record<string, unknown>;
  const line = (startMs: string | undefined, text: string | undefined): Entry => ({
    transcriptSegmentRenderer: { ...(startMs === undefined ? {} : { startMs }), ...(text === undefined ? {} : { snippet: { simpleText: text } }) },
  });
  const header = (startMs: string | undefined, title: string | undefined): Entry => ({
    transcriptSectionHeaderRenderer: { ...(startMs === undefined ? {} : { startMs }), ...(title === undefined ? {} : { snippet: { simpleText: title } }) },
  });
  const legacyAnswer = (segments: Entry[]) => ({
    content: {
      engagementPanelSectionListRenderer: {
        content: { transcriptRenderer: { content: { transcriptSearchPanelRenderer: { body: { transcriptSegmentListRenderer: { initialSegments: segments } } } } } },
      },
    },
  });

  it.each([
    ['its own start over the next line', [header('2000', 'Intro'), line('5000', 'hello')], [{ start: 2, title: 'Intro' }]],
    ['the next line, in seconds, when it has no start', [header(undefined, 'Intro'), line('8000', 'hello')], [{ start: 8, title: 'Intro' }]],
    ['the next line that has a start and text', [header(undefined, 'Intro'), line(undefined, 'no start'), line('9000', undefined), line('8000', 'hello')], [{ start: 8, title: 'Intro' }]],
    ['a title with its whitespace tidied', [header('0', '  The \n details '), line('0', 'hello')], [{ start: 0, title: 'The details' }]],
    ['no blank title', [header('0', ' \n '), line('0', 'hello')], []],
    ['no header without a title', [header('0', undefined), line('0', 'hello')], []],
    ['no chapter with no start and no line after it', [line('0', 'hello'), header(undefined, 'The end')], []],
    ['no chapter before the video starts', [header('-1000', 'Trailer'), line('0', 'hello')], []],
  ])('dates a chapter by %s', (_label, segments, chapters) => {
    expect(parsePanelResponse(legacyAnswer(segments))).toMatchObject({ kind: 'parsed', chapters });
  });

  it('skips a line without text and keeps the rest', () => {
    expect(parsePanelResponse(legacyAnswer([line('1000', undefined), line('2000', 'kept')]))).toEqual({
      kind: 'parsed',
      lines: [{ start: 2, end: 4, text: 'kept' }],
      chapters: [],
    });
  });

  it('dates a modern chapter by the next line that has a start', () => {
    const undated = { macroMarkersPanelItemViewModel: { item: { timelineItemViewModel: { contentItems: [{ transcriptSegmentViewModel: { simpleText: 'x' } }] } } } };
    const answer = modernAnswer([
      { macroMarkersPanelItemViewModel: { item: { timelineChapterViewModel: { title: { content: 'Setup' } } } } },
      undated,
      lineItem(12, 'after the heading'),
    ]);
    expect(parsePanelResponse(answer)).toMatchObject({ chapters: [{ start: 12, title: 'Setup' }] });
  });
});
