import { browser, defineBackground } from '#imports';
import { BUNDLED_DATASET_PATH } from '../lib/dataset/bundled';
import { ensureBundledDataset } from '../lib/imports/import-dataset';
import { REFRESH_ALARM, REFRESH_PERIOD_MINUTES } from '../lib/imports/refresh';
import { createImportController } from '../lib/imports/controller';
import { createMessageListener } from '../lib/messaging/protocol';
import { datasetUrlItem, importJobItem } from '../lib/settings/storage-items';
import { collectGarbage, openTranscriptDb, pruneUploads } from '../lib/store/database';
import { createTranscriptService } from '../lib/lookup/dataset-lookup';

export default defineBackground(() => {
  const bundledUrl = browser.runtime.getURL(BUNDLED_DATASET_PATH);
  const database = openTranscriptDb();
  const imports = createImportController({
    database,
    jobStore: importJobItem,
    urlStore: datasetUrlItem,
    bundledUrl,
    bundledPath: BUNDLED_DATASET_PATH,
    keepAlive: () => browser.runtime.getPlatformInfo(),
  });

  // Every time Chrome starts this worker (install, browser start, wake-up):
  // clear what an interrupted import left, make sure there is a dataset (the
  // bundled sample is the default and the offline fallback), then start over
  // an import the browser cut short.
  const startup = database.then(async (db) => {
    await collectGarbage(db);
    const job = await importJobItem.getValue();
    const resumable = job?.status === 'running' && job.source.kind === 'file' ? job.source.uploadId : undefined;
    await pruneUploads(db, resumable);
    const response = await fetch(bundledUrl);
    if (!response.ok) throw new Error(`the bundled file could not be read (HTTP ${response.status})`);
    await ensureBundledDataset(db, { path: BUNDLED_DATASET_PATH, text: await response.text() });
  });
  startup
    .catch((error: unknown) => console.error('[transcript-search] start-up import failed', error))
    .finally(() => void imports.resumeInterrupted());

  // Imports wait for start-up: its clean-up must not meet a new import's first writes.
  const afterStartup = startup.catch(() => undefined);
  const transcripts = createTranscriptService({ database, pendingImport: startup });
  browser.runtime.onMessage.addListener(
    createMessageListener(
      {
        ...transcripts,
        getDatasetStatus: () => afterStartup.then(() => imports.status()),
        startImport: ({ source }) => afterStartup.then(() => imports.start(source)),
        cancelImport: () => imports.cancel(),
        checkForUpdate: () => afterStartup.then(() => imports.refreshFromUrl()),
      },
      browser.runtime.id,
      browser.runtime.getURL('/'),
    ),
  );

  void browser.alarms.get(REFRESH_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_PERIOD_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void afterStartup.then(() => imports.refreshFromUrl());
  });
});
