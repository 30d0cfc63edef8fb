import { browser, defineBackground } from '#imports';
import { BUNDLED_DATASET_PATH } from '../lib/bundled-dataset';
import { ensureBundledDataset } from '../lib/dataset-import';
import { createMessageListener } from '../lib/messages';
import { openTranscriptDb } from '../lib/store';
import { createTranscriptService } from '../lib/transcript-service';

export default defineBackground(() => {
  // Runs on install, on browser start-up and whenever Chrome wakes the worker:
  // each time, check the cache and import the bundled sample if it needs to be.
  const database = openTranscriptDb();
  const bundledImport = database.then(async (db) => {
    const response = await fetch(browser.runtime.getURL(BUNDLED_DATASET_PATH));
    if (!response.ok) throw new Error(`the bundled file could not be read (HTTP ${response.status})`);
    return ensureBundledDataset(db, { path: BUNDLED_DATASET_PATH, text: await response.text() });
  });
  bundledImport.catch((error: unknown) => console.error('[transcript-search] bundled dataset import failed', error));
  const service = createTranscriptService({ database, pendingImport: bundledImport });

  browser.runtime.onMessage.addListener(createMessageListener(service, browser.runtime.id));
});
