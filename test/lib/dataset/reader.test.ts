import { describe, expect, it } from 'vitest';
import { DatasetFormatError, readDataset, type ReadProgress } from '../../../lib/dataset/reader';
import type { Transcript } from '../../../lib/transcript/types';
import {
  gzip,
  SAMPLE,
  streamOf,
  toAliasedRows,
  toDelimitedText,
  toJsonArrayText,
  toJsonLinesText,
  toParquetBytes,
  toWhisperRows,
} from '../../fixtures/dataset-files';

/** What a reader must get from any encoding of the sample: 3 videos, 100 segments, same texts. */
function expectSample(transcripts: Transcript[]): void {
  const byId = new Map(transcripts.map((t) => [t.video.videoId, t]));
  expect([...byId.keys()].sort()).toEqual(['T35ba_VXkMY', 'n1SXlK5rhR8', 'yexR53My2O4']);
  for (const row of SAMPLE) {
    const segment = byId.get(row.video_id as Transcript['video']['videoId'])?.segments.find((s) => s.start === row.start_second);
    expect(segment).toEqual({ start: row.start_second, end: row.end_second, text: row.text });
  }
}

describe('readDataset detects the format by content', () => {
  it.each([
    ['JSON Lines', () => toJsonLinesText(SAMPLE), 'jsonl'],
    ['a JSON array', () => toJsonArrayText(SAMPLE), 'json-array'],
    ['CSV with quoted fields', () => toDelimitedText(SAMPLE as unknown as Record<string, unknown>[]), 'csv'],
    ['TSV', () => toDelimitedText(SAMPLE as unknown as Record<string, unknown>[], '\t'), 'tsv'],
    ['Parquet', () => toParquetBytes(SAMPLE), 'parquet'],
  ] as const)('%s', async (_label, make, format) => {
    const result = await readDataset(streamOf(make(), 1000));
    expect(result.format).toBe(format);
    expect(result.compressed).toBe(false);
    expect(result.report).toMatchObject({ totalRows: 100, acceptedRows: 100, rejectedRows: 0 });
    expectSample(result.transcripts);
  });

  it.each([
    ['JSON Lines', () => toJsonLinesText(SAMPLE), 'jsonl'],
    ['CSV', () => toDelimitedText(SAMPLE as unknown as Record<string, unknown>[]), 'csv'],
    ['Parquet', () => toParquetBytes(SAMPLE), 'parquet'],
  ] as const)('gzip-compressed %s', async (_label, make, format) => {
    const compressed = await gzip(make());
    const result = await readDataset(streamOf(compressed, 700));
    expect(result).toMatchObject({ format, compressed: true, bytes: compressed.length });
    expectSample(result.transcripts);
  });

  it('Whisper-style rows with nested segments', async () => {
    const result = await readDataset(streamOf(toJsonLinesText(toWhisperRows(SAMPLE))));
    expect(result.report).toMatchObject({ totalRows: 100, acceptedRows: 100 });
    expectSample(result.transcripts);
  });

  it('column aliases, ids from links, clock times and durations, no titles', async () => {
    const result = await readDataset(streamOf(toDelimitedText(toAliasedRows(SAMPLE))));
    expect(result.report).toMatchObject({ totalRows: 100, acceptedRows: 100 });
    expectSample(result.transcripts);
    const video = result.transcripts.find((t) => t.video.videoId === 'yexR53My2O4')!.video;
    expect(video.title).toBe('yexR53My2O4');
    expect(video.thumbnail).toBe('https://i.ytimg.com/vi/yexR53My2O4/hqdefault.jpg');
  });

  it('a semicolon CSV with decimal commas (a European spreadsheet export)', async () => {
    const csv = 'video_id;start_second;end_second;text\r\nyexR53My2O4;1,250;3,750;hello there\r\n';
    const result = await readDataset(streamOf(csv));
    expect(result.transcripts[0]?.segments).toEqual([{ start: 1.25, end: 3.75, text: 'hello there' }]);
  });

  it('one pretty-printed JSON object: a Whisper-style video with its segments', async () => {
    const [video] = toWhisperRows(SAMPLE.filter((row) => row.video_id === 'n1SXlK5rhR8'));
    const result = await readDataset(streamOf(JSON.stringify(video, null, 2)));
    expect(result).toMatchObject({ format: 'json', report: { acceptedRows: 8, rejectedRows: 0 } });
  });

  it('a single JSON line without a final line break', async () => {
    const result = await readDataset(streamOf(JSON.stringify(SAMPLE[0])));
    expect(result).toMatchObject({ format: 'jsonl', report: { acceptedRows: 1 } });
  });

  it('multi-byte characters split across chunks', async () => {
    const row = { ...SAMPLE[0]!, text: 'naïve café — 日本語のテキスト 🎉 done' };
    const result = await readDataset(streamOf(toJsonLinesText([row]), 3));
    expect(result.transcripts[0]?.segments[0]?.text).toBe(row.text);
  });

  it('a byte-order mark and a single chunk per byte', async () => {
    const result = await readDataset(streamOf(`\uFEFF${toJsonLinesText(SAMPLE.slice(0, 3))}`, 1));
    expect(result.report.acceptedRows).toBe(3);
  });
});

describe('readDataset reports and refuses', () => {
  it('reports progress in bytes and rows as it goes', async () => {
    const seen: ReadProgress[] = [];
    const text = toJsonLinesText(SAMPLE);
    await readDataset(streamOf(text, 500), { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ bytes: new TextEncoder().encode(text).length, rows: 100 });
  });

  it('names bad rows with their CSV line, counting lines inside quoted fields', async () => {
    const csv = 'video_id,start,end,text\r\nyexR53My2O4,0,10,"two\nlines"\r\nnot-an-id,10,20,x\r\n';
    const result = await readDataset(streamOf(csv));
    expect(result.report.rejectedExamples).toEqual([{ line: 4, reason: 'bad-video-id' }]);
  });

  it('refuses files it cannot read, in words', async () => {
    await expect(readDataset(streamOf(''))).rejects.toThrow('The file is empty.');
    await expect(readDataset(streamOf(' \n\t\n'))).rejects.toThrow('The file is empty.');
    // A header and nothing else, without a line break: read as CSV, which has no rows.
    const headerOnly = await readDataset(streamOf('video_id,start,end,text'));
    expect(headerOnly).toMatchObject({ format: 'csv', report: { totalRows: 0 } });
    await expect(readDataset(streamOf('[{"video_id": '))).rejects.toThrow(DatasetFormatError);
    await expect(readDataset(streamOf('{"a":1}'.padEnd(2000, ' '), 100), { maxBytes: 1000 })).rejects.toThrow('larger than');
    await expect(readDataset(streamOf(new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3])))).rejects.toThrow('Parquet file could not be read');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readDataset(streamOf(toJsonLinesText(SAMPLE)), { signal: controller.signal })).rejects.toThrow();
  });
});

describe('readDataset: headers and broken JSON, in words', () => {
  it('reads a header whose column names are padded with spaces', async () => {
    const result = await readDataset(streamOf(' video_id , start , end , text \nyexR53My2O4,0,10,hello\n'));
    expect(result.report).toMatchObject({ acceptedRows: 1, rejectedRows: 0 });
  });

  it.each([
    ['an array', '[{"video_id": '],
    ['one pretty-printed document', '{\n  "video_id": '],
  ])('says a file that starts like JSON is not valid JSON: %s cut short', async (_label, text) => {
    await expect(readDataset(streamOf(text))).rejects.toThrow('The file starts like JSON but is not valid JSON (');
  });
});

describe('readDataset: numbers and blank lines as spreadsheets and editors leave them', () => {
  it('reads "1,500" in a comma-separated file as fifteen hundred', async () => {
    const result = await readDataset(streamOf('video_id,start,end,text\nyexR53My2O4,"1,500","1,510",x\n'));
    expect(result.transcripts[0]?.segments).toEqual([{ start: 1500, end: 1510, text: 'x' }]);
  });

  it('skips a JSON Lines line of spaces like an empty one', async () => {
    const line = (start: number) => JSON.stringify({ video_id: 'yexR53My2O4', start_second: start, end_second: start + 1, text: 'x' });
    const result = await readDataset(streamOf(`${line(0)}\n   \n${line(1)}\n`));
    expect(result.report).toMatchObject({ totalRows: 2, acceptedRows: 2, rejectedRows: 0 });
  });
});
