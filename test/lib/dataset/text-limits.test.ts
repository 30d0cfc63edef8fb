// Issue 12 items 3, 4 and 5: long first lines, endless lines and big JSON documents.
import { describe, expect, it } from 'vitest';
import { DatasetFormatError, readDataset, type ReadProgress } from '../../../lib/dataset/reader';
import { streamOf, toJsonLinesText } from '../../fixtures/dataset-files';
import { framedStream, HEAVY, repeatedStream } from '../../fixtures/hostile-files';
import { makeRow } from '../../fixtures/sample';

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** One Whisper-style video per row, with `segments` segments of 5 s each. */
function whisperVideo(id: string, segments: number): object {
  return {
    id,
    title: `Video ${id}`,
    segments: Array.from({ length: segments }, (_, i) => ({ start: i * 5, end: i * 5 + 5, text: `segment number ${i} of ${id}` })),
  };
}

/** A stream that stops after `firstPart` and waits until `release()` before sending the rest. */
function pausedStream(firstPart: string, rest: string): { stream: ReadableStream<Uint8Array>; release: () => void } {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(firstPart));
    },
    async pull(controller) {
      await released;
      controller.enqueue(encoder.encode(rest));
      controller.close();
    },
  });
  return { stream, release };
}

describe('JSON Lines whose first line is long (item 3)', HEAVY, () => {
  it.each([
    ['a 120 KB first line', 2_500],
    ['a 1.6 MB first line', 30_000],
  ])('reads %s as JSON Lines', async (_label, segments) => {
    const text = toJsonLinesText([whisperVideo('yexR53My2O4', segments), whisperVideo('n1SXlK5rhR8', 3)]);
    expect(text.indexOf('\n')).toBeGreaterThan(100 * 1024);
    const result = await readDataset(streamOf(text, CHUNK));
    expect(result).toMatchObject({ format: 'jsonl', report: { acceptedRows: segments + 3, rejectedRows: 0, videoCount: 2 } });
  });

  it.each([
    ['a pretty-printed object', JSON.stringify(whisperVideo('yexR53My2O4', 3), null, 2), 'json'],
    ['one line, no line break', JSON.stringify(whisperVideo('yexR53My2O4', 3)), 'jsonl'],
    ['one line, then blank lines', `${JSON.stringify(whisperVideo('yexR53My2O4', 3))}\n\n\n`, 'jsonl'],
    ['blank lines first', `\n\n  ${JSON.stringify(whisperVideo('yexR53My2O4', 3))}\n`, 'jsonl'],
  ] as const)('still tells JSON from JSON Lines: %s', async (_label, text, format) => {
    const result = await readDataset(streamOf(text, 7));
    expect(result).toMatchObject({ format, report: { acceptedRows: 3 } });
  });
});

describe('a line with no end (item 4)', HEAVY, () => {
  const good = JSON.stringify(makeRow());
  const later = JSON.stringify(makeRow({ start_second: 100, end_second: 110 }));

  it('rejects a row longer than 8 MB, counted, and reads the rows after it', async () => {
    const stream = framedStream(`${good}\n{"text":"`, repeatedStream('a', 9 * MB), `"}\n${later}\n`);
    const result = await readDataset(stream);
    expect(result).toMatchObject({
      format: 'jsonl',
      report: { totalRows: 3, acceptedRows: 2, rejectedByReason: { 'row-too-long': 1 }, rejectedExamples: [{ line: 2, reason: 'row-too-long' }] },
    });
  });

  it('rejects a file that is one endless line', async () => {
    const result = await readDataset(framedStream('{"text":"', repeatedStream('a', 9 * MB), ''));
    expect(result.report).toMatchObject({ totalRows: 1, rejectedByReason: { 'row-too-long': 1 } });
  });

  it('rejects a CSV record longer than 8 MB and reads the records after it', async () => {
    const header = 'video_id,start_second,end_second,text\n';
    const stream = framedStream(`${header}yexR53My2O4,0,5,"`, repeatedStream('a', 9 * MB), '"\nyexR53My2O4,5,10,after\n');
    const result = await readDataset(stream);
    expect(result).toMatchObject({
      format: 'csv',
      report: { totalRows: 2, acceptedRows: 1, rejectedExamples: [{ line: 2, reason: 'row-too-long' }] },
    });
  });

  it('keeps a row of almost 8 MB', async () => {
    const long = JSON.stringify(makeRow({ text: 'a'.repeat(7 * MB) }));
    const result = await readDataset(streamOf(`${good}\n${long}\n`, CHUNK));
    expect(result.report).toMatchObject({ totalRows: 2, rejectedRows: 0, duplicateRows: 1 });
  });
});

describe('JSON documents (item 5)', HEAVY, () => {
  const rows = Array.from({ length: 50 }, (_, i) => makeRow({ start_second: i * 10, end_second: i * 10 + 5 }));

  it('reads a JSON array row by row as it arrives', async () => {
    const text = JSON.stringify(rows);
    const half = text.indexOf(',{"video_id"', text.length / 2);
    const { stream, release } = pausedStream(text.slice(0, half), text.slice(half));
    const seen: ReadProgress[] = [];
    const reading = readDataset(stream, { onProgress: (progress) => seen.push(progress) });
    await expect.poll(() => seen.at(-1)?.rows ?? 0).toBeGreaterThan(0);
    release();
    expect((await reading).report).toMatchObject({ totalRows: 50, acceptedRows: 50 });
  });

  it('counts a bad element of an array and keeps the others', async () => {
    const text = `[${JSON.stringify(rows[0])}, {"video_id": nope}, 42, ${JSON.stringify(rows[1])}]`;
    const result = await readDataset(streamOf(text, 5));
    expect(result).toMatchObject({
      format: 'json-array',
      report: { totalRows: 4, acceptedRows: 2, rejectedExamples: [{ line: 2, reason: 'invalid-json' }, { line: 3, reason: 'not-an-object' }] },
    });
  });

  it('keeps strings with brackets, commas, quotes and escapes inside array elements', async () => {
    const tricky = makeRow({ start_second: 1000, end_second: 1005, text: 'a ] b }, c [ "quoted" \\ back\\slash \u2028 end' });
    const result = await readDataset(streamOf(JSON.stringify([tricky, rows[1]]), 3));
    expect(result.transcripts[0]?.segments.map((s) => s.text)).toContain(tricky.text);
    expect(result.report.acceptedRows).toBe(2);
  });

  it('reads Whisper-style videos in an array', async () => {
    const result = await readDataset(streamOf(JSON.stringify([whisperVideo('yexR53My2O4', 4), whisperVideo('n1SXlK5rhR8', 2)]), 11));
    expect(result.report).toMatchObject({ acceptedRows: 6, videoCount: 2 });
  });

  it('rejects an array element longer than 8 MB, counted', async () => {
    const stream = framedStream(`[${JSON.stringify(rows[0])}, {"text": "`, repeatedStream('a', 9 * MB), `"}, ${JSON.stringify(rows[1])}]`);
    const result = await readDataset(stream);
    expect(result.report).toMatchObject({ totalRows: 3, acceptedRows: 2, rejectedExamples: [{ line: 2, reason: 'row-too-long' }] });
  });

  it.each([
    ['an array cut short', `[${JSON.stringify(rows[0])}, {"video_id": "abc`],
    ['text after the array', `[${JSON.stringify(rows[0])}] [1]`],
    ['a pretty-printed object cut short', '{\n  "video_id": "yexR53My2O4",\n'],
  ])('refuses %s', async (_label, text) => {
    await expect(readDataset(streamOf(text, 9))).rejects.toThrow(DatasetFormatError);
  });

  it('refuses a single JSON object over 64 MB early, naming the limit', async () => {
    let pulled = 0;
    const body = repeatedStream('{"text": "words"},\n', 200 * MB).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          pulled += chunk.length;
          controller.enqueue(chunk);
        },
      }),
    );
    const stream = framedStream('{\n  "segments": [\n', body, '{}]}');
    await expect(readDataset(stream)).rejects.toThrow(/64 MB/);
    expect(pulled).toBeLessThan(100 * MB);
  });

  it('reads an empty array as no rows', async () => {
    const result = await readDataset(streamOf('[ ]'));
    expect(result).toMatchObject({ format: 'json-array', report: { totalRows: 0 } });
  });
});
