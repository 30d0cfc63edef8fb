/**
 * The IndexedDB cache (through `idb`): schema, version and upgrades in one place.
 *
 * Layout: a video's segments live together in one `transcripts` record, so the
 * panel's one question ("everything about this video") is a single key read
 * instead of a 450-row index or range scan. Records are keyed by dataset id as
 * well, so a new dataset can be written beside the current one and switched in
 * with one small write (`meta.activeDatasetId`) when it is complete.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LibraryIndexHeader } from '../library/library-index';
import type { StoredIndexPart } from './index-part-record';
import { watchConnectionLoss } from './connection-loss';
import type { DatasetRecord, TranscriptRecord, UploadRecord, VideoRecord } from './records';

export const DB_NAME = 'transcript-search';
/**
 * 2: the library search index (`libraryIndex`), added beside the version-1 stores.
 * 3: the index in parts (`libraryIndexParts`), written with the import's batches; version-2 indexes are dropped.
 * 4: a part's arrays in one Blob (`index-part-record.ts`); version-3 indexes are dropped, and rebuilt when first needed.
 */
export const DB_VERSION = 4;

interface MetaValues {
  activeDatasetId: string;
}

export interface TranscriptDbSchema extends DBSchema {
  datasets: { key: string; value: DatasetRecord };
  videos: { key: [string, string]; value: VideoRecord; indexes: { 'by-dataset': string } };
  transcripts: { key: [string, string]; value: TranscriptRecord; indexes: { 'by-dataset': string } };
  meta: { key: keyof MetaValues; value: MetaValues[keyof MetaValues] };
  uploads: { key: string; value: UploadRecord };
  /** One search index header per dataset, keyed by its id: it arrives and leaves with its dataset. */
  libraryIndex: { key: string; value: LibraryIndexHeader };
  /** The index's parts, keyed by dataset id and position. */
  libraryIndexParts: { key: [string, number]; value: StoredIndexPart };
}

export type TranscriptDb = IDBPDatabase<TranscriptDbSchema>;

export interface OpenOptions {
  /**
   * The browser took this connection away: it closed it (the user cleared the
   * extension's data), or another context wants to delete or upgrade the
   * database, in which case the connection is closed first so that it is not
   * blocked. Either way the connection is unusable; open a new one.
   */
  onLost?: (() => void) | undefined;
}

/** Opens (and creates or upgrades) the cache. Side effect: may create the database. */
export function openTranscriptDb(name: string = DB_NAME, { onLost }: OpenOptions = {}): Promise<TranscriptDb> {
  return openDB<TranscriptDbSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        db.createObjectStore('datasets', { keyPath: 'id' });
        const videos = db.createObjectStore('videos', { keyPath: ['datasetId', 'videoId'] });
        videos.createIndex('by-dataset', 'datasetId');
        const transcripts = db.createObjectStore('transcripts', { keyPath: ['datasetId', 'videoId'] });
        transcripts.createIndex('by-dataset', 'datasetId');
        db.createObjectStore('meta');
        db.createObjectStore('uploads', { keyPath: 'id' });
      }
      // Additive: a cache from version 1 keeps its dataset; its index is built when first needed.
      if (!db.objectStoreNames.contains('libraryIndex')) db.createObjectStore('libraryIndex', { keyPath: 'sourceId' });
      // A version-2 or -3 index (another shape) would only be rebuilt: free its space now.
      else if (oldVersion === 2 || oldVersion === 3) void transaction.objectStore('libraryIndex').clear();
      if (!db.objectStoreNames.contains('libraryIndexParts')) db.createObjectStore('libraryIndexParts', { keyPath: ['sourceId', 'part'] });
      else if (oldVersion === 3) void transaction.objectStore('libraryIndexParts').clear();
    },
    ...watchConnectionLoss(onLost),
  });
}
