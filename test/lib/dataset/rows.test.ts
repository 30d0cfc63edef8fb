import { describe, expect, it } from 'vitest';
import { parseJsonLines, validateRow } from '../../../lib/dataset/rows';
import { makeRow, SAMPLE_JSONL, toJsonLines } from '../../fixtures/sample';

describe('validateRow', () => {
  it('accepts a row of the dataset', () => {
    const result = validateRow(makeRow());
    expect(result).toEqual({
      ok: true,
      row: {
        videoId: 'yexR53My2O4',
        segment: { start: 10, end: 35, text: 'word vectors capture meaning' },
        title: 'Word2Vec',
        thumbnail: 'https://i.ytimg.com/vi/yexR53My2O4/maxresdefault.jpg',
      },
    });
  });

  it.each([
    ['not an object', [1, 2], 'not-an-object'],
    ['null', null, 'not-an-object'],
    ['id of 10 chars', makeRow({ video_id: 'yexR53My2O', url: undefined }), 'bad-video-id'],
    ['id with a space', makeRow({ video_id: 'yexR53 y2O4', url: undefined }), 'bad-video-id'],
    ['id as number', makeRow({ video_id: 12345678901, url: undefined }), 'bad-video-id'],
    ['id nowhere, url of another site', makeRow({ video_id: undefined, url: 'https://example.com/x' }), 'bad-video-id'],
    ['missing id', makeRow({ video_id: undefined, url: undefined }), 'bad-video-id'],
    ['start as a word', makeRow({ start_second: 'ten' }), 'bad-start'],
    ['start as a date', makeRow({ start_second: '2024-01-01' }), 'bad-start'],
    ['negative start', makeRow({ start_second: -1 }), 'bad-start'],
    ['NaN-like start', makeRow({ start_second: null }), 'bad-start'],
    ['infinite end', makeRow({ end_second: Number.POSITIVE_INFINITY }), 'bad-end'],
    ['end missing', makeRow({ end_second: undefined }), 'bad-end'],
    ['an end of 1e308 s', makeRow({ end_second: 1e308 }), 'time-out-of-range'],
    ['an end just past 48 h', makeRow({ end_second: 172_800.5 }), 'time-out-of-range'],
    ['a start and end past 48 h', makeRow({ start_second: 200_000, end_second: 200_010 }), 'time-out-of-range'],
    ['a start of 1e308 s and no sane end', makeRow({ start_second: 1e308, end_second: 5 }), 'time-out-of-range'],
    ['start equal to end', makeRow({ start_second: 35 }), 'start-not-before-end'],
    ['start after end', makeRow({ start_second: 40 }), 'start-not-before-end'],
    ['empty text', makeRow({ text: '   ' }), 'empty-text'],
    ['text as number', makeRow({ text: 42 }), 'empty-text'],
  ])('rejects %s', (_label, value, reason) => {
    expect(validateRow(value)).toEqual({ ok: false, reason });
  });

  it.each([
    ['padded text and title', { text: '  word vectors \n', title: '\tWord2Vec  ' }, 'word vectors', 'Word2Vec'],
    ['a title of spaces only', { title: '   ' }, 'word vectors capture meaning', ''],
    ['a title that is not text', { title: 42 }, 'word vectors capture meaning', ''],
  ])('trims %s', (_label, overrides, text, title) => {
    const result = validateRow(makeRow(overrides));
    expect(result.ok && [result.row.segment.text, result.row.title]).toEqual([text, title]);
  });

  it.each([
    ['ending at 48 h exactly', makeRow({ start_second: 172_790, end_second: 172_800 })],
    ['starting at 0', makeRow({ start_second: 0, end_second: 1 })],
    ['ten hours in', makeRow({ start_second: 36_000, end_second: 36_004.5 })],
  ])('accepts a segment %s', (_label, value) => {
    expect(validateRow(value).ok).toBe(true);
  });

  it('derives a thumbnail and tolerates a missing title', () => {
    const result = validateRow(makeRow({ title: undefined, thumbnail: undefined }));
    expect(result.ok && result.row.thumbnail).toBe('https://i.ytimg.com/vi/yexR53My2O4/hqdefault.jpg');
    expect(result.ok && result.row.title).toBe('');
  });
});

describe('parseJsonLines', () => {
  it('reads the bundled sample: 100 rows, 3 videos, segments in start order', () => {
    const { transcripts, report } = parseJsonLines(SAMPLE_JSONL);
    expect(report).toMatchObject({ totalRows: 100, acceptedRows: 100, rejectedRows: 0, videoCount: 3 });
    const counts = Object.fromEntries(transcripts.map((t) => [t.video.videoId, t.video.segmentCount]));
    expect(counts).toEqual({ n1SXlK5rhR8: 8, T35ba_VXkMY: 26, yexR53My2O4: 66 });
    for (const { segments } of transcripts) {
      expect(segments.map((s) => s.start)).toEqual([...segments.map((s) => s.start)].sort((a, b) => a - b));
    }
    const word2vec = transcripts.find((t) => t.video.videoId === 'yexR53My2O4');
    expect(word2vec?.video.title).toMatch(/^\[Classic\] Word2Vec/);
    expect(word2vec?.video.duration).toBe(1858);
  });

  it('counts bad rows by reason with their line numbers, and keeps the good ones', () => {
    const text = [
      JSON.stringify(makeRow({ start_second: 30, end_second: 55 })),
      '{ not json',
      JSON.stringify(makeRow({ video_id: 'short', url: undefined })),
      '',
      JSON.stringify(makeRow({ text: '' })),
      JSON.stringify(makeRow({ start_second: 0, end_second: 10 })),
      '"a string"',
    ].join('\n');
    const { transcripts, report } = parseJsonLines(text);
    expect(report).toMatchObject({
      totalRows: 6,
      acceptedRows: 2,
      rejectedRows: 4,
      rejectedByReason: { 'invalid-json': 1, 'bad-video-id': 1, 'empty-text': 1, 'not-an-object': 1 },
    });
    expect(report.rejectedExamples).toEqual([
      { line: 2, reason: 'invalid-json' },
      { line: 3, reason: 'bad-video-id' },
      { line: 5, reason: 'empty-text' },
      { line: 7, reason: 'not-an-object' },
    ]);
    expect(transcripts[0]?.segments.map((s) => s.start)).toEqual([0, 30]);
  });

  it('keeps the last of two rows with the same [video_id, start_second], and counts it', () => {
    const { transcripts, report } = parseJsonLines(
      toJsonLines([makeRow({ text: 'first version' }), makeRow({ text: 'second version' })]),
    );
    expect(report).toMatchObject({ totalRows: 2, acceptedRows: 1, duplicateRows: 1 });
    expect(transcripts[0]?.segments).toEqual([{ start: 10, end: 35, text: 'second version' }]);
  });

  it('names a video by its last titled row, or by its id when no row has a title', () => {
    const { transcripts } = parseJsonLines(
      toJsonLines([
        makeRow({ start_second: 0, end_second: 5, title: '' }),
        makeRow({ start_second: 5, end_second: 10, title: 'Old title' }),
        makeRow({ start_second: 10, end_second: 90, title: 'New title' }),
        makeRow({ start_second: 90, end_second: 95, title: '  ' }),
        makeRow({ video_id: 'T35ba_VXkMY', url: undefined, title: undefined, thumbnail: '' }),
      ]),
    );
    expect(transcripts.map(({ video }) => video)).toEqual([
      { videoId: 'yexR53My2O4', title: 'New title', thumbnail: 'https://i.ytimg.com/vi/yexR53My2O4/maxresdefault.jpg', segmentCount: 4, duration: 95 },
      { videoId: 'T35ba_VXkMY', title: 'T35ba_VXkMY', thumbnail: 'https://i.ytimg.com/vi/T35ba_VXkMY/hqdefault.jpg', segmentCount: 1, duration: 35 },
    ]);
  });

  it('takes the length of a video from its latest end, whatever the row order', () => {
    const { transcripts } = parseJsonLines(
      toJsonLines([
        makeRow({ start_second: 60, end_second: 90 }),
        makeRow({ start_second: 0, end_second: 20 }),
        makeRow({ start_second: 20, end_second: 60 }),
      ]),
    );
    expect(transcripts[0]?.video.duration).toBe(90);
    expect(transcripts[0]?.segments.map((s) => s.start)).toEqual([0, 20, 60]);
  });

  it('keeps the line numbers of the first five rejected rows only, and counts them all', () => {
    const { report } = parseJsonLines(Array.from({ length: 7 }, () => '{ not json').join('\n'));
    expect(report).toMatchObject({ totalRows: 7, rejectedRows: 7, acceptedRows: 0, rejectedByReason: { 'invalid-json': 7 }, videoCount: 0 });
    expect(report.rejectedExamples.map((example) => example.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('accepts Windows line endings', () => {
    const { report } = parseJsonLines(`${JSON.stringify(makeRow())}\r\n${JSON.stringify(makeRow({ start_second: 0 }))}\r\n`);
    expect(report.acceptedRows).toBe(2);
  });
});
