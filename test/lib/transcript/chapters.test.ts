import { describe, expect, it } from 'vitest';
import { buildListRows, placeChapters } from '../../../lib/transcript/chapters';

const segments = [0, 4, 9, 13, 30].map((start) => ({ start, end: start + 4, text: `at ${start}` }));

describe('placeChapters', () => {
  it('puts each chapter before the first segment starting at or after it', () => {
    const placed = placeChapters(segments, [
      { start: 9, title: 'Middle' },
      { start: 0, title: 'Intro' },
      { start: 20, title: 'Late' },
    ]);
    expect([...placed.entries()]).toEqual([
      [0, [{ start: 0, title: 'Intro' }]],
      [2, [{ start: 9, title: 'Middle' }]],
      [4, [{ start: 20, title: 'Late' }]],
    ]);
  });

  it('keeps two chapters that fall before the same segment in order', () => {
    expect(placeChapters(segments, [{ start: 11, title: 'B' }, { start: 10, title: 'A' }]).get(3)).toEqual([
      { start: 10, title: 'A' },
      { start: 11, title: 'B' },
    ]);
  });

  it.each([
    ['no chapters', []],
    ['a chapter after the last segment', [{ start: 31, title: 'Credits' }]],
  ])('places nothing for %s', (_label, chapters) => {
    expect(placeChapters(segments, chapters).size).toBe(0);
  });
});

describe('buildListRows', () => {
  it('puts each heading before its segment and knows every segment\'s row', () => {
    const intro = { start: 0, title: 'Intro' };
    const middle = { start: 9, title: 'Middle' };
    const late = { start: 10, title: 'Late' };
    const { rows, rowOfSegment } = buildListRows(4, new Map([[0, [intro]], [2, [middle, late]]]));
    expect(rows).toEqual([
      { kind: 'chapter', chapter: intro },
      { kind: 'segment', segmentIndex: 0 },
      { kind: 'segment', segmentIndex: 1 },
      { kind: 'chapter', chapter: middle },
      { kind: 'chapter', chapter: late },
      { kind: 'segment', segmentIndex: 2 },
      { kind: 'segment', segmentIndex: 3 },
    ]);
    expect([...rowOfSegment]).toEqual([1, 2, 5, 6]);
  });

  it('is the segments alone without chapters', () => {
    expect(buildListRows(2, new Map()).rows).toEqual([
      { kind: 'segment', segmentIndex: 0 },
      { kind: 'segment', segmentIndex: 1 },
    ]);
  });
});
