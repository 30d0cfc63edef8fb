// Issue 12 item 7, the reader's side: rows handed over in batches, the file read no faster than they are taken.
import { describe, expect, it } from 'vitest';
import { readDatasetInBatches } from '../../../lib/dataset/batch-reader';
import type { ValidRow } from '../../../lib/dataset/rows';
import { streamOf, toJsonArrayText, toJsonLinesText, toParquetBytes } from '../../fixtures/dataset-files';
import { HEAVY, repeatedStream } from '../../fixtures/hostile-files';
import { makeRow, SAMPLE_ROWS } from '../../fixtures/sample';

const rows = Array.from({ length: 1_000 }, (_, i) => makeRow({ start_second: i * 5, end_second: i * 5 + 5, text: `row ${i}` }));

function startsOf(batches: ValidRow[][]): number[] {
  return batches.flat().map((row) => row.segment.start);
}

describe('readDatasetInBatches', HEAVY, () => {
  it.each([
    ['JSON Lines', () => toJsonLinesText(rows)],
    ['a JSON array', () => toJsonArrayText(rows)],
  ])('hands over every valid row of %s in file order, in batches of about the size asked', async (_label, make) => {
    const batches: ValidRow[][] = [];
    const result = await readDatasetInBatches(streamOf(make(), 2_000), {
      batchRows: 100,
      onBatch: (batch) => {
        batches.push(batch);
        return undefined;
      },
    });
    expect(startsOf(batches)).toEqual(rows.map((_, i) => i * 5));
    expect(batches.length).toBeGreaterThan(5);
    // A batch closes at the first piece of the file that fills it: 100 rows plus at most one chunk's worth.
    for (const batch of batches.slice(0, -1)) expect(batch.length).toBeGreaterThanOrEqual(100);
    expect(result.counts).toMatchObject({ totalRows: 1_000, rejectedRows: 0 });
  });

  it('counts rejected rows and passes duplicates on', async () => {
    const text = toJsonLinesText([makeRow(), { video_id: 'nope' }, makeRow({ text: 'again' }), makeRow({ end_second: 1e308 })]);
    const batches: ValidRow[][] = [];
    const result = await readDatasetInBatches(streamOf(text), { onBatch: (batch) => void batches.push(batch) });
    expect(batches.flat().map((row) => row.segment.text)).toEqual(['word vectors capture meaning', 'again']);
    expect(result).toMatchObject({
      format: 'jsonl',
      counts: { totalRows: 4, rejectedRows: 2, rejectedExamples: [{ line: 2, reason: 'bad-video-id' }, { line: 4, reason: 'time-out-of-range' }] },
    });
  });

  it('reads Parquet a row group at a time', async () => {
    const batches: ValidRow[][] = [];
    const result = await readDatasetInBatches(streamOf(toParquetBytes(SAMPLE_ROWS)), {
      batchRows: 10,
      onBatch: (batch) => void batches.push(batch),
    });
    expect(result.format).toBe('parquet');
    expect(batches.flat()).toHaveLength(100);
  });

  it('reads no further while a batch is being taken', async () => {
    const line = `${JSON.stringify(makeRow())}\n`;
    let pulled = 0;
    const source = repeatedStream(line, 4 * 1024 * 1024, 16 * 1024).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          pulled += chunk.length;
          controller.enqueue(chunk);
        },
      }),
    );
    const pulledDuringBatches: number[] = [];
    await readDatasetInBatches(source, {
      batchRows: 500,
      onBatch: async () => {
        const before = pulled;
        await new Promise((resolve) => setTimeout(resolve, 5));
        pulledDuringBatches.push(pulled - before);
      },
    });
    expect(pulled).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    // While a batch is taken, the pipe may fill its small queues and no more: a few chunks, never the file.
    expect(Math.max(...pulledDuringBatches)).toBeLessThanOrEqual(4 * 16 * 1024);
  });

  it('stops reading when a batch cannot be taken', async () => {
    const attempt = readDatasetInBatches(streamOf(toJsonLinesText(rows), 1_000), {
      batchRows: 10,
      onBatch: () => Promise.reject(new Error('The disk is full.')),
    });
    await expect(attempt).rejects.toThrow('The disk is full.');
  });
});
