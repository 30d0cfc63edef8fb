/**
 * Getting a dataset file into the cache: read (any format), validate, save
 * beside the current one, switch. Side effects: writes to the database given.
 */
import { readDataset, type ReadProgress } from '../dataset/reader';
import { createLibraryIndexBuilder, type LibraryIndexBuilder } from '../library/library-index';
import { WebAssemblyUnavailableError } from '../library/numbering-instance';
import { saveDataset } from '../store/datasets';
import type { DatasetRecord, DatasetSource } from '../store/records';
import type { TranscriptDb } from '../store/schema';

/** A file that had no row we could use. Nothing was written. */
export class EmptyDatasetError extends Error {
  override name = 'EmptyDatasetError';
  constructor(readonly rejectedRows: number) {
    super(
      rejectedRows > 0
        ? `The file has no usable rows: all ${rejectedRows} rows were rejected.`
        : 'The file has no rows.',
    );
  }
}

export type ImportProgress =
  | ({ phase: 'reading' } & ReadProgress)
  | { phase: 'writing'; rows: number; videosWritten: number; videosTotal: number };

export interface StreamImportOptions {
  source: DatasetSource;
  /** SHA-256 of the file, when the caller knows it (the bundled sample): kept with the dataset. */
  contentHash?: string | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  now?: () => number;
}

/**
 * The dataset's index builder, or none where the browser runs no WebAssembly:
 * the dataset is imported all the same (the panel needs no index), and the
 * library search says why it cannot answer.
 */
function createIndexBuilderIfPossible(datasetId: string): LibraryIndexBuilder | undefined {
  try {
    return createLibraryIndexBuilder(datasetId);
  } catch (error) {
    if (error instanceof WebAssemblyUnavailableError) return undefined;
    throw error;
  }
}

/** Imports a dataset file of any supported format from a byte stream and makes it the active dataset. */
export async function importDatasetStream(
  db: TranscriptDb,
  stream: ReadableStream<Uint8Array>,
  { source, contentHash, signal, onProgress, now = Date.now }: StreamImportOptions,
): Promise<DatasetRecord> {
  const { transcripts, report, format, bytes } = await readDataset(stream, {
    signal,
    onProgress: (progress) => onProgress?.({ phase: 'reading', ...progress }),
  });
  if (transcripts.length === 0) throw new EmptyDatasetError(report.rejectedRows);
  const record = { id: crypto.randomUUID(), source, report, format, bytes, importedAt: now() };
  return saveDataset(db, contentHash === undefined ? record : { ...record, contentHash }, transcripts, {
    signal,
    // The search index is built from the same batches and arrives with the dataset, in the same switch.
    index: createIndexBuilderIfPossible(record.id),
    onProgress: (videosWritten, videosTotal) =>
      onProgress?.({ phase: 'writing', rows: report.totalRows, videosWritten, videosTotal }),
  });
}
