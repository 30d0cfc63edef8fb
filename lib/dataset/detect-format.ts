/**
 * Which format a dataset file is in, from its content (never its name): magic
 * bytes for gzip and Parquet, then the first characters and the header line
 * for the text formats. Pure.
 */
import { detectDelimiter } from './csv-parser';

export type DatasetFormat = 'jsonl' | 'json-array' | 'json' | 'csv' | 'tsv' | 'parquet';

const GZIP_MAGIC = [0x1f, 0x8b];
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

export function isGzip(head: Uint8Array): boolean {
  return startsWith(head, GZIP_MAGIC);
}

export function isParquet(head: Uint8Array): boolean {
  return startsWith(head, PARQUET_MAGIC);
}

/** Longest first line we wait for before deciding a text format from what we have. */
const MAX_FIRST_LINE = 64 * 1024;

/**
 * The text format, from the file's start (BOM and leading blanks removed), or
 * `undefined` while the first line is incomplete and more text may come.
 */
export function detectTextFormat(start: string, complete: boolean): DatasetFormat | undefined {
  if (start.startsWith('[')) return 'json-array';
  const newline = start.search(/\r?\n/);
  if (newline < 0 && !complete && start.length < MAX_FIRST_LINE) return undefined;
  const firstLine = newline < 0 ? start : start.slice(0, newline);
  if (start.startsWith('{')) {
    // One object per line, or one (pretty-printed) object: a Whisper output file.
    try {
      JSON.parse(firstLine);
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
  return detectDelimiter(firstLine) === '\t' ? 'tsv' : 'csv';
}
