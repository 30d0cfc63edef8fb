/**
 * Getting a dataset file into the cache: read (any format), validate, save
 * beside the current one, switch. Side effects: writes to the database given.
 */
import { hashText } from '../dataset/content-hash';
import { parseJsonLines } from '../dataset/rows';
import { readDataset, type ReadProgress } from '../dataset/reader';
import { getActiveDataset, saveDataset, type DatasetRecord, type DatasetSource, type TranscriptDb } from '../store/database';

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
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  now?: () => number;
}

/** Imports a dataset file of any supported format from a byte stream and makes it the active dataset. */
export async function importDatasetStream(
  db: TranscriptDb,
  stream: ReadableStream<Uint8Array>,
  { source, signal, onProgress, now = Date.now }: StreamImportOptions,
): Promise<DatasetRecord> {
  const { transcripts, report, format, bytes } = await readDataset(stream, {
    signal,
    onProgress: (progress) => onProgress?.({ phase: 'reading', ...progress }),
  });
  if (transcripts.length === 0) throw new EmptyDatasetError(report.rejectedRows);
  return saveDataset(
    db,
    { id: crypto.randomUUID(), source, report, format, bytes, importedAt: now() },
    transcripts,
    {
      signal,
      onProgress: (videosWritten, videosTotal) =>
        onProgress?.({ phase: 'writing', rows: report.totalRows, videosWritten, videosTotal }),
    },
  );
}

/** Imports JSON Lines text held in memory (the bundled sample) as the active dataset. */
export async function importJsonLines(
  db: TranscriptDb,
  text: string,
  source: DatasetSource,
  now: () => number = Date.now,
  signal?: AbortSignal,
): Promise<DatasetRecord> {
  const { transcripts, report } = parseJsonLines(text);
  if (transcripts.length === 0) throw new EmptyDatasetError(report.rejectedRows);
  const record = {
    id: crypto.randomUUID(),
    contentHash: await hashText(text),
    source,
    report,
    format: 'jsonl',
    bytes: new TextEncoder().encode(text).length,
    importedAt: now(),
  };
  return saveDataset(db, record, transcripts, { signal });
}

/**
 * Makes sure the bundled sample is cached: imports it when the cache has no
 * dataset, or when the active one is an older bundled sample (an extension
 * update). A dataset the user chose is never replaced here; importing the
 * same sample again is skipped, so start-ups are idempotent.
 * Returns the active dataset and whether it was imported now.
 */
export async function ensureBundledDataset(
  db: TranscriptDb,
  bundled: { path: string; text: string },
): Promise<{ dataset: DatasetRecord; imported: boolean }> {
  const active = await getActiveDataset(db);
  if (active && active.source.kind !== 'bundled') return { dataset: active, imported: false };
  if (active && active.contentHash === (await hashText(bundled.text))) return { dataset: active, imported: false };
  const dataset = await importJsonLines(db, bundled.text, { kind: 'bundled', path: bundled.path });
  return { dataset, imported: true };
}
