/** User preferences, each defined once (WXT storage, `storage` permission). */
import { storage } from '#imports';

/** Panel collapsed or expanded; remembered across videos and reloads. */
export const panelCollapsedItem = storage.defineItem<boolean>('local:panelCollapsed', { fallback: false });
