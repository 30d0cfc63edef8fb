/**
 * Reads a dataset file of any supported format from a byte stream, detecting
 * the format by content (not by name): gzip, Parquet, a JSON array, JSON
 * Lines, CSV or TSV. Parses while the bytes arrive where the format allows.
 * Side effects: none beyond consuming the stream and calling `onProgress`.
 */
import { meter, peek, readAllBytes } from './byte-streams';
import { isGzip, isParquet, type DatasetFormat } from './detect-format';
import { inMegabytes, MAX_PARQUET_BYTES, MAX_SOURCE_BYTES } from './limits';
import { readParquet } from './parquet-reader';
import { createProgressReporter } from './progress';
import { TranscriptCollector, type ParsedDataset, type RowSink } from './rows';
import { readText } from './text-reader';

export type { DatasetFormat } from './detect-format';
export { DatasetFormatError } from './format-error';

export interface ReadProgress {
  /** Bytes taken from the source so far (compressed bytes for a .gz). */
  bytes: number;
  /** Rows decoded so far. */
  rows: number;
}

export interface ReadOptions {
  onProgress?: ((progress: ReadProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Refuse sources larger than this many bytes (after decompression). */
  maxBytes?: number | undefined;
}

export interface ReadResult extends ParsedDataset {
  format: DatasetFormat;
  compressed: boolean;
  /** Bytes taken from the source. */
  bytes: number;
}

export const DEFAULT_MAX_BYTES = MAX_SOURCE_BYTES;

/** What a read found out about the file itself; the rows went to the sink. */
export interface SourceInfo {
  format: DatasetFormat;
  compressed: boolean;
  /** Bytes taken from the source. */
  bytes: number;
}

function describeParquetTooLarge(limit: number): string {
  return `The Parquet file is larger than ${inMegabytes(limit)}: this extension reads Parquet only up to that size, because it must hold the whole file to read it. Convert it to JSON Lines, which is read as it arrives.`;
}

/**
 * Reads any supported format into `sink`, row by row in file order, waiting
 * on `sink.drain()` between pieces of the file. Throws `DatasetFormatError` for a file we
 * cannot read, and the signal's reason when aborted.
 */
export async function readIntoSink(source: ReadableStream<Uint8Array>, sink: RowSink, options: ReadOptions = {}): Promise<SourceInfo> {
  const { onProgress, signal, maxBytes = DEFAULT_MAX_BYTES } = options;
  let sourceBytes = 0;
  const progress = createProgressReporter(onProgress, () => ({ bytes: sourceBytes, rows: sink.rowCount }));
  const onBytes = (total: number) => {
    sourceBytes = total;
    progress.update();
  };
  try {
    // The pipe's signal also cancels a source that has stalled (a server holding the connection).
    let stream = source.pipeThrough(meter({ limit: Number.POSITIVE_INFINITY, signal, onBytes }), signal ? { signal } : {});
    let { head, stream: rest } = await peek(stream, 4);
    const compressed = isGzip(head);
    if (compressed) {
      stream = rest.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
      ({ head, stream: rest } = await peek(stream, 4));
    }
    let format: DatasetFormat;
    if (isParquet(head)) {
      format = 'parquet';
      const limit = Math.min(maxBytes, MAX_PARQUET_BYTES);
      const bytes = await readAllBytes(rest.pipeThrough(meter({ limit, signal, tooLarge: describeParquetTooLarge })));
      await readParquet(bytes, sink, { signal, onRowGroup: () => progress.update() });
    } else {
      // TypeScript's DOM types do not line TextDecoderStream up with pipeThrough's generic pair.
      const decoder = new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>;
      const text = rest.pipeThrough(meter({ limit: maxBytes, signal })).pipeThrough(decoder);
      format = await readText(text, sink, { signal, onChunk: () => progress.update() });
    }
    progress.stop();
    return { format, compressed, bytes: sourceBytes };
  } finally {
    progress.cancel();
  }
}

/** Reads and validates a whole dataset. Throws `DatasetFormatError` for a file of no known format. */
export async function readDataset(source: ReadableStream<Uint8Array>, options: ReadOptions = {}): Promise<ReadResult> {
  const collector = new TranscriptCollector();
  const info = await readIntoSink(source, collector, options);
  return { ...collector.finish(), ...info };
}
