/**
 * Checks a Parquet file's metadata against its size and our row budget before
 * anything is decoded: the metadata is the file's own claim, and a false one
 * (billions of rows in a few bytes) would otherwise hold the worker for as
 * long as the decoder takes to fail. Pure.
 */
import type { FileMetaData, RowGroup } from 'hyparquet';
import { DatasetFormatError } from './format-error';
import { MAX_PARQUET_GROUP_ROWS, MAX_PARQUET_GROUP_VALUES, MAX_PARQUET_ROWS, MAX_PARQUET_ROWS_PER_BYTE } from './limits';

function count(value: bigint | number): string {
  return value.toLocaleString('en-US');
}

function refuse(reason: string): never {
  throw new DatasetFormatError(`The Parquet file cannot be read: ${reason}.`);
}

function checkRowGroup(group: RowGroup, index: number, fileBytes: number): void {
  const name = `row group ${index + 1}`;
  if (group.num_rows < 0n || group.num_rows > BigInt(MAX_PARQUET_GROUP_ROWS)) {
    refuse(`${name} claims ${count(group.num_rows)} rows, more than the ${count(MAX_PARQUET_GROUP_ROWS)} this extension decodes at once`);
  }
  for (const column of group.columns) {
    const meta = column.meta_data;
    if (!meta) refuse(`${name} has a column without its description`);
    const columnName = meta.path_in_schema.join('.');
    if (meta.num_values < 0n || meta.num_values > BigInt(MAX_PARQUET_GROUP_VALUES)) {
      refuse(`column ${columnName} of ${name} claims ${count(meta.num_values)} values, more than the ${count(MAX_PARQUET_GROUP_VALUES)} this extension decodes at once`);
    }
    const start = meta.dictionary_page_offset ?? meta.data_page_offset;
    const end = start + meta.total_compressed_size;
    if (start < 0n || meta.total_compressed_size < 0n || end > BigInt(fileBytes)) {
      refuse(`column ${columnName} of ${name} lies outside the file's ${count(fileBytes)} bytes`);
    }
  }
}

/** Throws `DatasetFormatError`, naming the limit, if the metadata claims more than the file can hold or we decode. */
export function checkParquetBudget(metadata: FileMetaData, fileBytes: number): void {
  const rows = metadata.num_rows;
  if (rows < 0n || rows > BigInt(MAX_PARQUET_ROWS)) {
    refuse(`it claims ${count(rows)} rows; this extension reads at most ${count(MAX_PARQUET_ROWS)}`);
  }
  if (rows > BigInt(fileBytes * MAX_PARQUET_ROWS_PER_BYTE)) {
    refuse(`it claims ${count(rows)} rows, more than its ${count(fileBytes)} bytes can hold`);
  }
  const groupRows = metadata.row_groups.reduce((sum, group) => sum + group.num_rows, 0n);
  if (groupRows !== rows) refuse(`its row groups hold ${count(groupRows)} rows, not the ${count(rows)} it claims`);
  metadata.row_groups.forEach((group, index) => checkRowGroup(group, index, fileBytes));
}
