/**
 * A content script outlives its extension: after a reload or an update,
 * Chromium leaves the old copy running in open tabs, cut off from the
 * extension, and every extension API call throws "Extension context
 * invalidated." These helpers notice that and keep the throw out of the page.
 */
import { browser } from '#imports';

/** Whether this script can still reach its extension. Never throws. */
export function isExtensionAlive(): boolean {
  try {
    // Chromium clears `runtime.id` in a copy cut off from its extension.
    return typeof (browser.runtime as { id?: unknown } | undefined)?.id === 'string';
  } catch {
    return false;
  }
}

/**
 * Runs one call into the extension's APIs and returns its result; once the
 * extension is gone it returns `undefined` instead of throwing, and a promise
 * it returns never rejects unhandled.
 */
export function callExtension<T>(call: () => T): T | undefined {
  if (!isExtensionAlive()) return undefined;
  try {
    const result = call();
    if (result instanceof Promise) result.catch(() => undefined);
    return result;
  } catch {
    // Cut off between the check and the call: nothing left to do.
    return undefined;
  }
}
