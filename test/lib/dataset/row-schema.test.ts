import { describe, expect, it } from 'vitest';
import { parseSeconds, resolveRow, videoIdFromLink } from '../../../lib/dataset/row-schema';

describe('parseSeconds', () => {
  it.each<[unknown, number | undefined]>([
    [673, 673],
    [12.5, 12.5],
    ['673', 673],
    [' 12.5 ', 12.5],
    ['1e3', 1000],
    ['1,234', 1234],
    ['12,345.5', 12345.5],
    ['12,5', 12.5],
    ['00:11:13', 673],
    ['11:13', 673],
    ['1:02:03.250', 3723.25],
    ['00:00:01,500', 1.5],
    ['-3', -3],
    ['', undefined],
    ['ten', undefined],
    ['2024-01-01', undefined],
    ['1:2:3:4', undefined],
    [null, undefined],
    [true, undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseSeconds(value)).toBe(expected);
  });

  it('reads 64-bit integers (Parquet INT64 columns)', () => {
    expect(parseSeconds(12n)).toBe(12);
  });

  it('reads a lone comma as a decimal point in semicolon files', () => {
    expect(parseSeconds('1,250', { decimalComma: true })).toBe(1.25);
    expect(parseSeconds('1,250')).toBe(1250);
  });
});

describe('videoIdFromLink', () => {
  it.each([
    ['https://www.youtube.com/watch?v=yexR53My2O4&t=673s', 'yexR53My2O4'],
    ['https://youtu.be/yexR53My2O4?t=5', 'yexR53My2O4'],
    ['https://www.youtube.com/shorts/T35ba_VXkMY', 'T35ba_VXkMY'],
    ['https://www.youtube.com/watch?v=yexR53My2O4x', undefined],
    ['https://example.com/', undefined],
  ])('%s → %s', (link, expected) => {
    expect(videoIdFromLink(link)).toBe(expected);
  });
});

describe('resolveRow', () => {
  it('takes the id from a link when the id column holds a row number, and trims padded ids', () => {
    expect(resolveRow({ id: 17, url: 'https://youtu.be/yexR53My2O4', start: '1', end: '2', text: 'x' })[0]?.videoId).toBe('yexR53My2O4');
    expect(resolveRow({ video_id: ' yexR53My2O4 ', start: 1, end: 2, text: 'x' })[0]?.videoId).toBe('yexR53My2O4');
  });

  it('derives the end from a duration, and reads Hugging Face ASR chunk timestamps', () => {
    expect(resolveRow({ videoId: 'yexR53My2O4', offset: '10', duration: '2.5', caption: 'x' })[0]).toMatchObject({ start: 10, end: 12.5, text: 'x' });
    const whisper = resolveRow({ video_id: 'yexR53My2O4', chunks: [{ timestamp: [0, 4.2], text: 'hello' }] });
    expect(whisper).toEqual([{ videoId: 'yexR53My2O4', start: 0, end: 4.2, text: 'hello', title: undefined, thumbnail: undefined }]);
  });
});

describe('resolveRow: columns that are there but empty, and rows that give more than needed', () => {
  const ID = 'yexR53My2O4';

  it.each([
    ['null', null],
    ['an empty string', ''],
  ])('skips a column holding %s and reads the next name for it', (_label, empty) => {
    expect(resolveRow({ video_id: ID, start_second: empty, start: '3', end_second: empty, end: '4', text: empty, transcript: 'x' })[0]).toMatchObject({
      start: 3,
      end: 4,
      text: 'x',
    });
  });

  it('reads the id from the first column with a link, past one without', () => {
    expect(resolveRow({ id: 17, url: 'https://example.com/about', link: `https://youtu.be/${ID}`, start: 1, end: 2, text: 'x' })[0]?.videoId).toBe(ID);
  });

  it('keeps a stated end over a duration', () => {
    expect(resolveRow({ video_id: ID, start: 1, end: 10, duration: 3, text: 'x' })[0]).toMatchObject({ start: 1, end: 10 });
  });

  it('has no end from a duration without a start', () => {
    expect(resolveRow({ video_id: ID, duration: 3, text: 'x' })[0]).toMatchObject({ start: undefined, end: undefined });
  });

  it('reads the start columns when a timestamp is not a [start, end] pair', () => {
    expect(resolveRow({ video_id: ID, timestamp: [7], start: 1, end: 2, text: 'x' })[0]).toMatchObject({ start: 1, end: 2 });
  });

  it('turns a nested entry that is not an object into a row without text, and keeps the others', () => {
    expect(resolveRow({ video_id: ID, segments: [null, 'x', { start: 1, end: 2, text: 'kept' }] })).toEqual([
      { videoId: ID, start: undefined, end: undefined, text: undefined, title: undefined, thumbnail: undefined },
      { videoId: ID, start: undefined, end: undefined, text: undefined, title: undefined, thumbnail: undefined },
      { videoId: ID, start: 1, end: 2, text: 'kept', title: undefined, thumbnail: undefined },
    ]);
  });

  it.each(['', '   '])('parseSeconds(%j) is no time', (text) => {
    expect(parseSeconds(text)).toBeUndefined();
  });
});
