/**
 * Getting a dataset file into the cache: read (any format), validate, save
 * beside the current one, switch. Side effects: writes to the database given.
 */
import { readDataset, type ReadProgress } from '../dataset/reader';
import { createLibraryIndexBuilder } from '../library/library-index';
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

/** Runs `work` as a task of its own after those queued: a message to itself (a timeout would wait 4 ms once nested). */
function scheduleTask(work: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    work();
  };
  channel.port2.postMessage(null);
}

/** Imports a dataset file of any supported format from a byte stream and makes it the active dataset. */
export async function importDatasetStream(
  db: TranscriptDb,
  stream: ReadableStream<Uint8Array>,
  { source, contentHash, signal, onProgress, now = Date.now }: StreamImportOptions,
): Promise<DatasetRecord> {
  const id = crypto.randomUUID();
  // The search index arrives with the dataset, in the same switch: its words are numbered from the
  // rows as they are read, in the gaps while the import waits (for the file, for the disk), and its
  // parts are built from the write batches.
  const index = createLibraryIndexBuilder(id, { schedule: scheduleTask });
  const { transcripts, report, format, bytes } = await readDataset(stream, {
    signal,
    onProgress: (progress) => onProgress?.({ phase: 'reading', ...progress }),
    onSegment: index.prepare,
  });
  if (transcripts.length === 0) throw new EmptyDatasetError(report.rejectedRows);
  const record = { id, source, report, format, bytes, importedAt: now() };
  return saveDataset(db, contentHash === undefined ? record : { ...record, contentHash }, transcripts, {
    signal,
    index,
    onProgress: (videosWritten, videosTotal) =>
      onProgress?.({ phase: 'writing', rows: report.totalRows, videosWritten, videosTotal }),
  });
}
