/** Parquet files (as Hugging Face publishes datasets) decoded into rows. */
import { parquetReadObjects } from 'hyparquet';
import { DatasetFormatError } from './format-error';
import type { RowSink } from './rows';
import { describeError } from '../format/describe-error';

/** Decodes a whole Parquet file into `sink`. Throws `DatasetFormatError` for a file hyparquet cannot read. */
export async function readParquet(bytes: Uint8Array, sink: RowSink): Promise<void> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let rows: Record<string, unknown>[];
  try {
    rows = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
  } catch (error) {
    throw new DatasetFormatError(`The Parquet file could not be read (${describeError(error)}).`);
  }
  rows.forEach((row, index) => sink.add(row, index + 1));
}
