/**
 * What Chrome does to the extension's IndexedDB when the user clears its data
 * (or DevTools calls `Storage.clearDataForOrigin`): open connections are
 * closed with the forced flag (they get a `close` event), and the data is gone.
 */
import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import type { TranscriptDb } from '../../lib/store/schema';

export async function clearSiteData(db: TranscriptDb): Promise<void> {
  const raw = unwrap(db);
  // fake-indexeddb types its parameter as the IDBDatabase constructor; it takes the connection.
  forceCloseDatabase(raw as unknown as Parameters<typeof forceCloseDatabase>[0]);
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(raw.name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
  });
}
