/**
 * The baseline layout: one IndexedDB record per dataset row, keyed
 * [video_id, start_second], with an index on video_id. This is what a direct
 * mapping of the file would give; lib/store.ts keeps one record per video instead.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DatasetRow } from '../shared/synthetic';

export const NAIVE_DB_NAME = 'bench-naive-rows';

interface NaiveSchema extends DBSchema {
  segments: { key: [string, number]; value: DatasetRow; indexes: { video_id: string } };
}

export type NaiveDb = IDBPDatabase<NaiveSchema>;

/** Deletes any previous copy, so every write starts from an empty database. */
export async function openEmptyNaiveDb(): Promise<NaiveDb> {
  await deleteDB(NAIVE_DB_NAME);
  return openNaiveDb();
}

export function openNaiveDb(): Promise<NaiveDb> {
  return openDB<NaiveSchema>(NAIVE_DB_NAME, 1, {
    upgrade(db) {
      const store = db.createObjectStore('segments', { keyPath: ['video_id', 'start_second'] });
      store.createIndex('video_id', 'video_id');
    },
  });
}

/** Every row, one put each, in a single transaction; no parsing or validation. */
export async function writeRows(db: NaiveDb, rows: readonly DatasetRow[]): Promise<void> {
  const tx = db.transaction('segments', 'readwrite');
  const writes: Promise<unknown>[] = rows.map((row) => tx.store.put(row));
  await Promise.all([...writes, tx.done]);
}

/** Baseline (a): the index on video_id. */
export function readByIndex(db: NaiveDb, videoId: string): Promise<DatasetRow[]> {
  return db.getAllFromIndex('segments', 'video_id', videoId);
}

/** Baseline (b): a primary-key range over [videoId, any start]. */
export function readByKeyRange(db: NaiveDb, videoId: string): Promise<DatasetRow[]> {
  return db.getAll('segments', IDBKeyRange.bound([videoId], [videoId, []]));
}
