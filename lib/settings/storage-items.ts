/** Everything kept in extension storage, each item defined once (WXT storage, `storage` permission). */
import { storage } from '#imports';
import type { ImportJob, SavedDatasetUrl } from '../imports/job';

/** Panel collapsed or expanded; remembered across videos and reloads. */
export const panelCollapsedItem = storage.defineItem<boolean>('local:panelCollapsed', { fallback: false });

/** The latest import and its progress: the checkpoint a restarted worker resumes from, and what the options page shows. */
export const importJobItem = storage.defineItem<ImportJob | null>('local:importJob', { fallback: null });

/** The dataset URL the daily check follows. */
export const datasetUrlItem = storage.defineItem<SavedDatasetUrl | null>('local:datasetUrl', { fallback: null });
