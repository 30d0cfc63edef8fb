/**
 * Reads a dataset file of any supported format from a byte stream, detecting
 * the format by content (not by name): gzip, Parquet, a JSON array, JSON
 * Lines, CSV or TSV. Parses while the bytes arrive where the format allows.
 * Side effects: none beyond consuming the stream and calling `onProgress`.
 */
import { parquetReadObjects } from 'hyparquet';
import { CsvParser, detectDelimiter, type CsvRecord } from './csv-parser';
import { collectJsonLine, TranscriptCollector, type ParsedDataset } from './dataset';

export type DatasetFormat = 'jsonl' | 'json-array' | 'csv' | 'tsv' | 'parquet';

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
    const detail = error instanceof Error ? error.message : String(error);
    throw new DatasetFormatError(`The Parquet file could not be read (${detail}).`);
  }
  rows.forEach((row, index) => collector.add(row, index + 1));
}

/** Reads text formats; decides between them from the first non-blank character and the header line. */
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
      collector.add(row, line);
    }
  };

  const addJsonLine = (line: string) => {
    lineNumber += 1;
    collectJsonLine(collector, line, lineNumber);
  };

  for await (const chunk of text) {
    signal?.throwIfAborted();
    if (format === undefined) {
      buffered += chunk;
      const start = buffered.replace(/^\uFEFF/, '').trimStart();
      if (start === '') continue;
      if (start.startsWith('[')) format = 'json-array';
      else if (start.startsWith('{')) format = 'jsonl';
      else {
        const newline = start.search(/\r?\n/);
        if (newline < 0 && buffered.length < 64 * 1024) continue; // wait for the whole header line
        const delimiter = detectDelimiter(newline < 0 ? start : start.slice(0, newline));
        format = delimiter === '\t' ? 'tsv' : 'csv';
        csv = new CsvParser(delimiter);
      }
      buffered = buffered.replace(/^\uFEFF/, '');
      if (csv) {
        addCsvRecords(csv.push(buffered));
        buffered = '';
      }
    } else if (csv) {
      addCsvRecords(csv.push(chunk));
    } else {
      buffered += chunk;
    }
    if (format === 'jsonl') {
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) addJsonLine(line);
    }
    onRows();
  }

  if (format === undefined) {
    const rest = buffered.replace(/^\uFEFF/, '').trim();
    if (rest === '') throw new DatasetFormatError('The file is empty.');
    // A one-line CSV/TSV without a final line break ended while we waited for one.
    const delimiter = detectDelimiter(rest);
    format = delimiter === '\t' ? 'tsv' : 'csv';
    csv = new CsvParser(delimiter);
    addCsvRecords(csv.push(rest));
  }
  if (format === 'jsonl') {
    if (buffered !== '') addJsonLine(buffered);
  } else if (format === 'json-array') {
    readJsonArray(buffered, collector);
  } else {
    addCsvRecords(csv!.finish());
    if (!header) throw new DatasetFormatError('The file has no header line naming its columns.');
  }
  return format;
}

function readJsonArray(text: string, collector: TranscriptCollector): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DatasetFormatError(`The file starts like a JSON array but is not valid JSON (${detail}).`);
  }
  if (!Array.isArray(value)) throw new DatasetFormatError('The file is JSON but not an array of rows.');
  value.forEach((row: unknown, index) => collector.add(row, index + 1));
}
