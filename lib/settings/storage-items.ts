/** Everything kept in extension storage, each item defined once (WXT storage, `storage` permission). */
import { storage } from '#imports';
import type { FullDatasetState, ImportJob, SavedDatasetUrl } from '../imports/job';
import type { ActiveDataset } from '../store/records';

/** Panel collapsed or expanded; remembered across videos and reloads. */
export const panelCollapsedItem = storage.defineItem<boolean>('local:panelCollapsed', { fallback: false });

/** The latest import and its progress: the checkpoint a restarted worker resumes from, and what the options page shows. */
export const importJobItem = storage.defineItem<ImportJob | null>('local:importJob', { fallback: null });

/** The dataset URL the daily check follows. */
export const datasetUrlItem = storage.defineItem<SavedDatasetUrl | null>('local:datasetUrl', { fallback: null });

/**
 * The dataset the panel answers from, written once each time one is switched
 * in (an import, a reset, the bundled sample at start-up). YouTube tabs and
 * the extension's pages watch this, not the import's progress record.
 */
export const activeDatasetItem = storage.defineItem<ActiveDataset | null>('local:activeDataset', { fallback: null });

/** "Download the full dataset automatically" (on by default; issue 13). */
export const fullDatasetAutomaticItem = storage.defineItem<boolean>('local:fullDatasetAutomatic', { fallback: true });

/** How the automatic download of the full dataset went: failures, the backoff, why it failed. */
export const fullDatasetStateItem = storage.defineItem<FullDatasetState | null>('local:fullDatasetState', { fallback: null });
