/**
 * Puts a dataset in place for a test the way the background imports any
 * file: JSON Lines text as one byte stream through the real import path,
 * hashed as the bundled sample is.
 */
import { hashText } from '../../lib/dataset/content-hash';
import { importDatasetStream } from '../../lib/imports/import-dataset';
import type { DatasetRecord, DatasetSource } from '../../lib/store/records';
import type { TranscriptDb } from '../../lib/store/schema';

export async function importJsonLines(
  db: TranscriptDb,
  text: string,
  source: DatasetSource,
  now: () => number = Date.now,
): Promise<DatasetRecord> {
  const stream = new Blob([text]).stream();
  return importDatasetStream(db, stream, { source, contentHash: await hashText(text), now });
}
