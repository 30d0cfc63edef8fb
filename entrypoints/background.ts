import { browser, defineBackground } from '#imports';
import { connectCaptionsDb } from '../lib/captions/cache-db';
import { createCaptionsCacheService } from '../lib/captions/cache-service';
import { BUNDLED_DATASET_PATH } from '../lib/dataset/bundled';
import { keepCache } from '../lib/imports/cache-keeper';
import { createImportController } from '../lib/imports/controller';
import { createFullDatasetDownloader } from '../lib/imports/full-dataset';
import { createRetryScheduler, listenForFullDatasetTriggers } from '../lib/imports/full-dataset-triggers';
import { REFRESH_ALARM, REFRESH_PERIOD_MINUTES } from '../lib/imports/refresh';
import { createTranscriptService } from '../lib/lookup/dataset-lookup';
import { SEARCH_PAGE_PATH } from '../lib/library/search-url';
import { createCaptionsLibrary } from '../lib/lookup/captions-library';
import { createLibraryService } from '../lib/lookup/library-lookup';
import { WORKER_TEXT_MEMORY } from '../lib/library/text-memory';
import { createMessageListener } from '../lib/messaging/listener';
import {
  activeDatasetItem,
  captionsCacheChangeItem,
  datasetUrlItem,
  fullDatasetAutomaticItem,
  fullDatasetStateItem,
  importJobItem,
} from '../lib/settings/storage-items';
import { createDatabaseConnection } from '../lib/store/connection';

export default defineBackground(() => {
  const connection = createDatabaseConnection();
  const database = () => connection.get();
  const imports = createImportController({
    database,
    jobStore: importJobItem,
    urlStore: datasetUrlItem,
    activeStore: activeDatasetItem,
    bundledUrl: browser.runtime.getURL(BUNDLED_DATASET_PATH),
    bundledPath: BUNDLED_DATASET_PATH,
    keepAlive: () => browser.runtime.getPlatformInfo(),
    onImportEnded: (result) => fullDataset.onImportEnded(result),
    mayResume: (job) => fullDataset.mayResume(job),
  });
  // The whole dataset by default: after the sample, by itself, with backoff (issue 13).
  const fullDataset = createFullDatasetDownloader({
    imports,
    database,
    enabledStore: fullDatasetAutomaticItem,
    stateStore: fullDatasetStateItem,
    scheduleRetry: createRetryScheduler(browser.alarms),
  });

  // Start-up, and a recovery whenever the browser takes the database away (cleared site data).
  const cache = keepCache({
    connection,
    jobStore: importJobItem,
    imports,
    onError: (error) => console.error('[transcript-search] the cache could not be prepared', error),
  });
  // Imports wait for the cache: its clean-up must not meet a new import's first writes.
  const afterReady = () => cache.ready().catch(() => undefined);
  const tryFullDataset = (trigger: Parameters<typeof fullDataset.trigger>[0]) => cache.started.then(() => fullDataset.trigger(trigger));
  void tryFullDataset('wake').catch(() => undefined);
  listenForFullDatasetTriggers({
    alarms: browser.alarms,
    runtime: browser.runtime,
    onlineTarget: globalThis,
    tryFullDataset,
    checkSavedUrl: () => afterReady().then(() => imports.refreshFromUrl()),
  });

  const transcripts = createTranscriptService({ database, ready: () => cache.ready() });
  // YouTube captions fetched by the panel: their own database, never touched by dataset imports.
  const captionsDatabase = connectCaptionsDb();
  // Each change is announced to every context that keeps the captions' search index (this one too).
  const captionsCache = createCaptionsCacheService({ database: captionsDatabase, onChange: () => void captionsCacheChangeItem.setValue(crypto.randomUUID()) });
  const captionsLibrary = createCaptionsLibrary(captionsDatabase);
  const library = createLibraryService({ database, captions: captionsLibrary, textMemory: WORKER_TEXT_MEMORY });
  activeDatasetItem.watch(() => {
    transcripts.forgetActiveDataset();
    library.forgetActiveDataset();
  });
  captionsCacheChangeItem.watch(() => captionsLibrary.forgetIndex());
  browser.runtime.onMessage.addListener(
    createMessageListener(
      {
        getTranscript: transcripts.getTranscript,
        getTranscriptSegments: transcripts.getTranscriptSegments,
        getVideoInfo: transcripts.getVideoInfo,
        getDatasetStatus: () =>
          afterReady().then(async () => ({ ...(await imports.status()), fullDataset: await fullDataset.status() })),
        startImport: ({ source }) =>
          afterReady().then(async () => {
            if (source.kind === 'bundled') await fullDataset.holdSample();
            return imports.start(source);
          }),
        cancelImport: () => imports.cancel(),
        checkForUpdate: () => afterReady().then(() => imports.refreshFromUrl()),
        downloadFullDataset: () => afterReady().then(() => fullDataset.downloadNow()),
        setFullDatasetAutomatic: ({ automatic }) => afterReady().then(() => fullDataset.setAutomatic(automatic)),
        ...captionsCache,
        // The panel's "All videos" scope: the content script cannot read the extension's IndexedDB.
        searchLibrary: (request) => afterReady().then(() => library.searchLibrary(request)),
      },
      browser.runtime.id,
      browser.runtime.getURL('/'),
    ),
  );

  browser.commands.onCommand.addListener((command) => {
    if (command === 'open-library-search') void browser.tabs.create({ url: browser.runtime.getURL(SEARCH_PAGE_PATH) });
  });

  void browser.alarms.get(REFRESH_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_PERIOD_MINUTES });
  });
});
