/**
 * Reads a dataset file of any supported format from a byte stream, detecting
 * the format by content (not by name): gzip, Parquet, a JSON array, JSON
 * Lines, CSV or TSV. Parses while the bytes arrive where the format allows.
 * Side effects: none beyond consuming the stream and calling `onProgress`.
 */
import { parquetReadObjects } from 'hyparquet';
import { CsvParser, detectDelimiter, type CsvRecord } from './csv-parser';
import { collectJsonLine, TranscriptCollector, type ParsedDataset } from './rows';
import { describeError } from '../format/describe-error';

export type DatasetFormat = 'jsonl' | 'json-array' | 'json' | 'csv' | 'tsv' | 'parquet';

export interface ReadProgress {
  /** Bytes taken from the source so far (compressed bytes for a .gz). */
  bytes: number;
  /** Rows decoded so far. */
  rows: number;
}

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
  /** Refuse sources larger than this many bytes (after decompression). */
  maxBytes?: number;
}

export interface ReadResult extends ParsedDataset {
  format: DatasetFormat;
  compressed: boolean;
  /** Bytes taken from the source. */
  bytes: number;
}

/** A file we cannot read: the message says why, in words. */
export class DatasetFormatError extends Error {
  override name = 'DatasetFormatError';
}

export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;
const GZIP_MAGIC = [0x1f, 0x8b];
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** Reads the first chunk(s) of a stream and returns them with a stream that still yields everything. */
async function peek(stream: ReadableStream<Uint8Array>, minBytes: number): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < minBytes) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = concat(chunks, length);
  const replay = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.length > 0) controller.enqueue(head);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, stream: replay };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

/** Counts bytes as they pass, enforces the size limit and cancellation. */
function meter(limit: number, signal: AbortSignal | undefined, onBytes: (total: number) => void) {
  let total = 0;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      signal?.throwIfAborted();
      total += chunk.length;
      if (total > limit) {
        throw new DatasetFormatError(`The file is larger than ${Math.round(limit / 1024 / 1024)} MB, more than this extension reads.`);
      }
      onBytes(total);
      controller.enqueue(chunk);
    },
  });
}

async function readAllBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    length += chunk.length;
  }
  return concat(chunks, length);
}

/** Reads and validates a whole dataset. Throws `DatasetFormatError` for a file of no known format. */
export async function readDataset(source: ReadableStream<Uint8Array>, options: ReadOptions = {}): Promise<ReadResult> {
  const { onProgress, signal, maxBytes = DEFAULT_MAX_BYTES } = options;
  const collector = new TranscriptCollector();
  let sourceBytes = 0;
  let lastReport = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (!onProgress || (!force && now - lastReport < 100)) return;
    lastReport = now;
    onProgress({ bytes: sourceBytes, rows: collector.rowCount });
  };

  // The pipe's signal also cancels a source that has stalled (a server holding the connection).
  let stream = source.pipeThrough(
    meter(Number.POSITIVE_INFINITY, signal, (total) => {
      sourceBytes = total;
      report();
    }),
    signal ? { signal } : {},
  );
  let { head, stream: rest } = await peek(stream, 4);
  const compressed = startsWith(head, GZIP_MAGIC);
  if (compressed) {
    stream = rest.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
    ({ head, stream: rest } = await peek(stream, 4));
  }
  rest = rest.pipeThrough(meter(maxBytes, signal, () => undefined));

  let format: DatasetFormat;
  if (startsWith(head, PARQUET_MAGIC)) {
    format = 'parquet';
    const bytes = await readAllBytes(rest);
    await readParquet(bytes, collector);
  } else {
    // TypeScript's DOM types do not line TextDecoderStream up with pipeThrough's generic pair.
    const decoder = new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>;
    format = await readText(rest.pipeThrough(decoder), collector, signal, () => report());
  }
  report(true);
  return { ...collector.finish(), format, compressed, bytes: sourceBytes };
}

async function readParquet(bytes: Uint8Array, collector: TranscriptCollector): Promise<void> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let rows: Record<string, unknown>[];
  try {
    rows = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
  } catch (error) {
    throw new DatasetFormatError(`The Parquet file could not be read (${describeError(error)}).`);
  }
  rows.forEach((row, index) => collector.add(row, index + 1));
}

/** Reads text formats; decides between them from the first non-blank character and the header line. */
/** Longest first line we wait for before deciding a text format from what we have. */
const MAX_FIRST_LINE = 64 * 1024;

/**
 * The text format, from the file's start (BOM and leading blanks removed), or
 * `undefined` while the first line is incomplete and more text may come.
 */
function detectTextFormat(start: string, complete: boolean): DatasetFormat | undefined {
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

async function readText(
  text: ReadableStream<string>,
  collector: TranscriptCollector,
  signal: AbortSignal | undefined,
  onRows: () => void,
): Promise<DatasetFormat> {
  let format: DatasetFormat | undefined;
  let buffered = '';
  let lineNumber = 0;
  let csv: CsvParser | undefined;
  let decimalComma = false;
  let header: string[] | undefined;

  const addCsvRecords = (records: CsvRecord[]) => {
    for (const { fields, line } of records) {
      if (!header) {
        header = fields.map((name) => name.trim());
        continue;
      }
      const row: Record<string, unknown> = {};
      header.forEach((name, i) => {
        row[name] = fields[i];
      });
      collector.add(row, line, { decimalComma });
    }
  };

  const addJsonLines = (final: boolean) => {
    const lines = buffered.split('\n');
    buffered = final ? '' : (lines.pop() ?? '');
    for (const line of lines) {
      lineNumber += 1;
      collectJsonLine(collector, line, lineNumber);
    }
  };

  /** Decides the format once enough text is in; then hands what is buffered to its reader. */
  const decide = (complete: boolean) => {
    buffered = buffered.replace(/^\uFEFF/, '');
    format = detectTextFormat(buffered.trimStart(), complete);
    if (format === 'csv' || format === 'tsv') {
      const firstLine = buffered.trimStart().split(/\r?\n/, 1)[0] ?? '';
      const delimiter = detectDelimiter(firstLine);
      // Semicolon files come from locales that write 1,5 for one and a half.
      decimalComma = delimiter === ';';
      csv = new CsvParser(delimiter);
      addCsvRecords(csv.push(buffered));
      buffered = '';
    }
  };

  for await (const chunk of text) {
    signal?.throwIfAborted();
    if (csv) addCsvRecords(csv.push(chunk));
    else buffered += chunk;
    if (format === undefined && buffered.trim() !== '') decide(false);
    if (format === 'jsonl') addJsonLines(false);
    onRows();
  }

  if (format === undefined) {
    if (buffered.replace(/^\uFEFF/, '').trim() === '') throw new DatasetFormatError('The file is empty.');
    decide(true);
  }
  switch (format) {
    case 'jsonl':
      addJsonLines(true);
      break;
    case 'json-array':
    case 'json':
      readJsonDocument(buffered, collector);
      break;
    default:
      addCsvRecords(csv!.finish());
      if (!header) throw new DatasetFormatError('The file has no header line naming its columns.');
  }
  return format!;
}

/** A whole JSON file: an array of rows, or one object (a row, or a Whisper-style video with its segments). */
function readJsonDocument(text: string, collector: TranscriptCollector): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DatasetFormatError(`The file starts like JSON but is not valid JSON (${describeError(error)}).`);
  }
  if (Array.isArray(value)) value.forEach((row: unknown, index) => collector.add(row, index + 1));
  else collector.add(value, 1);
}
