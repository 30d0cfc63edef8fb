/** Files the options page stages for the background to import. Side effects: writes to the database given. */
import type { UploadRecord } from './records';
import type { TranscriptDb } from './schema';

/** Keeps a file for the background to import. Returns its id. */
export async function stageUpload(db: TranscriptDb, file: Blob, name: string, now: number = Date.now()): Promise<string> {
  const id = crypto.randomUUID();
  await db.put('uploads', { id, name, blob: file, stagedAt: now });
  return id;
}

export function getUpload(db: TranscriptDb, id: string): Promise<UploadRecord | undefined> {
  return db.get('uploads', id);
}

export function deleteUpload(db: TranscriptDb, id: string): Promise<void> {
  return db.delete('uploads', id);
}

/** Removes staged files no import will read (left when an import never started or was abandoned). */
export async function pruneUploads(db: TranscriptDb, keepId?: string): Promise<number> {
  const ids = (await db.getAllKeys('uploads')).filter((id) => id !== keepId);
  await Promise.all(ids.map((id) => db.delete('uploads', id)));
  return ids.length;
}
