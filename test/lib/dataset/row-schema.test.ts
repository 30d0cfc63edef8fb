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
