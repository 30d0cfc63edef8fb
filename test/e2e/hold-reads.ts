/**
 * Holds the cache's transcript text back from an extension page's reads: a
 * readwrite transaction over the `transcripts` store, kept open, makes every
 * read of it that starts later wait (IndexedDB runs transactions with
 * overlapping scopes in the order they were made). The library index and the
 * active dataset's id are other stores: the library search's cards still come,
 * and the few milliseconds between the cards and their hits can be looked at.
 */
import type { Page } from 'playwright-core';

interface HoldingGlobal {
  ytsReleaseReads?: () => void;
}

/** Starts holding the reads in `page`; the function returned lets them through. */
export async function holdTranscriptReads(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('transcript-search');
        open.onerror = () => reject(new Error(`the cache did not open: ${String(open.error)}`));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('transcripts', 'readwrite');
          const store = tx.objectStore('transcripts');
          let isHeld = true;
          (globalThis as HoldingGlobal).ytsReleaseReads = () => (isHeld = false);
          // A transaction commits once no request is pending: a cheap read of no record keeps it open until released.
          const keepOpen = () => {
            if (isHeld) store.get(['', '']).onsuccess = keepOpen;
          };
          keepOpen();
          tx.oncomplete = () => db.close();
          resolve();
        };
      }),
  );
  return () => page.evaluate(() => (globalThis as HoldingGlobal).ytsReleaseReads?.());
}
