// Issue 12 item 6 and the held corrupt-metadata cases: Parquet files that lie about themselves.
import type { ColumnMetaData, FileMetaData } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readParquet } from '../../../lib/dataset/parquet-reader';
import { DatasetFormatError, readDataset } from '../../../lib/dataset/reader';
import { TranscriptCollector } from '../../../lib/dataset/rows';
import { streamOf, toParquetBytes } from '../../fixtures/dataset-files';
import { editParquetMetadata, framedStream, HEAVY, repeatedStream, toParquetClaimingRows } from '../../fixtures/hostile-files';
import { SAMPLE_ROWS } from '../../fixtures/sample';

const MB = 1024 * 1024;

/** A Parquet file of `rows` rows in row groups of `groupSize`. */
function toGroupedParquet(rows: number, groupSize: number): Uint8Array<ArrayBuffer> {
  const starts = Array.from({ length: rows }, (_, i) => i * 5);
  const buffer = parquetWriteBuffer({
    rowGroupSize: groupSize,
    columnData: [
      { name: 'video_id', data: starts.map(() => 'yexR53My2O4'), type: 'STRING' },
      { name: 'start_second', data: starts, type: 'DOUBLE' },
      { name: 'end_second', data: starts.map((s) => s + 5), type: 'DOUBLE' },
      { name: 'text', data: starts.map((s) => `words at ${s}`), type: 'STRING' },
    ],
  });
  return new Uint8Array(buffer);
}

describe('Parquet metadata is checked before decoding (item 6)', HEAVY, () => {
  it.each([
    ['2e9 rows in a few hundred bytes', 2_000_000_000n, /claims 2,000,000,000 rows; this extension reads at most 10,000,000/],
    ['50,000 rows in a few kilobytes', 50_000n, /claims 50,000 rows, more than its [\d,]+ bytes can hold/],
  ])('refuses a file claiming %s, naming the limit', async (_label, claimed, message) => {
    const bytes = toParquetClaimingRows(SAMPLE_ROWS.slice(0, 1), claimed);
    await expect(readDataset(streamOf(bytes))).rejects.toThrow(message);
  });

  it.each([
    ['a negative row count', (m: FileMetaData) => {
      m.num_rows = -1n;
      m.row_groups[0]!.num_rows = -1n;
    }, /it claims -1 rows; this extension reads at most/],
    ['3 million rows in one row group', (m: FileMetaData) => {
      m.num_rows = 3_000_000n;
      m.row_groups[0]!.num_rows = 3_000_000n;
    }, /row group 1 claims 3,000,000 rows, more than the 2,097,152 this extension decodes at once/],
    ['40 million values in one column', (m: FileMetaData) => {
      m.row_groups[0]!.columns[0]!.meta_data!.num_values = 40_000_000n;
    }, /column video_id of row group 1 claims 40,000,000 values, more than the 33,554,432/],
    ['a negative value count', (m: FileMetaData) => {
      m.row_groups[0]!.columns[0]!.meta_data!.num_values = -5n;
    }, /column video_id of row group 1 claims -5 values/],
  ])('refuses %s, naming the limit', async (_label, edit, message) => {
    // Half a megabyte of text that does not compress, so the file is large enough to hold the rows it claims.
    let seed = 1;
    const text = Array.from({ length: 512 * 1024 }, () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return String.fromCharCode(97 + ((seed >>> 16) % 26));
    }).join('');
    const bytes = editParquetMetadata(toParquetBytes([{ ...SAMPLE_ROWS[0]!, text }]), edit);
    expect(bytes.length).toBeGreaterThan(400 * 1024);
    await expect(readDataset(streamOf(bytes, 1 << 20))).rejects.toThrow(message);
  });

  it('reads a Parquet file of no rows as no rows', async () => {
    const result = await readDataset(streamOf(toParquetBytes([])));
    expect(result).toMatchObject({ format: 'parquet', report: { totalRows: 0 } });
  });

  it.each([
    ['past its end', (meta: ColumnMetaData) => (meta.total_compressed_size = 10_000_000n)],
    ['before its start', (meta: ColumnMetaData) => (meta.data_page_offset = -1n)],
    ['with a negative size', (meta: ColumnMetaData) => (meta.total_compressed_size = -1n)],
  ])('refuses a column that claims to lie outside the file: %s', async (_label, edit) => {
    const bytes = editParquetMetadata(toParquetBytes(SAMPLE_ROWS), (metadata) => {
      edit(metadata.row_groups[0]!.columns[1]!.meta_data!);
    });
    await expect(readDataset(streamOf(bytes))).rejects.toThrow(/column text of row group 1 lies outside the file/);
  });

  it('refuses a column without its description, in words', async () => {
    const bytes = editParquetMetadata(toParquetBytes(SAMPLE_ROWS), (metadata) => {
      metadata.row_groups[0]!.columns[1]!.meta_data = undefined;
    });
    await expect(readDataset(streamOf(bytes))).rejects.toThrow('The Parquet file cannot be read: row group 1 has a column without its description.');
  });

  it('refuses row groups that do not add up to the rows claimed', async () => {
    const bytes = editParquetMetadata(toParquetBytes(SAMPLE_ROWS), (metadata) => {
      metadata.num_rows = 90n;
    });
    await expect(readDataset(streamOf(bytes))).rejects.toThrow(/row groups hold 100 rows, not the 90/);
  });

  it('names a bad row by its number in the file, counting across row groups', async () => {
    const rows = SAMPLE_ROWS.slice(0, 6).map((row, index) => (index === 4 ? { ...row, text: '' } : row));
    const bytes = new Uint8Array(parquetWriteBuffer({
      rowGroupSize: 3,
      columnData: [
        { name: 'video_id', data: rows.map((row) => row.video_id), type: 'STRING' },
        { name: 'start_second', data: rows.map((row) => row.start_second), type: 'DOUBLE' },
        { name: 'end_second', data: rows.map((row) => row.end_second), type: 'DOUBLE' },
        { name: 'text', data: rows.map((row) => row.text), type: 'STRING' },
      ],
    }));
    const result = await readDataset(streamOf(bytes));
    expect(result.report.rejectedExamples).toEqual([{ line: 5, reason: 'empty-text' }]);
  });

  it('reads a file of many row groups', async () => {
    const result = await readDataset(streamOf(toGroupedParquet(2_000, 250)));
    expect(result).toMatchObject({ format: 'parquet', report: { totalRows: 2_000, acceptedRows: 2_000 } });
    expect(result.transcripts[0]?.segments[1_999]).toEqual({ start: 9_995, end: 10_000, text: 'words at 9995' });
  });

  it('stops between row groups when cancelled', async () => {
    const controller = new AbortController();
    const collector = new TranscriptCollector();
    const reading = readParquet(toGroupedParquet(2_000, 100), collector, {
      signal: controller.signal,
      onRowGroup: () => controller.abort(new Error('cancelled by the user')),
    });
    await expect(reading).rejects.toThrow('cancelled by the user');
    expect(collector.rowCount).toBe(100);
  });

  it('refuses a Parquet file over 256 MB as it arrives, naming the limit', async () => {
    const stream = framedStream('PAR1', repeatedStream('\0', 300 * MB, 1 << 20), '');
    await expect(readDataset(stream)).rejects.toThrow(/Parquet file is larger than 256 MB/);
  });
});

describe('corrupt Parquet metadata fails fast with a clear message', () => {
  const valid = toParquetBytes(SAMPLE_ROWS);
  const footerLength = new DataView(valid.buffer).getUint32(valid.length - 8, true);

  function withFooter(edit: (bytes: Uint8Array, footerStart: number) => void): Uint8Array {
    const bytes = valid.slice();
    edit(bytes, bytes.length - 8 - footerLength);
    return bytes;
  }

  it.each([
    ['cut short', valid.slice(0, valid.length - 20)],
    ['no magic at the end', withFooter((bytes) => bytes.set([0, 0, 0, 0], bytes.length - 4))],
    ['a footer length past the start', withFooter((bytes) => new DataView(bytes.buffer).setUint32(bytes.length - 8, 0x7fffffff, true))],
    ['a zeroed footer', withFooter((bytes, start) => bytes.fill(0, start, bytes.length - 8))],
    ['a footer of 0xff', withFooter((bytes, start) => bytes.fill(0xff, start, bytes.length - 8))],
    ['a footer of noise', withFooter((bytes, start) => bytes.forEach((_, i) => i >= start && i < bytes.length - 8 && (bytes[i] = (i * 131) % 251)))],
    ['only the magic', new Uint8Array([0x50, 0x41, 0x52, 0x31])],
  ])('%s', async (_label, bytes) => {
    const attempt = readDataset(streamOf(bytes));
    await expect(attempt).rejects.toThrow(DatasetFormatError);
    await expect(attempt).rejects.toThrow(/Parquet file/);
  });
});
