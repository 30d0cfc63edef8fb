/** Everything kept in extension storage, each item defined once (WXT storage, `storage` permission). */
import { storage } from '#imports';
import type { RateLimitState } from '../captions/rate-limits';
import type { FullDatasetState, ImportJob, SavedDatasetUrl } from '../imports/job';
import type { ActiveDataset } from '../store/records';

/** Panel collapsed or expanded; remembered across videos and reloads. */
export const panelCollapsedItem = storage.defineItem<boolean>('local:panelCollapsed', { fallback: false });

/** The one-line "no transcript for this video" notice: its reason hidden (the default) or shown; remembered. */
export const noticeCollapsedItem = storage.defineItem<boolean>('local:noticeCollapsed', { fallback: true });

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

/**
 * A new random token each time the background changes what the library search
 * reads from the captions cache (captions saved, a track chosen, the cache
 * cleared): the extension's pages, which keep the cache's index in memory, watch it.
 */
export const captionsCacheChangeItem = storage.defineItem<string | null>('local:captionsCacheChange', { fallback: null });

/** "Download the full dataset automatically" (on by default; issue 13). */
export const fullDatasetAutomaticItem = storage.defineItem<boolean>('local:fullDatasetAutomatic', { fallback: true });

/** How the automatic download of the full dataset went: failures, the backoff, why it failed. */
export const fullDatasetStateItem = storage.defineItem<FullDatasetState | null>('local:fullDatasetState', { fallback: null });

/**
 * YouTube's "slow down" (429) per captions method, shared by every YouTube tab
 * so a new tab does not ask again at once (lib/panel/shared-rate-limits.ts).
 * In `local:`, not `session:`: session storage is hidden from content scripts
 * unless the background opens all of it to them (`setAccessLevel`, which Firefox
 * lacks: bugzilla 1724754). The entries expire by their own time.
 */
export const captionsBackOffItem = storage.defineItem<RateLimitState>('local:captionsBackOff', { fallback: {} });
