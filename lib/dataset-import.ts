/**
 * Getting a dataset file into the cache: parse, validate, save. Side effects:
 * writes to the database it is given.
 */
import { hashText } from './content-hash';
import { parseJsonLines } from './dataset';
import { getActiveDataset, saveDataset, type DatasetRecord, type DatasetSource, type TranscriptDb } from './store';

/** A file that had no row we could use. Nothing was written. */
export class EmptyDatasetError extends Error {
  constructor(readonly rejectedRows: number) {
    super(
      rejectedRows > 0
        ? `The dataset has no usable rows: all ${rejectedRows} rows were rejected.`
        : 'The dataset is empty.',
    );
    this.name = 'EmptyDatasetError';
  }
}

/** Imports JSON Lines text as the active dataset. Same text, same dataset id: re-importing is idempotent. */
export async function importJsonLines(
  db: TranscriptDb,
  text: string,
  source: DatasetSource,
  now: () => number = Date.now,
): Promise<DatasetRecord> {
  const { transcripts, report } = parseJsonLines(text);
  if (transcripts.length === 0) throw new EmptyDatasetError(report.rejectedRows);
  const id = await hashText(text);
  return saveDataset(db, { id, source, report, importedAt: now() }, transcripts);
}

/**
 * Makes sure the bundled sample is cached: imports it when the cache has no
 * dataset, or when the active one is an older bundled sample (an extension
 * update). A dataset the user chose is never replaced here.
 * Returns the active dataset and whether it was imported now.
 */
export async function ensureBundledDataset(
  db: TranscriptDb,
  bundled: { path: string; text: string },
): Promise<{ dataset: DatasetRecord; imported: boolean }> {
  const active = await getActiveDataset(db);
  if (active && active.source.kind !== 'bundled') return { dataset: active, imported: false };
  if (active && active.id === (await hashText(bundled.text))) return { dataset: active, imported: false };
  const dataset = await importJsonLines(db, bundled.text, { kind: 'bundled', path: bundled.path });
  return { dataset, imported: true };
}
