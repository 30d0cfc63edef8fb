/**
 * Reads a dataset file of any supported format from a byte stream, detecting
 * the format by content (not by name): gzip, Parquet, a JSON array, JSON
 * Lines, CSV or TSV. Parses while the bytes arrive where the format allows.
 * Side effects: none beyond consuming the stream and calling `onProgress`.
 */
import { meter, peek, readAllBytes } from './byte-streams';
import { isGzip, isParquet, type DatasetFormat } from './detect-format';
import { readParquet } from './parquet-reader';
import { TranscriptCollector, type ParsedDataset } from './rows';
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

export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;

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
  const compressed = isGzip(head);
  if (compressed) {
    stream = rest.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
    ({ head, stream: rest } = await peek(stream, 4));
  }
  rest = rest.pipeThrough(meter(maxBytes, signal, () => undefined));

  let format: DatasetFormat;
  if (isParquet(head)) {
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
