/**
 * Parquet files (as Hugging Face publishes datasets) decoded one row group at
 * a time, after their metadata passed `checkParquetBudget`. Between row
 * groups it honours the abort signal and lets other work run, so a large
 * file neither blocks the worker nor ignores Cancel.
 */
import { parquetMetadata, parquetRead, parquetSchema, type FileMetaData } from 'hyparquet';
import { DatasetFormatError } from './format-error';
import { checkParquetBudget } from './parquet-budget';
import type { RowSink } from './rows';
import { describeError } from '../format/describe-error';

export interface ParquetReadOptions {
  signal?: AbortSignal | undefined;
  /** Called after each row group, for progress. */
  onRowGroup?: () => void;
}

function unreadable(error: unknown): DatasetFormatError {
  return error instanceof DatasetFormatError ? error : new DatasetFormatError(`The Parquet file could not be read (${describeError(error)}).`);
}

function readMetadata(file: ArrayBuffer): FileMetaData {
  try {
    return parquetMetadata(file);
  } catch (error) {
    throw unreadable(error);
  }
}

function decodeRows(file: ArrayBuffer, metadata: FileMetaData, columns: string[], rowStart: number, rowEnd: number): Promise<unknown[][]> {
  return new Promise((resolve, reject) => {
    parquetRead({ file, metadata, columns, rowStart, rowEnd, rowFormat: 'array', onComplete: resolve }).catch(reject);
  });
}

/** Lets timers and messages run: a row group can take a while to decode. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Decodes a whole Parquet file into `sink`. Throws `DatasetFormatError` for a file that cannot or may not be read. */
export async function readParquet(bytes: Uint8Array, sink: RowSink, { signal, onRowGroup }: ParquetReadOptions = {}): Promise<void> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = readMetadata(file);
  checkParquetBudget(metadata, file.byteLength);
  const columns = parquetSchema(metadata).children.map((child) => child.element.name);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    signal?.throwIfAborted();
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: unknown[][];
    try {
      rows = await decodeRows(file, metadata, columns, rowStart, rowEnd);
    } catch (error) {
      throw unreadable(error);
    }
    rows.forEach((values, i) => {
      // No prototype: a column named `__proto__` is a column like any other.
      const row = Object.create(null) as Record<string, unknown>;
      columns.forEach((name, column) => {
        row[name] = values[column];
      });
      sink.add(row, rowStart + i + 1);
    });
    rowStart = rowEnd;
    onRowGroup?.();
    await sink.drain?.();
    await yieldToEventLoop();
  }
}
