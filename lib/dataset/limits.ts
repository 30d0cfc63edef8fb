/**
 * What the reader refuses, and why each bound is where it is. A hostile or
 * broken file meets one of these before it can hold the worker's memory or
 * time (issue 12).
 */

const MiB = 1024 * 1024;

/** Bytes read from a source (after decompression): a gzip bomb stops here. */
export const MAX_SOURCE_BYTES = 1024 * MiB;

/**
 * Characters in one row: a JSON line, a CSV record or an element of a JSON
 * array. Whisper-style files hold a whole video in one row (a 3 h video with
 * token ids is about 1.5 MB), so the cap is well above that; longer rows are
 * skipped without being held, and counted as `row-too-long`.
 */
export const MAX_ROW_CHARS = 8 * MiB;

/**
 * Characters in a JSON file that is one object rather than an array or JSON
 * Lines: it is parsed whole, so it is held whole.
 */
export const MAX_JSON_DOCUMENT_CHARS = 64 * MiB;

/**
 * Bytes of a Parquet file: its row index sits at the end, so it is held whole
 * before a row can be read. JSON Lines has no such limit below `MAX_SOURCE_BYTES`.
 */
export const MAX_PARQUET_BYTES = 256 * MiB;

/** Rows a Parquet file may claim: about what the largest text file we read can hold. */
export const MAX_PARQUET_ROWS = 10_000_000;

/**
 * Rows per byte a Parquet file may claim. Real transcripts differ from row to
 * row (text, times), which costs bytes; a 586-byte file claiming 2e9 rows is a lie.
 */
export const MAX_PARQUET_ROWS_PER_BYTE = 8;

/** Rows and values of one row group, which is decoded at once. */
export const MAX_PARQUET_GROUP_ROWS = 2 * MiB;
export const MAX_PARQUET_GROUP_VALUES = 32 * MiB;

/** Start and end times beyond this are no real video (48 hours). */
export const MAX_SECONDS = 48 * 3600;

/** Characters we wait for before deciding a CSV file's delimiter from a first line without a break. */
export const MAX_HEADER_PROBE_CHARS = 64 * 1024;

/** `bytes` in whole MB, for messages. */
export function inMegabytes(bytes: number): string {
  return `${Math.round(bytes / MiB)} MB`;
}
