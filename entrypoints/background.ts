import { browser, defineBackground } from '#imports';
import { openCaptionsDb } from '../lib/captions/cache-db';
import { createCaptionsCacheService } from '../lib/captions/cache-service';
import { BUNDLED_DATASET_PATH } from '../lib/dataset/bundled';
import { createImportController } from '../lib/imports/controller';
import { REFRESH_ALARM, REFRESH_PERIOD_MINUTES } from '../lib/imports/refresh';
import { startUp } from '../lib/imports/start-up';
import { createTranscriptService } from '../lib/lookup/dataset-lookup';
import { createMessageListener } from '../lib/messaging/listener';
import { activeDatasetItem, datasetUrlItem, importJobItem } from '../lib/settings/storage-items';
import { openTranscriptDb } from '../lib/store/schema';

export default defineBackground(() => {
  const connection = openTranscriptDb();
  const database = () => connection;
  const imports = createImportController({
    database,
    jobStore: importJobItem,
    urlStore: datasetUrlItem,
    activeStore: activeDatasetItem,
    bundledUrl: browser.runtime.getURL(BUNDLED_DATASET_PATH),
    bundledPath: BUNDLED_DATASET_PATH,
    keepAlive: () => browser.runtime.getPlatformInfo(),
  });

  const startup = startUp({ database, jobStore: importJobItem, imports });
  startup.catch((error: unknown) => console.error('[transcript-search] start-up import failed', error));
  // Imports wait for start-up: its clean-up must not meet a new import's first writes.
  const afterStartup = startup.catch(() => undefined);

  const transcripts = createTranscriptService({ database, pendingImport: startup });
  activeDatasetItem.watch(() => transcripts.forgetActiveDataset());
  // YouTube captions fetched by the panel: their own database, never touched by dataset imports.
  const captionsCache = createCaptionsCacheService({ database: openCaptionsDb() });
  browser.runtime.onMessage.addListener(
    createMessageListener(
      {
        getTranscript: transcripts.getTranscript,
        getVideoInfo: transcripts.getVideoInfo,
        getDatasetStatus: () => afterStartup.then(() => imports.status()),
        startImport: ({ source }) => afterStartup.then(() => imports.start(source)),
        cancelImport: () => imports.cancel(),
        checkForUpdate: () => afterStartup.then(() => imports.refreshFromUrl()),
        ...captionsCache,
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
