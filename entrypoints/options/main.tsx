import { browser } from '#imports';
import { render } from 'preact';
import { OptionsPage } from '../../components/OptionsPage';
import { CaptionsCacheControl } from './captions-cache';
import type { DatasetStatus } from '../../lib/imports/job';
import { describeError } from '../../lib/format/describe-error';
import { retryFullDataset } from '../../lib/imports/full-dataset-notice';
import { sendRequest } from '../../lib/messaging/client';
import { activeDatasetItem, datasetUrlItem, fullDatasetStateItem, importJobItem } from '../../lib/settings/storage-items';
import type { ImportSource } from '../../lib/store/records';
import { openTranscriptDb } from '../../lib/store/schema';
import { deleteUpload, stageUpload } from '../../lib/store/uploads';

const root = document.getElementById('app')!;
let status: DatasetStatus | null = null;
let storageUsed: number | null = null;
let problem = '';

async function refresh(): Promise<void> {
  try {
    status = await sendRequest({ type: 'getDatasetStatus' });
    storageUsed = (await navigator.storage.estimate()).usage ?? null;
  } catch (error) {
    problem = `The extension's background worker could not answer (${describeError(error)}).`;
  }
  draw();
}

/** Asks the background to import; says whether it started. */
async function startImport(source: ImportSource): Promise<boolean> {
  problem = '';
  let started = false;
  try {
    const response = await sendRequest({ type: 'startImport', source });
    started = response.status === 'started';
    if (!started) problem = 'An import is already running; cancel it first.';
  } catch (error) {
    problem = `The import could not be started (${describeError(error)}).`;
  }
  await refresh();
  return started;
}

async function importFile(file: File): Promise<void> {
  problem = '';
  try {
    // The background reads the file from IndexedDB, so a restarted worker can read it again.
    const db = await openTranscriptDb();
    try {
      const uploadId = await stageUpload(db, file, file.name);
      if (!(await startImport({ kind: 'file', uploadId, name: file.name }))) await deleteUpload(db, uploadId);
    } finally {
      db.close();
    }
  } catch (error) {
    problem = `The file could not be handed to the importer (${describeError(error)}).`;
    draw();
  }
}

async function grantAccessAndRetry(pattern: string): Promise<void> {
  let granted: boolean;
  try {
    granted = await browser.permissions.request({ origins: [pattern] });
  } catch (error) {
    // E.g. a pattern the manifest does not list, or no user gesture: say so rather than nothing.
    problem = `Access could not be asked for (${describeError(error)}).`;
    draw();
    return;
  }
  const source = status?.job?.source;
  if (!granted) {
    problem = 'Access was not granted, so the dataset cannot be downloaded from there.';
    draw();
  } else if (source?.kind === 'url') await startImport(source);
}

async function checkNow(): Promise<void> {
  problem = '';
  try {
    const result = await sendRequest({ type: 'checkForUpdate' });
    if (result.status === 'failed') problem = result.message;
  } catch (error) {
    problem = `The check could not be started (${describeError(error)}).`;
  }
  await refresh();
}

async function cancelImport(): Promise<void> {
  try {
    await sendRequest({ type: 'cancelImport' });
  } catch (error) {
    problem = `The import could not be cancelled (${describeError(error)}).`;
  }
  await refresh();
}


async function setAutomatic(automatic: boolean): Promise<void> {
  problem = '';
  try {
    await sendRequest({ type: 'setFullDatasetAutomatic', automatic });
  } catch (error) {
    problem = `The setting could not be saved (${describeError(error)}).`;
  }
  await refresh();
}

/** Retry: says why when the download did not start. */
async function retry(): Promise<void> {
  problem = await retryFullDataset(() => sendRequest({ type: 'downloadFullDataset' }));
  await refresh();
}

function draw(): void {
  render(
    <OptionsPage
      status={status}
      storageUsed={storageUsed}
      problem={problem}
      onImportUrl={(url) => void startImport({ kind: 'url', url })}
      onImportFile={(file) => void importFile(file)}
      onCancel={() => void cancelImport()}
      onReset={() => void startImport({ kind: 'bundled' })}
      onCheckNow={() => void checkNow()}
      onGrantAccess={(pattern) => void grantAccessAndRetry(pattern)}
      onAutomaticChange={(automatic) => void setAutomatic(automatic)}
      onRetryFullDataset={() => void retry()}
    >
      <CaptionsCacheControl />
    </OptionsPage>,
    root,
  );
}

// The page shows the import's progress, so it follows the job record the background saves as it goes.
importJobItem.watch(() => void refresh());
datasetUrlItem.watch(() => void refresh());
activeDatasetItem.watch(() => void refresh());
fullDatasetStateItem.watch(() => void refresh());
draw();
void refresh();
